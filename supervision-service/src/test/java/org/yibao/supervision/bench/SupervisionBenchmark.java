package org.yibao.supervision.bench;

import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.bench.EventFlood;
import org.yibao.testsupport.client.KeepAliveHttp;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Supervision benchmark against a running supervision-service (the launcher's by default):
 * (1) smart-audit throughput with the full rule library: N ClaimSettled events of 10 lines each (8
 * claims a person, stays with times and pharmacy purchases among them) are put on the claims topic as
 * fast as the producer can, and the time until supervision has applied them all (its consumer counter
 * on the Prometheus endpoint) gives claims/s; (2) real-time pre-check latency from closed-loop clients
 * over keep-alive connections, as settlement calls it, for a person with eight kept claims.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl supervision-service exec:exec@supervision-benchmark -Dbench.args="--seconds 20 --clients 8 --claims 100000"
 * </pre>
 */
public final class SupervisionBenchmark {

    /** The first pre-check answer that was not 200, printed once: a benchmark of refusals measures nothing. */
    private static final java.util.concurrent.atomic.AtomicReference<String> REFUSED = new java.util.concurrent.atomic.AtomicReference<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String service = o.getOrDefault("service", "http://127.0.0.1:8084");
        String kafka = o.getOrDefault("kafka", "127.0.0.1:19092");
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int claims = Integer.parseInt(o.getOrDefault("claims", "100000"));
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        HttpClient http = HttpClient.newHttpClient();
        // the local platform's benchmark hospital: its client may pre-check only its own bills
        String hospital = "HBENCH0000001";
        String hospitalToken = PlatformTokens.benchHospital(gateway);
        // registered once; a later run's 409 (already registered) is fine
        http.send(HttpRequest.newBuilder(URI.create(service + "/api/supervision/institutions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + PlatformTokens.benchStaff(gateway))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"code":"%s","name":"压测医院","regionCode":"441700","kind":"HOSPITAL","level":"LEVEL_2",
                         "agreementFrom":"2019-01-01"}""".formatted(hospital))).build(),
                HttpResponse.BodyHandlers.ofString());

        String library = http.send(HttpRequest.newBuilder(URI.create(service + "/api/supervision/rules"))
                .header("Authorization", "Bearer " + PlatformTokens.benchStaff(gateway)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        long rules = library.split("\"enabled\":true", -1).length - 1L;

        // 1. audit throughput
        EventFlood.Timing t = EventFlood.publishAndAwait(kafka, service, "ClaimSettled", claims, i -> claim(i, hospital));
        System.out.printf("audit: %d claims (10 lines each, %d enabled rules) produced in %.1f s, all audited after %.1f s = %.0f claims/s%n",
                claims, rules, t.producedSeconds(), t.appliedSeconds(), claims / t.appliedSeconds());

        // 2. pre-check latency, for the person of the first eight claims (their history is read)
        String id = claim(0, hospital).personId();
        String body = """
                {"personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s","diagnosisCodes":["I63.9"],
                 "total":"208.40","lines":[%s]}""".formatted(id, hospital, LocalDate.now(), String.join(",", Collections.nCopies(1,
                "{\"itemCode\":\"S120100001\",\"itemClass\":\"A\",\"quantity\":5,\"unitPrice\":\"40.00\",\"amount\":\"200.00\"},"
                        + "{\"itemCode\":\"XC08CAA001A001010100001\",\"itemClass\":\"A\",\"quantity\":28,\"unitPrice\":\"0.30\",\"amount\":\"8.40\"}")));
        runPreChecks(service, hospitalToken, body, clients, 5); // warm-up
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        runPreChecks(service, hospitalToken, body, clients, seconds, latencies);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("pre-check: %d calls in %.1f s = %.0f/s with %d clients; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                sorted.size(), elapsed, sorted.size() / elapsed, clients, pct(sorted, .5), pct(sorted, .9), pct(sorted, .99));

        System.exit(0);
    }

    private static void runPreChecks(String service, String token, String body, int clients, int seconds) throws InterruptedException {
        runPreChecks(service, token, body, clients, seconds, new ConcurrentLinkedQueue<>());
    }

    private static void runPreChecks(String service, String token, String body, int clients, int seconds, ConcurrentLinkedQueue<Long> out)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try (KeepAliveHttp client = new KeepAliveHttp(URI.create(service), token)) {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        KeepAliveHttp.Response r = client.post("/api/supervision/pre-checks", body);
                        if (r.status() == 200) {
                            out.add((System.nanoTime() - t) / 1000);
                        } else if (REFUSED.compareAndSet(null, r.status() + " " + r.body())) {
                            System.out.println("pre-check refused (not counted): " + r.status() + " " + r.body());
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
    }

    /**
     * A ten-line claim of person i / 8, the person's (i % 8)-th, nine days after the one before: two
     * stays with admission and discharge times, three general outpatient visits, two pharmacy purchases
     * of amlodipine (30 days each, the knowledge base's daily dose) and a chronic-disease visit with
     * metformin — so every rule of the library, across claims too, has a history to read.
     */
    private static ClaimSettled claim(int i, String hospital) {
        int personIndex = i / 8;
        int k = i % 8;
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(personIndex / 1000);
        String first17 = "441702" + birth.toString().replace("-", "") + String.format("%03d", personIndex % 1000);
        String person = first17 + ResidentId.checkCharacter(first17);
        LocalDate day = LocalDate.now().minusDays(80).plusDays(9L * k);
        VisitType type = switch (k) {
            case 0, 7 -> VisitType.INPATIENT;
            case 4, 5 -> VisitType.PHARMACY;
            case 6 -> VisitType.CHRONIC_OUTPATIENT;
            default -> VisitType.GENERAL_OUTPATIENT;
        };
        List<ClaimLine> lines = new ArrayList<>();
        String drug = k == 6 ? "XA10BAE045A001010100008" : "XC08CAA001A001010100001";
        lines.add(new ClaimLine(drug, "drug", ItemCategory.DRUG, ItemClass.A, new BigDecimal("30"), Price.of("0.30"), Money.of("9.00"),
                Money.ZERO, true, 30, "D0001"));
        for (int l = 1; l < 10; l++) {
            String code = type == VisitType.INPATIENT ? "S1201000" + String.format("%02d", l) : "S2501010" + String.format("%02d", l);
            lines.add(new ClaimLine(code, "item", ItemCategory.SERVICE, ItemClass.A, BigDecimal.ONE, Price.of("40.00"), Money.of("40.00"),
                    Money.ZERO, false, null, "D0001"));
        }
        Money total = Money.of("369.00");
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        boolean stay = type == VisitType.INPATIENT;
        return new ClaimSettled(UUID.randomUUID().toString(), person, hospital, "441700", Scheme.RESIDENT, type, day.getYear(), day,
                List.of(k == 6 ? "E11.9" : "I10", "J18.9"), Instant.now(), "bench", amounts, null, lines, PersonType.RESIDENT, false,
                stay ? day.minusDays(5).atTime(9, 0) : null, stay ? day.atTime(10, 0) : null, List.of(), "D0001", "A03");
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
    }
}
