package org.yibao.settlement.bench;

import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.GeneratedLines;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.bench.ServiceProbe;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Catalog import benchmark (issue 20: a 100,000-item catalog file under 60 s, memory flat) against a
 * running settlement-service (the launcher's by default): streams a generated national item file
 * (the 1312 layout, tab-separated, with the layout's management columns) of N synthetic items, never
 * held in memory on either side, twice: the first import adds every entry, the second (the same
 * file) must change nothing. Reports rows/s and the service's heap and resident memory.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl settlement-service exec:exec@catalog-import-benchmark -Dbench.args="--rows 100000"
 * </pre>
 *
 * Codes carry the run's second, so runs can be repeated against the same database.
 */
public final class CatalogImportBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String service = o.getOrDefault("service", "http://127.0.0.1:8082");
        String token = PlatformTokens.benchStaff(o.getOrDefault("gateway", "http://127.0.0.1:8080"));
        long rows = Long.parseLong(o.getOrDefault("rows", "100000"));
        String run = Long.toString(System.currentTimeMillis() / 1000 % 100000, 36).toUpperCase();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        for (String pass : new String[] {"first import", "same file again"}) {
            long heapBefore = heap(service);
            long residentBefore = ServiceProbe.residentBytes("settlement-service.jar");
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/settlement/catalog/imports/items"))
                            .timeout(Duration.ofHours(1)).header("Content-Type", "text/tab-separated-values; charset=utf-8")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedFile(rows, run))).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
            }
            System.out.printf("%s: %d rows in %.1f s = %.0f rows/s; report %s%n", pass, rows, seconds, rows / seconds,
                    response.body().substring(0, Math.min(200, response.body().length())));
            System.out.printf("  settlement-service heap used %d -> %d MiB, resident %d -> %d MiB%n", heapBefore >> 20,
                    heap(service) >> 20, residentBefore >> 20, ServiceProbe.residentBytes("settlement-service.jar") >> 20);
        }
    }

    /**
     * A synthetic national item file (marked so in every name): 60 % drugs, 30 % services, 10 %
     * consumables; classes about 甲 35 %, 乙 55 %, 丙 10 %; one in ten items with an end date.
     */
    static InputStream generatedFile(long rows, String run) {
        return new GeneratedLines("hilist_code\thilist_name\tbegndate\tenddate\tmed_chrgitm_type\tchrgitm_lv\tlmt_used_flag\t"
                + "list_type\twubi\tpinyin\tvali_flag\trid\tupdt_time", rows, n -> {
            long kind = n % 10;
            String listType = kind < 6 ? "101" : kind < 9 ? "201" : "301";
            long c = (n * 7) % 20;
            String level = c < 7 ? "01" : c < 18 ? "02" : "03";
            String end = n % 10 == 3 ? "2027-12-31" : "";
            return "XBENCH" + run + "-" + n + "\t合成目录项目 " + n + "\t2026-01-01\t" + end + "\t09\t" + level + "\t0\t" + listType
                    + "\tHCML\tHCML\t1\tRID" + n + "\t2026-01-01 00:00:00";
        });
    }

    private static long heap(String service) {
        return (long) ServiceProbe.sum(service, "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)");
    }
}
