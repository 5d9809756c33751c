package org.yibao.procurement.bench;

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

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consumption benchmark against a running procurement-service (the launcher's by default): registers
 * a batch of ten selected products, puts N ClaimSettled events of 10 lines each (all selected
 * products) on the claims topic as fast as the producer can, and times until procurement's consumer
 * counter shows them all applied.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl procurement-service exec:exec@consumption-benchmark -Dbench.args="--claims 50000"
 * </pre>
 */
public final class ConsumptionBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String service = o.getOrDefault("service", "http://127.0.0.1:8085");
        String token = PlatformTokens.benchStaff(o.getOrDefault("gateway", "http://127.0.0.1:8080"));
        String kafka = o.getOrDefault("kafka", "127.0.0.1:19092");
        int claims = Integer.parseInt(o.getOrDefault("claims", "50000"));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        HttpClient http = HttpClient.newHttpClient();
        List<String> products = new ArrayList<>();
        StringBuilder json = new StringBuilder();
        for (int p = 0; p < 10; p++) {
            String code = "XB" + run + "P" + p;
            products.add(code);
            json.append(p == 0 ? "" : ",").append("""
                    {"itemCode":"%s","genericName":"药品%d","specification":"1","manufacturer":"厂","winningPrice":0.30,"previousPrice":0.90}"""
                    .formatted(code, p));
        }
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(service + "/api/procurement/batches"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"batchId":"BENCH-%s","name":"bench","level":"NATIONAL","kind":"DRUG","startsOn":"2026-01-01",
                         "endsOn":"2026-12-31","products":[%s]}""".formatted(run, json))).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("batch: " + created.statusCode() + " " + created.body());
        }

        EventFlood.Timing t = EventFlood.publishAndAwait(kafka, service, "ClaimSettled", claims, i -> claim(i, products));
        System.out.printf("consumption: %d claims x 10 lines produced in %.1f s, all applied after %.1f s = %.0f claims/s (%.0f lines/s)%n",
                claims, t.producedSeconds(), t.appliedSeconds(), claims / t.appliedSeconds(), claims * 10 / t.appliedSeconds());
        System.exit(0);
    }

    private static ClaimSettled claim(int i, List<String> products) {
        String first17 = "441702" + LocalDate.of(1950, 1, 1).plusDays(i / 1000).toString().replace("-", "") + String.format("%03d", i % 1000);
        List<ClaimLine> lines = new ArrayList<>();
        for (String code : products) {
            lines.add(new ClaimLine(code, "药品", ItemCategory.DRUG, ItemClass.A, new BigDecimal("28"), Money.of("0.30"),
                    Money.of("8.40"), Money.ZERO, true));
        }
        Money total = Money.of("84.00");
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        return new ClaimSettled(UUID.randomUUID().toString(), first17 + ResidentId.checkCharacter(first17), "H" + (i % 50),
                "441700", Scheme.RESIDENT, VisitType.PHARMACY, 2026, LocalDate.of(2026, 3, 1), List.of("I10"), Instant.now(),
                "bench", amounts, null, lines);
    }

}
