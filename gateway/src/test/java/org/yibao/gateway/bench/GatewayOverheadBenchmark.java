package org.yibao.gateway.bench;

import org.yibao.testsupport.bench.BenchArgs;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.client.KeepAliveHttp;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the gateway adds to a call, measured against a running platform (the launcher's by
 * default): the same request (GET /api/settlement/policy-packs, answered from memory, with the
 * same bearer token) sent straight to settlement-service and through the gateway, at the same
 * fixed rate, in alternating rounds so that both see the same machine. Open loop: latency counts
 * from when a request was due, so a stall is not hidden by sending less.
 *
 * <pre>./mvnw -q -pl gateway exec:exec@gateway-benchmark -Dbench.args="--rate 1000 --rounds 4 --seconds 10"</pre>
 */
public final class GatewayOverheadBenchmark {

    private static final String PATH = "/api/settlement/policy-packs";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchArgs.parse(args);
        String gateway = o.getOrDefault("gateway", "http://127.0.0.1:8080");
        String service = o.getOrDefault("service", "http://127.0.0.1:8082");
        int rate = Integer.parseInt(o.getOrDefault("rate", "1000"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "4"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        String token = PlatformTokens.benchHospital(gateway);

        System.out.printf("warming up both paths at %d/s%n", rate);
        run(service, token, rate, connections, 5);
        run(gateway, token, rate, connections, 5);

        List<Long> direct = new ArrayList<>();
        List<Long> viaGateway = new ArrayList<>();
        long errors = 0;
        for (int round = 1; round <= rounds; round++) {
            Result d = run(service, token, rate, connections, seconds);
            Result g = run(gateway, token, rate, connections, seconds);
            direct.addAll(d.micros());
            viaGateway.addAll(g.micros());
            errors += d.errors() + g.errors();
            System.out.printf("round %d: direct p50 %.2f ms, gateway p50 %.2f ms%n", round,
                    pct(sorted(d.micros()), .5), pct(sorted(g.micros()), .5));
        }
        Collections.sort(direct);
        Collections.sort(viaGateway);
        System.out.println();
        System.out.printf("%d requests/s, %d connections, %d rounds x %d s per path, %d errors%n", rate, connections, rounds, seconds, errors);
        System.out.printf("direct to settlement: n %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                direct.size(), pct(direct, .5), pct(direct, .9), pct(direct, .99));
        System.out.printf("through the gateway : n %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                viaGateway.size(), pct(viaGateway, .5), pct(viaGateway, .9), pct(viaGateway, .99));
        System.out.printf("added by the gateway: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                pct(viaGateway, .5) - pct(direct, .5), pct(viaGateway, .9) - pct(direct, .9), pct(viaGateway, .99) - pct(direct, .99));
        System.exit(0);
    }

    record Result(List<Long> micros, long errors) {
    }

    /** Sends at a fixed total rate for the time given; each connection keeps its own schedule. */
    private static Result run(String base, String token, int rate, int connections, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * connections / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            long offset = intervalNanos * c / connections;
            pool.submit(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(URI.create(base), token)) {
                    for (long due = start + offset; due < end; due += intervalNanos) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        KeepAliveHttp.Response response = http.get(PATH);
                        if (response.status() == 200) {
                            latencies.add((System.nanoTime() - due) / 1000);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Result(new ArrayList<>(latencies), errors.get());
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    private static double pct(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        return sortedMicros.get(Math.min(sortedMicros.size() - 1, (int) (p * sortedMicros.size()))) / 1000.0;
    }
}
