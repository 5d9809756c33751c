package org.yibao.assistance.bench;

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
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String service = o.getOrDefault("service", "http://127.0.0.1:8083");
        long rows = Long.parseLong(o.getOrDefault("rows", "1340000"));
        int run = (int) (System.currentTimeMillis() / 1000 % 20);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long residentBefore = residentOf("assistance-service.jar");
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/assistance/identity-feeds"))
                        .timeout(Duration.ofHours(1)).header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedFeed(rows, run))).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        long residentAfter = residentOf("assistance-service.jar");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("feed answered " + response.statusCode() + ": " + response.body());
        }
        System.out.printf("rows %d ingested and merged in %.1f s = %.0f rows/s%n", rows, seconds, rows / seconds);
        System.out.println("report: " + response.body().substring(0, Math.min(300, response.body().length())));
        System.out.printf("assistance-service resident %d -> %d MiB%n", residentBefore >> 20, residentAfter >> 20);
    }

    /** Rows by three sources; every third person is named twice (by civil affairs and rural revitalization). */
    static final class GeneratedFeed extends InputStream {
        private final long rows;
        private final LocalDate firstBirth;
        private long next = -1;
        private byte[] line = "source,sourceRecordId,personId,category,validFrom,validTo,regionCode\n".getBytes(StandardCharsets.UTF_8);
        private int pos;

        GeneratedFeed(long rows, int run) {
            this.rows = rows;
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
            // rows come in groups of three for two persons: p(2k) once, p(2k+1) twice
            long group = next / 3;
            int inGroup = (int) (next % 3);
            long person = 2 * group + (inGroup == 0 ? 0 : 1);
            String source = inGroup == 2 ? "rural-revitalization" : "civil-affairs";
            LocalDate birth = firstBirth.plusDays(person / 1000);
            String first17 = "150102" + birth.toString().replace("-", "") + String.format("%03d", person % 1000);
            String id = first17 + ResidentId.checkCharacter(first17);
            String category = CATEGORIES[(int) ((person + inGroup) % CATEGORIES.length)];
            line = (source + "," + source.charAt(0) + "-" + id + "," + id + "," + category + ",2026-01-01,,150102\n")
                    .getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }

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
}
