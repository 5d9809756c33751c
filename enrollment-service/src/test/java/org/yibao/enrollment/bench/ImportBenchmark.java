package org.yibao.enrollment.bench;

import org.yibao.contracts.identity.ResidentId;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String service = o.getOrDefault("service", "http://127.0.0.1:8081");
        long rows = Long.parseLong(o.getOrDefault("rows", "1000000"));
        int year = LocalDate.now().getYear();
        int run = (int) (System.currentTimeMillis() / 1000 % 20);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Memory before = memory(http, service);
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/enrollment/imports"))
                        .timeout(Duration.ofHours(1)).header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedFile(rows, year, run))).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        Memory after = memory(http, service);

        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        String report = response.body();
        System.out.printf("rows %d in %.1f s = %.0f rows/s%n", rows, seconds, rows / seconds);
        System.out.println("report: " + report.substring(0, Math.min(300, report.length())));
        System.out.printf("enrollment-service heap used %d -> %d MiB (max %d MiB), resident %d -> %d MiB%n",
                before.heapUsed >> 20, after.heapUsed >> 20, after.heapMax >> 20, before.resident >> 20, after.resident >> 20);
    }

    /** A CSV of distinct valid persons, generated as it is read. */
    static final class GeneratedFile extends InputStream {
        private final long rows;
        private final int year;
        private final LocalDate firstBirth;
        private long next = -1;
        private byte[] line = "personId,name,regionCode,year,scheme,personType,tier,effectiveFrom\n".getBytes(StandardCharsets.UTF_8);
        private int pos;

        GeneratedFile(long rows, int year, int run) {
            this.rows = rows;
            this.year = year;
            this.firstBirth = LocalDate.of(1940, 1, 1).plusDays(run * 1_100L);
        }

        @Override
        public int read() {
            if (pos == line.length && !advance()) {
                return -1;
            }
            return line[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                if (pos == line.length && !advance()) {
                    return n == 0 ? -1 : n;
                }
                int chunk = Math.min(len - n, line.length - pos);
                System.arraycopy(line, pos, b, off + n, chunk);
                pos += chunk;
                n += chunk;
            }
            return n;
        }

        private boolean advance() {
            next++;
            if (next >= rows) {
                return false;
            }
            LocalDate birth = firstBirth.plusDays(next / 1000);
            String first17 = "441702" + birth.toString().replace("-", "") + String.format("%03d", next % 1000);
            String id = first17 + ResidentId.checkCharacter(first17);
            boolean employee = next % 5 == 0;
            line = (id + ",测试" + next + ",441702," + year + ","
                    + (employee ? "EMPLOYEE,EMPLOYEE_ACTIVE,EMPLOYER," : "RESIDENT,RESIDENT,,") + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }

    record Memory(long heapUsed, long heapMax, long resident) {
    }

    private static Memory memory(HttpClient http, String service) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new Memory(sum(metrics, "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)"),
                sum(metrics, "jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)"),
                residentOf("enrollment-service.jar"));
    }

    /** VmRSS of the local process whose command line names the jar (Linux), or 0. */
    private static long residentOf(String jar) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .findFirst()
                .map(p -> {
                    try {
                        for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + p.pid() + "/status"))) {
                            if (l.startsWith("VmRSS:")) {
                                return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                            }
                        }
                    } catch (IOException e) {
                        return 0L;
                    }
                    return 0L;
                })
                .orElse(0L);
    }

    private static long sum(String metrics, String regex) {
        Matcher m = Pattern.compile(regex).matcher(metrics);
        double total = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            total += v > 0 ? v : 0;
        }
        return (long) total;
    }
}
