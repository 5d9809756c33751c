package org.yibao.city.drive;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Every call's latency by API (method and path template), for the percentiles of the report. */
public final class Latencies {

    /** One API's calls: count and latency percentiles in milliseconds. */
    public record Summary(long calls, double p50, double p90, double p99, double max) {
    }

    private static final class Samples {
        long[] nanos = new long[1024];
        int size;

        synchronized void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        synchronized Summary summary() {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return new Summary(size, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                    size == 0 ? 0 : sorted[size - 1] / 1e6);
        }

        private static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            int at = (int) Math.ceil(quantile * sorted.length) - 1;
            return Math.round(sorted[Math.max(0, at)] / 1e3) / 1e3;
        }
    }

    private final Map<String, Samples> byApi = new ConcurrentHashMap<>();

    public void record(String api, long nanos) {
        byApi.computeIfAbsent(api, a -> new Samples()).add(nanos);
    }

    public Map<String, Summary> summaries() {
        Map<String, Summary> out = new LinkedHashMap<>();
        new TreeMap<>(byApi).forEach((api, samples) -> out.put(api, samples.summary()));
        return out;
    }
}
