package org.yibao.enrollment.bench;

import org.yibao.contracts.identity.ResidentId;
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
import java.time.LocalDate;
import java.util.Map;

/**
 * Bulk-import benchmark against a running enrollment-service (the launcher's by default): streams a
 * generated enrollment file of N persons, never held in memory on either side, and reports rows/s
 * and the service's heap and resident memory before and after.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install && java -jar local-launcher/target/local-launcher.jar   # in another terminal
 * ./mvnw -q -B -pl enrollment-service exec:exec@import-benchmark -Dbench.args="--rows 1000000"
 * </pre>
 *
 * Every run uses fresh ids (the run number is in the birth dates), so runs can be repeated against
 * the same database.
 */
public final class ImportBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String service = o.getOrDefault("service", "http://127.0.0.1:8081");
        String token = PlatformTokens.benchStaff(o.getOrDefault("gateway", "http://127.0.0.1:8080"));
        long rows = Long.parseLong(o.getOrDefault("rows", "1000000"));
        int year = LocalDate.now().getYear();
        int run = (int) (System.currentTimeMillis() / 1000 % 20);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Memory before = memory(service);
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/enrollment/imports"))
                        .timeout(Duration.ofHours(1)).header("Content-Type", "text/csv; charset=utf-8")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedFile(rows, year, run))).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        Memory after = memory(service);

        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        String report = response.body();
        System.out.printf("rows %d in %.1f s = %.0f rows/s%n", rows, seconds, rows / seconds);
        System.out.println("report: " + report.substring(0, Math.min(300, report.length())));
        System.out.printf("enrollment-service heap used %d -> %d MiB (max %d MiB), resident %d -> %d MiB%n",
                before.heapUsed >> 20, after.heapUsed >> 20, after.heapMax >> 20, before.resident >> 20, after.resident >> 20);
    }

    /** A CSV of distinct valid persons (80 % residents, 20 % employer-enrolled employees), generated as it is read. */
    static InputStream generatedFile(long rows, int year, int run) {
        LocalDate firstBirth = LocalDate.of(1940, 1, 1).plusDays(run * 1_100L);
        return new GeneratedLines("personId,name,regionCode,year,scheme,personType,tier,effectiveFrom,wageBase", rows, n -> {
            LocalDate birth = firstBirth.plusDays(n / 1000);
            String first17 = "441702" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
            boolean employee = n % 5 == 0;
            return first17 + ResidentId.checkCharacter(first17) + ",测试" + n + ",441702," + year + ","
                    + (employee ? "EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER,,6000.00" : "RESIDENT,RESIDENT,,,");
        });
    }

    record Memory(long heapUsed, long heapMax, long resident) {
    }

    private static Memory memory(String service) {
        return new Memory((long) ServiceProbe.sum(service, "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)"),
                (long) ServiceProbe.sum(service, "jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)"),
                ServiceProbe.residentBytes("enrollment-service.jar"));
    }
}
