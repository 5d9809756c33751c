package org.yibao.testsupport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What benchmarks read from a running service: its Prometheus counters and its resident memory. */
public final class ServiceProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceProbe() {
    }

    /** Events of a type a service's consumer has applied so far ({@code yibao_consumer_events_total}). */
    public static double processedEvents(String service, String eventType) {
        return sum(service, "yibao_consumer_events_total\\{[^}]*outcome=\"processed\"[^}]*type=\"" + eventType
                + "\"[^}]*\\} ([0-9.eE+]+)");
    }

    /** The sum of every sample of the service's Prometheus output that the pattern's first group captures. */
    public static double sum(String service, String regex) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile(regex).matcher(metrics);
            double total = 0;
            while (m.find()) {
                total += Math.max(0, Double.parseDouble(m.group(1)));
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** VmRSS of the local process whose command line names the jar (Linux), or 0. */
    public static long residentBytes(String jar) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .findFirst()
                .map(p -> {
                    try {
                        for (String l : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                            if (l.startsWith("VmRSS:")) {
                                return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                            }
                        }
                        return 0L;
                    } catch (IOException e) {
                        return 0L;
                    }
                })
                .orElse(0L);
    }
}
