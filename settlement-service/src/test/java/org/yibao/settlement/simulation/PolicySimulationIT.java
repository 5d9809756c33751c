package org.yibao.settlement.simulation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.policy.PolicyPackReader;
import org.yibao.settlement.policy.PolicyPacks;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 28 on a real PostgreSQL and Kafka: bills settled through the API, then replayed under candidate packs. Under the
 * unchanged pack every bill comes out as settled, to the fen; under a pack with one ratio raised the difference is the
 * hand computation; nothing real (bills, accumulators, events) changes; a bad pack is refused naming its field.
 *
 * <p>The hand-computed case runs in a district no other test bills in (赛罕区 150105, under Hohhot's city pack), with a
 * candidate for that district alone, so its totals are this test's bills only.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicySimulationIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String DISTRICT = "150105";
    /** 新城区: the unchanged pack's case, under the city's pack like the district above. */
    private static final String OTHER_DISTRICT = "150102";
    private static final String HOSPITAL = "H15010500028";   // level 2, in the district
    private static final int YEAR = LocalDate.now().getYear();
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;
    @Autowired
    private PolicySimulationStore store;
    @Autowired
    private PolicyPacks packs;

    private ServiceClient api;
    private EventPublisher events;
    private String hohhot;

    @BeforeAll
    void hospitalExists() throws Exception {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.MANAGER);
        events = new EventPublisher(json);
        events.publish(new InstitutionStatusChanged(HOSPITAL, "赛罕区某医院", DISTRICT, InstitutionKind.HOSPITAL, InstitutionLevel.LEVEL_2,
                null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from institution_period where code = ?", Integer.class, HOSPITAL) > 0);
        hohhot = new ClassPathResource("policy-packs/hohhot-2022-resident.yml").getContentAsString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void closeClients() {
        events.close();
    }

    @Test
    void underARaisedRatioTheDifferenceIsTheHandComputationAndNothingRealChanges() {
        String a = enrolledResident();
        String b = enrolledResident();
        settle(a, inpatient("10000.00"));     // scope 10,000: (10,000 - 400) x 75% = 7,200.00; at 80%: 7,680.00
        settle(a, inpatient("2000.00"));      // a new admission: (2,000 - 400) x 75% = 1,200.00; at 80%: 1,280.00
        settle(b, outpatient("1200.00"));     // general outpatient: (1,200 - 500) x 60% = 420.00, its ratio not changed
        String reversed = settle(b, inpatient("4000.00"));
        assertThat(api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements/" + reversed + "/reversal",
                "{\"reason\":\"entered twice\"}").statusCode()).isEqualTo(200);
        String before = realState();

        String candidate = hohhot.replace("id: hohhot-2022-resident", "id: saihan-2022-resident-candidate")
                .replace("region: { code: \"150100\", name: 呼和浩特市 }", "region: { code: \"150105\", name: 赛罕区 }")
                .replace("RESIDENT: { COMMUNITY: 0.90, LEVEL_1: 0.90, LEVEL_2: 0.75, LEVEL_3: 0.60 }",
                        "RESIDENT: { COMMUNITY: 0.90, LEVEL_1: 0.90, LEVEL_2: 0.80, LEVEL_3: 0.60 }");
        assertThat(candidate).contains("LEVEL_2: 0.80").contains("150105");
        JsonNode done = simulate(candidate, "&from=" + LocalDate.of(YEAR, 1, 1) + "&to=" + TODAY);

        JsonNode all = group(done, "ALL", "ALL");
        assertThat(all.at("/bills").asLong()).as("the reversed bill is not counted").isEqualTo(3);
        assertThat(all.at("/persons").asLong()).isEqualTo(2);
        assertThat(money(all, "/difference/basicFund")).isEqualByComparingTo("560.00");
        assertThat(money(all, "/difference/cash")).isEqualByComparingTo("-560.00");
        assertThat(money(all, "/difference/policyScope")).isEqualByComparingTo("0.00");
        assertThat(money(all, "/difference/total")).isEqualByComparingTo("0.00");
        assertThat(money(all, "/settled/basicFund")).isEqualByComparingTo("8820.00");    // 7,200 + 1,200 + 420
        assertThat(money(all, "/replayed/basicFund")).isEqualByComparingTo("9380.00");
        assertThat(money(group(done, "VISIT_TYPE", "INPATIENT"), "/difference/basicFund")).isEqualByComparingTo("560.00");
        assertThat(money(group(done, "VISIT_TYPE", "GENERAL_OUTPATIENT"), "/difference/basicFund")).isEqualByComparingTo("0.00");
        assertThat(money(group(done, "INSTITUTION_LEVEL", "LEVEL_2"), "/difference/cash")).isEqualByComparingTo("-560.00");
        assertThat(group(done, "REPLAYED_BY", "CANDIDATE").at("/bills").asLong()).isEqualTo(3);
        // basic fund over policy scope: 8,820 / 13,200 settled, 9,380 / 13,200 replayed
        assertThat(new BigDecimal(all.at("/settledRatios/basicPolicyScope").asString())).isEqualByComparingTo("66.82");
        assertThat(new BigDecimal(all.at("/replayedRatios/basicPolicyScope").asString())).isEqualByComparingTo("71.06");
        JsonNode falls = done.at("/result/cashFallsMost");
        assertThat(falls.size()).isEqualTo(1);
        assertThat(falls.get(0).at("/person").asString()).isEqualTo(IdMasking.mask(a)).doesNotContain(a.substring(6, 14));
        assertThat(money(falls.get(0), "/difference")).isEqualByComparingTo("-560.00");
        assertThat(done.at("/result/cashRisesMost").size()).isZero();
        assertThat(realState()).as("bills, accumulators and the outbox are as they were").isEqualTo(before);

        HttpResponse<String> csv = api.get("/api/settlement/policy-simulations/" + done.at("/id").asString() + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).startsWith("\uFEFFsimulation,candidate,year,from,to,dimension,value,bills,persons");
        assertThat(rows).anyMatch(r -> r.contains(",ALL,ALL,3,2,") && r.contains(",8820.00,9380.00,560.00,"));
        HttpResponse<String> persons = api.get("/api/settlement/policy-simulations/" + done.at("/id").asString() + "/persons.csv");
        assertThat(persons.body()).contains("FALLS," + IdMasking.mask(a) + ",2,").doesNotContain(a);
    }

    @Test
    void underTheUnchangedPackEveryBillComesOutAsSettledToTheFen() throws Exception {
        String a = enrolledResident(OTHER_DISTRICT);
        settle(a, inpatient("40000.00"));   // self-pay 10,300.00 of 15,000 to catastrophic insurance's threshold
        String reversed = settle(a, inpatient("6000.00"));
        settle(a, outpatient("800.00"));
        assertThat(api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements/" + reversed + "/reversal",
                "{\"reason\":\"wrong patient\"}").statusCode()).isEqualTo(200);
        settle(a, inpatient("30000.00"));   // self-pay 7,800.00 more: into catastrophic insurance, by the accumulators
        settle(enrolledResident(OTHER_DISTRICT), outpatient("400.00"));

        // the pack file as shipped, for the whole city: every resident bill of the year in Hohhot, whoever settled it
        JsonNode done = simulate(hohhot, "");

        JsonNode all = group(done, "ALL", "ALL");
        assertThat(all.at("/bills").asLong()).as("four not reversed").isGreaterThanOrEqualTo(4);
        for (String layer : List.of("total", "fullSelfPay", "priorSelfPay", "policyScope", "deductible", "basicFund", "catastrophic",
                "supplementary", "assistance", "fundsPaid", "personalAccount", "cash")) {
            assertThat(money(all, "/difference/" + layer)).as(layer).isEqualByComparingTo("0.00");
        }
        assertThat(money(all, "/settled/catastrophic")).as("the case reaches catastrophic insurance").isPositive();
        assertThat(done.at("/result/cashRisesMost").size() + done.at("/result/cashFallsMost").size()).isZero();
        assertThat(done.at("/result/refusals").size()).isZero();
        // and bill by bill, not only in sum: each replayed bill's amounts are its settled ones
        Replay replay = new Replay(new Adjudicator());
        long upTo = store.lastSeq();
        List<String> persons = store.personsAfter("", YEAR, Scheme.RESIDENT, "150100", upTo, 10_000).stream()
                .map(PolicySimulationStore.PersonBills::personId).toList();
        PackChoice unchanged = new PackChoice(PolicyPackReader.readUpload(hohhot), packs);
        List<ReplayBill> bills = store.bills(persons, YEAR, Scheme.RESIDENT, upTo);
        List<List<ReplayBill>> byPerson = new ArrayList<>();
        for (ReplayBill bill : bills) {
            if (byPerson.isEmpty() || !byPerson.get(byPerson.size() - 1).get(0).personId().equals(bill.personId())) {
                byPerson.add(new ArrayList<>());
            }
            byPerson.get(byPerson.size() - 1).add(bill);
        }
        int compared = 0;
        for (List<ReplayBill> person : byPerson) {
            for (Replay.Outcome o : replay.person(person, unchanged::of)) {
                assertThat(o.way()).isEqualTo(Replay.Way.CANDIDATE);
                assertThat(o.replayed()).as("bill " + o.bill().id()).isEqualTo(o.bill().settled());
                compared++;
            }
        }
        assertThat(compared).as("the five bills settled above, the reversed one too").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aBadCandidateOrPeriodIsRefusedNamingTheFieldAndNothingIsQueued() {
        int before = jdbc.queryForObject("select count(*) from policy_simulation", Integer.class);

        assertRefused(hohhot.replace("LEVEL_2: 0.75", "LEVEL_2: 1.75"), "?year=" + YEAR, "pack.visits.INPATIENT.ratio");
        assertRefused(hohhot.replace("scheme: RESIDENT", "scheme: NOBODY"), "?year=" + YEAR, "pack.scheme");
        assertRefused("visits: [", "?year=" + YEAR, "pack.visits");
        assertRefused("id: 'never closed", "?year=" + YEAR, "pack.(file)");
        assertRefused("", "?year=" + YEAR, "pack");
        assertRefused(hohhot, "?year=" + YEAR + "&from=" + (YEAR - 1) + "-12-01", "from");
        assertRefused(hohhot, "?year=" + YEAR + "&from=" + YEAR + "-05-01&to=" + YEAR + "-04-01", "to");
        assertRefused(hohhot, "?year=" + YEAR + "&to=yesterday", "to");
        assertRefused(hohhot, "?year=20x6", "year");

        assertThat(jdbc.queryForObject("select count(*) from policy_simulation", Integer.class)).isEqualTo(before);
        HttpResponse<String> unknown = api.get("/api/settlement/policy-simulations/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> hospital = api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/policy-simulations?year=" + YEAR,
                "application/yaml", hohhot);
        assertThat(hospital.statusCode()).as("only the bureau's managers simulate").isIn(403, 404);
        assertThat(jdbc.queryForObject("select count(*) from policy_simulation", Integer.class)).isEqualTo(before);
    }

    @Test
    void aRunWhoseWorkerStoppedIsTakenOverAndTheListShowsWhoAskedFromTheToken() {
        UUID id = UUID.randomUUID();
        store.insert(id, "manager-9", Instant.now(), "hohhot-2022-resident@4", "150100", Scheme.RESIDENT, hohhot, YEAR,
                LocalDate.of(YEAR, 1, 1), TODAY);
        jdbc.update("update policy_simulation set status = 'RUNNING', claimed_by = ?, heartbeat_at = now() - interval '10 minutes'"
                + " where id = ?", UUID.randomUUID(), id);

        await().atMost(Duration.ofSeconds(60)).until(() -> "SUCCEEDED".equals(jdbc.queryForObject(
                "select status from policy_simulation where id = ?", String.class, id)));

        String asked = json.readTree(api.post("/api/settlement/policy-simulations?year=" + YEAR, "application/yaml", hohhot).body())
                .at("/id").asString();
        JsonNode list = json.readTree(api.get("/api/settlement/policy-simulations").body());
        JsonNode mine = null;
        for (JsonNode s : list) {
            if (s.at("/id").asString().equals(asked)) {
                mine = s;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.at("/requestedBy").asString()).isEqualTo(TestCallers.MANAGER.clientId());
        assertThat(mine.has("result") && !mine.get("result").isNull()).as("lists leave results out").isFalse();
    }

    private void assertRefused(String yaml, String query, String field) {
        HttpResponse<String> answer = api.post("/api/settlement/policy-simulations" + query, "application/yaml", yaml);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).as(field).contains("\"" + field);
    }

    /** Submits a candidate and waits until it succeeded; the finished simulation with its result. */
    private JsonNode simulate(String yaml, String period) {
        HttpResponse<String> queued = api.post("/api/settlement/policy-simulations?year=" + YEAR + period, "application/yaml", yaml);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String id = json.readTree(queued.body()).at("/id").asString();
        assertThat(queued.headers().firstValue("Location")).contains("/api/settlement/policy-simulations/" + id);
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(api.get("/api/settlement/policy-simulations/" + id).body())
                .at("/status").asString().matches("SUCCEEDED|FAILED"));
        JsonNode done = json.readTree(api.get("/api/settlement/policy-simulations/" + id).body());
        assertThat(done.at("/status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/billsDone").asLong()).isEqualTo(done.at("/billsTotal").asLong());
        assertThat(done.at("/percentDone").asString()).isEqualTo("100.0");
        return done;
    }

    private static JsonNode group(JsonNode done, String dimension, String value) {
        for (JsonNode g : done.at("/result/groups")) {
            if (g.at("/dimension").asString().equals(dimension) && g.at("/value").asString().equals(value)) {
                return g;
            }
        }
        throw new AssertionError("no group " + dimension + "=" + value + " in " + done.at("/result/groups"));
    }

    private static BigDecimal money(JsonNode node, String pointer) {
        return new BigDecimal(node.at(pointer).asString());
    }

    /** A fingerprint of everything real a simulation must not touch. */
    private String realState() {
        return jdbc.queryForObject("select (select count(*) || ':' || coalesce(sum(total + basic_fund + cash), 0) || ':'"
                + " || count(reversed_at) from settlement) || '/' || (select md5(coalesce(string_agg(a::text, ',' order by person_id,"
                + " scheme, year), '')) from accumulator a) || '/' || (select count(*) from outbox_event)", String.class);
    }

    private String settle(String person, String lines) {
        String body = """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"%s","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"lines":[%s]}""".formatted(UUID.randomUUID(), person, HOSPITAL,
                lines.startsWith("I") ? "INPATIENT" : "GENERAL_OUTPATIENT", TODAY, lines.substring(1));
        HttpResponse<String> settled = api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements", body);
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
        return json.readTree(settled.body()).at("/id").asString();
    }

    /** Haemodialysis (血液透析, class A, 400.00 a session) adding up to {@code amount}, as an inpatient bill. */
    private static String inpatient(String amount) {
        return "I" + sessions(amount);
    }

    private static String outpatient(String amount) {
        return "O" + sessions(amount);
    }

    private static String sessions(String amount) {
        String quantity = new BigDecimal(amount).divide(new BigDecimal("400")).toPlainString();
        return "{\"itemCode\":\"S311201001\",\"quantity\":" + quantity + ",\"unitPrice\":\"400.00\"}";
    }

    private String enrolledResident() {
        return enrolledResident(DISTRICT);
    }

    private String enrolledResident(String district) {
        String first17 = district + "19800101" + String.format("%03d", PEOPLE.incrementAndGet() + 300);
        String person = first17 + ResidentId.checkCharacter(first17);
        events.publish(new PersonEnrolled(person, district, Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR, LocalDate.of(YEAR, 1, 1),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(distinct year) from enrollment_period where person_id = ?", Integer.class, person) == 1);
        return person;
    }

}
