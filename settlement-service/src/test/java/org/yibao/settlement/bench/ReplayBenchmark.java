package org.yibao.settlement.bench;

import org.postgresql.PGConnection;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.Adjudication;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.adjudication.BillLine;
import org.yibao.settlement.adjudication.Claim;
import org.yibao.settlement.adjudication.TreatmentPlace;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPackReader;
import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.bench.ServiceProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The policy simulation's replay of a city's year (issue 28), against a running platform (the launcher's): it writes a
 * year of settled resident bills for {@code --persons} persons of a Zhumadian-like city straight into settlement's
 * database — each bill adjudicated by the real {@link Adjudicator} under the shipped zhumadian-2021-resident pack with
 * the person's running accumulators, so the rows are what settlement would have stored — then asks the gateway for two
 * simulations of that year: under the unchanged pack (which must find no difference) and under a candidate with the
 * inpatient level-2 ratio raised 5 points. It reports how long each replay took (the service's own start and finish
 * times), bills/s, and settlement-service's heap and resident memory sampled every second while it ran.
 *
 * <p>The bill mix (ASSUMPTION, from Zhumadian's 2021 figures in seeds/004: about 15 million bills for 7.15 million
 * insured, so about 2.1 a person a year; 518,000 low-income, 7%): per person 0-6 bills, half general outpatient, a
 * quarter pharmacy, 15% chronic outpatient, 10% inpatient stays of 30 lines.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl settlement-service test-compile exec:exec@replay-benchmark -Dbench.args="--persons 50000"
 * </pre>
 */
public final class ReplayBenchmark {

    private static final int YEAR = 2021;
    private static final String PACK = "policy-packs/zhumadian-2021-resident.yml";
    private static final List<String> DISTRICTS = List.of("411702", "411721", "411722", "411723", "411724", "411725", "411726",
            "411727", "411728", "411729");
    private static final List<AssistanceCategory> LOW_INCOME = List.of(AssistanceCategory.MINIMUM_LIVING,
            AssistanceCategory.EXTREME_POVERTY, AssistanceCategory.LIFTED_OUT_OF_POVERTY);
    private static final String COLUMNS = "id, idempotency_key, request_hash, person_id, institution_code, region_code, scheme,"
            + " visit_type, year, service_date, policy_pack, total, full_self_pay, prior_self_pay, policy_scope, deductible,"
            + " basic_fund, catastrophic, supplementary, assistance, personal_account, cash, lines, accumulator_delta,"
            + " settled_at, person_type, claim_input";

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        int persons = Integer.parseInt(o.getOrDefault("persons", "50000"));
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        String settlement = o.getOrDefault("settlement", "http://127.0.0.1:8082");
        String jdbc = o.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("YIBAO_PG_PORT", "15432")
                + "/settlement");
        String yaml = new String(ReplayBenchmark.class.getClassLoader().getResourceAsStream(PACK).readAllBytes(), StandardCharsets.UTF_8);
        PolicyPack pack = PolicyPackReader.readUpload(yaml);
        JsonMapper json = JsonMapper.builder().build();

        long bills;
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            db.createStatement().execute("delete from settlement where idempotency_key like 'replay-bench-%'");
            bills = write(db, pack, json, persons);
            db.createStatement().execute("analyze settlement");
        }
        System.out.printf("wrote %,d bills for %,d persons (year %d) in %.1f s%n", bills, persons, YEAR, (System.nanoTime() - started) / 1e9);

        String token = PlatformTokens.benchStaff(gateway);
        run("unchanged pack", gateway, settlement, token, yaml, json);
        String raised = yaml.replace("RESIDENT: { COMMUNITY: 0.90, LEVEL_1: 0.90, LEVEL_2: 0.75, LEVEL_3: 0.60 }",
                "RESIDENT: { COMMUNITY: 0.90, LEVEL_1: 0.90, LEVEL_2: 0.80, LEVEL_3: 0.60 }");
        if (raised.equals(yaml)) {
            throw new IllegalStateException("the pack's inpatient ratios are not where the benchmark expects them");
        }
        run("inpatient level 2 at 80%", gateway, settlement, token, raised, json);
    }

    /** One simulation through the gateway, sampled every second until it finished. */
    private static void run(String what, String gateway, String settlement, String token, String yaml, JsonMapper json) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> queued = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/settlement/policy-simulations?year=" + YEAR))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());
        if (queued.statusCode() != 202) {
            throw new IllegalStateException("the simulation was refused: " + queued.statusCode() + " " + queued.body());
        }
        String id = json.readTree(queued.body()).at("/id").asString();
        long heapBefore = heap(settlement);
        long rssBefore = ServiceProbe.residentBytes("settlement-service.jar");
        long heapMax = heapBefore;
        long rssMax = rssBefore;
        JsonNode s;
        while (true) {
            Thread.sleep(1000);
            s = json.readTree(http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/settlement/policy-simulations/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            heapMax = Math.max(heapMax, heap(settlement));
            rssMax = Math.max(rssMax, ServiceProbe.residentBytes("settlement-service.jar"));
            if (s.at("/status").asString().matches("SUCCEEDED|FAILED")) {
                break;
            }
        }
        if (!"SUCCEEDED".equals(s.at("/status").asString())) {
            throw new IllegalStateException("the simulation failed: " + s.at("/failure").asString());
        }
        double seconds = (Instant.parse(s.at("/finishedAt").asString()).toEpochMilli()
                - Instant.parse(s.at("/startedAt").asString()).toEpochMilli()) / 1000.0;
        long replayed = s.at("/billsDone").asLong();
        JsonNode all = s.at("/result/groups/0");
        System.out.printf("%s: %,d bills replayed in %.1f s = %,.0f bills/s (15 million at this pace: %.0f min);"
                        + " heap used %d -> max %d MiB, resident %d -> max %d MiB%n", what, replayed, seconds, replayed / seconds,
                15_000_000 / (replayed / seconds) / 60, heapBefore >> 20, heapMax >> 20, rssBefore >> 20, rssMax >> 20);
        System.out.printf("  %s: basic fund %s -> %s (%s), cash %s -> %s, policy-scope ratio %s%% -> %s%%%n", all.at("/value").asString(),
                all.at("/settled/basicFund").asString(), all.at("/replayed/basicFund").asString(), all.at("/difference/basicFund").asString(),
                all.at("/settled/cash").asString(), all.at("/replayed/cash").asString(), all.at("/settledRatios/policyScope").asString(),
                all.at("/replayedRatios/policyScope").asString());
    }

    private static long heap(String settlement) {
        return (long) ServiceProbe.sum(settlement, "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)");
    }

    /** Writes every person's year, adjudicated in order with the person's running accumulators, by COPY in chunks. */
    private static long write(Connection db, PolicyPack pack, JsonMapper json, int persons) throws Exception {
        Adjudicator adjudicator = new Adjudicator();
        SplittableRandom random = new SplittableRandom(28);
        StringBuilder chunk = new StringBuilder(1 << 22);
        long bills = 0;
        long clock = LocalDate.of(YEAR, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8)).toEpochMilli();
        for (int p = 0; p < persons; p++) {
            // distinct for up to 3.36 million persons: district, birth month and day, then a sequence number
            String district = DISTRICTS.get(p % DISTRICTS.size());
            int q = p / DISTRICTS.size();
            String first17 = district + "1970" + String.format("%02d%02d%03d", 1 + q % 12, 1 + q / 12 % 28, q / 336 % 1000);
            String person = first17 + ResidentId.checkCharacter(first17);
            Optional<AssistanceCategory> category = random.nextInt(100) < 7 ? Optional.of(LOW_INCOME.get(random.nextInt(3))) : Optional.empty();
            int count = billsOf(random);
            List<Integer> days = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                days.add(random.nextInt(365));
            }
            days.sort(Integer::compare);
            Accumulators yearToDate = Accumulators.NONE;
            for (int day : days) {
                Claim claim = claim(random, category);
                Adjudication a = adjudicator.adjudicate(claim, yearToDate, pack);
                yearToDate = yearToDate.plus(a.delta());
                clock += 1 + random.nextInt(5);
                row(chunk, person, district, LocalDate.of(YEAR, 1, 1).plusDays(day), claim, a, pack, json, clock);
                bills++;
            }
            if (chunk.length() > (1 << 22) - 100_000 || p == persons - 1) {
                ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI()
                        .copyIn("copy settlement (" + COLUMNS + ") from stdin (format csv)", new StringReader(chunk.toString()));
                chunk.setLength(0);
            }
        }
        return bills;
    }

    /** 0-6 bills, about 2.1 on average. */
    private static int billsOf(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 20 ? 0 : r < 42 ? 1 : r < 62 ? 2 : r < 78 ? 3 : r < 90 ? 4 : r < 97 ? 5 : 6;
    }

    private static Claim claim(SplittableRandom random, Optional<AssistanceCategory> category) {
        int r = random.nextInt(100);
        VisitType visit = r < 50 ? VisitType.GENERAL_OUTPATIENT : r < 75 ? VisitType.PHARMACY : r < 90 ? VisitType.CHRONIC_OUTPATIENT
                : VisitType.INPATIENT;
        InstitutionLevel level = visit == VisitType.PHARMACY ? InstitutionLevel.UNGRADED
                : List.of(InstitutionLevel.COMMUNITY, InstitutionLevel.LEVEL_1, InstitutionLevel.LEVEL_2, InstitutionLevel.LEVEL_3)
                .get(random.nextInt(4));
        int lines = switch (visit) {
            case INPATIENT -> 30;
            case PHARMACY -> 2;
            case CHRONIC_OUTPATIENT -> 4;
            default -> 5;
        };
        int meanFen = switch (visit) {
            case INPATIENT -> 40_000;       // 30 lines of about 400 yuan: a stay of about 12,000
            case PHARMACY -> 6_000;
            case CHRONIC_OUTPATIENT -> 10_000;
            default -> 4_000;
        };
        List<BillLine> billLines = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            int c = random.nextInt(100);
            ItemClass itemClass = c < 70 ? ItemClass.A : c < 92 ? ItemClass.B : ItemClass.C;
            Money price = Money.ofFen(meanFen / 2 + random.nextInt(meanFen));
            billLines.add(new BillLine("BENCH" + i, "item " + i, i % 3 == 0 ? ItemCategory.SERVICE : ItemCategory.DRUG, itemClass,
                    BigDecimal.ONE, price, Optional.empty(), false));
        }
        return new Claim(visit, level, PersonType.RESIDENT, Optional.empty(), category, TreatmentPlace.LOCAL, List.of("I10"),
                List.of("I10"), billLines, Money.ZERO);
    }

    private static void row(StringBuilder out, String person, String district, LocalDate day, Claim claim, Adjudication a, PolicyPack pack,
                            JsonMapper json, long clock) {
        var m = a.amounts();
        String institution = claim.visitType() == VisitType.PHARMACY ? "PBENCH0000001" : "HBENCH0000001";
        cells(out, UUID.randomUUID(), "replay-bench-" + UUID.randomUUID(), "bench", person, institution, district, "RESIDENT",
                claim.visitType(), YEAR, day, pack.label(), m.total(), m.fullSelfPay(), m.priorSelfPay(), m.policyScope(),
                m.deductible(), m.basicFund(), m.catastrophic(), m.supplementary(), m.assistance(), m.personalAccount(), m.cash(),
                "{\"lines\":[],\"uncatalogued\":[]}", json.writeValueAsString(a.delta()), new Timestamp(clock).toInstant(), "RESIDENT",
                json.writeValueAsString(claim));
    }

    /** One CSV record: every cell quoted, quotes doubled. */
    private static void cells(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(String.valueOf(cells[i]).replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }
}
