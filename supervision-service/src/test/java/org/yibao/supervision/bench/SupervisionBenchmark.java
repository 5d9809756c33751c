package org.yibao.supervision.bench;

import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
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
 * (1) real-time pre-check latency from closed-loop clients over keep-alive connections, as
 * settlement calls it; (2) smart-audit throughput: N ClaimSettled events of 10 lines each are put on
 * the claims topic as fast as the producer can, and the time until supervision has applied them all
 * (its consumer counter on the Prometheus endpoint) gives claims/s.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl supervision-service exec:exec@supervision-benchmark -Dbench.args="--seconds 20 --clients 8 --claims 100000"
 * </pre>
 */
public final class SupervisionBenchmark {

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

        // 1. pre-check latency
        String person = "441702197001011" + "23";
        String first17 = person.substring(0, 17);
        String id = first17 + ResidentId.checkCharacter(first17);
        String body = """
                {"personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s","diagnosisCodes":["I63.9"],
                 "total":"400.00","lines":[%s]}""".formatted(id, hospital, LocalDate.now(), String.join(",", Collections.nCopies(1,
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

        // 2. audit throughput
        EventFlood.Timing t = EventFlood.publishAndAwait(kafka, service, "ClaimSettled", claims, i -> claim(i, hospital));
        System.out.printf("audit: %d claims (10 lines each) produced in %.1f s, all audited after %.1f s = %.0f claims/s%n",
                claims, t.producedSeconds(), t.appliedSeconds(), claims / t.appliedSeconds());
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
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
    }

    /** A ten-line inpatient claim for its own person (so cross-claim rules have history to look at). */
    private static ClaimSettled claim(int i, String hospital) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i / 1000);
        String first17 = "441702" + birth.toString().replace("-", "") + String.format("%03d", i % 1000);
        String person = first17 + ResidentId.checkCharacter(first17);
        List<ClaimLine> lines = new ArrayList<>();
        for (int l = 0; l < 10; l++) {
            lines.add(new ClaimLine("S1201000" + String.format("%02d", l), "item", ItemCategory.SERVICE, ItemClass.A,
                    BigDecimal.ONE, Money.of("40.00"), Money.of("40.00"), Money.ZERO, false));
        }
        Money total = Money.of("400.00");
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        return new ClaimSettled(UUID.randomUUID().toString(), person, hospital, "441700", Scheme.RESIDENT, VisitType.INPATIENT,
                LocalDate.now().getYear(), LocalDate.now(), List.of("J18.9"), Instant.now(), "bench", amounts, null, lines);
    }


    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
    }
}
