package org.yibao.assistance.bench;

import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.bench.GeneratedLines;
import org.yibao.testsupport.bench.ServiceProbe;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * Identity-feed benchmark against a running assistance-service (the launcher's by default): streams
 * a generated feed of N rows as the departments would send it — about a third of the persons named
 * by two sources, some with conflicting categories — and reports the time to ingest and merge it and
 * the service's resident memory before and after.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl assistance-service exec:exec@feed-benchmark -Dbench.args="--rows 1340000"
 * </pre>
 */
public final class FeedBenchmark {

    private static final String[] CATEGORIES = {"MINIMUM_LIVING", "LIFTED_OUT_OF_POVERTY", "EXTREME_POVERTY",
            "POVERTY_MONITORED", "LIFTED_UNSTABLE", "EDGE_OF_POVERTY"};

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String service = o.getOrDefault("service", "http://127.0.0.1:8083");
        String token = PlatformTokens.benchStaff(o.getOrDefault("gateway", "http://127.0.0.1:8080"));
        long rows = Long.parseLong(o.getOrDefault("rows", "1340000"));
        int run = (int) (System.currentTimeMillis() / 1000 % 20);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long residentBefore = ServiceProbe.residentBytes("assistance-service.jar");
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/assistance/identity-feeds"))
                        .timeout(Duration.ofHours(1)).header("Content-Type", "text/csv; charset=utf-8")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedFeed(rows, run))).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        long residentAfter = ServiceProbe.residentBytes("assistance-service.jar");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("feed answered " + response.statusCode() + ": " + response.body());
        }
        System.out.printf("rows %d ingested and merged in %.1f s = %.0f rows/s%n", rows, seconds, rows / seconds);
        System.out.println("report: " + response.body().substring(0, Math.min(300, response.body().length())));
        System.out.printf("assistance-service resident %d -> %d MiB%n", residentBefore >> 20, residentAfter >> 20);
    }

    /** Rows by three sources: rows come in threes for two persons, p(2k) once, p(2k+1) twice (civil affairs and rural revitalization). */
    static InputStream generatedFeed(long rows, int run) {
        LocalDate firstBirth = LocalDate.of(1940, 1, 1).plusDays(run * 1_100L);
        return new GeneratedLines("source,sourceRecordId,personId,category,validFrom,validTo,regionCode", rows, n -> {
            long group = n / 3;
            int inGroup = (int) (n % 3);
            long person = 2 * group + (inGroup == 0 ? 0 : 1);
            String source = inGroup == 2 ? "rural-revitalization" : "civil-affairs";
            LocalDate birth = firstBirth.plusDays(person / 1000);
            String first17 = "150102" + birth.toString().replace("-", "") + String.format("%03d", person % 1000);
            String id = first17 + ResidentId.checkCharacter(first17);
            String category = CATEGORIES[(int) ((person + inGroup) % CATEGORIES.length)];
            return source + "," + source.charAt(0) + "-" + id + "," + id + "," + category + ",2026-01-01,,150102";
        });
    }
}
