package org.yibao.identity;

import org.springframework.core.io.DefaultResourceLoader;
import org.yibao.security.clients.ClientRegistry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * How long the token endpoint's secret check takes for a known client id with a wrong secret and for
 * an unknown id (issue 16, finding 4: 79 ms against 2 ms let anyone enumerate the client ids). Runs
 * {@link ClientRegistry#authenticate} on the local clients, the two cases interleaved, after a warm-up.
 *
 * <pre>./mvnw -q -pl identity-service exec:exec@credential-timing-benchmark -Dbench.args="--tries 200"</pre>
 */
public final class CredentialTimingBenchmark {

    private CredentialTimingBenchmark() {
    }

    public static void main(String[] args) {
        int tries = args.length == 2 && args[0].equals("--tries") ? Integer.parseInt(args[1]) : 200;
        ClientRegistry clients = ClientRegistry.load(new DefaultResourceLoader(), "classpath:org/yibao/security/local-clients.yml");
        for (int i = 0; i < 20; i++) {
            clients.authenticate("his-H44170000003", "wrong");
            clients.authenticate("nobody-" + i, "wrong");
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            long started = System.nanoTime();
            clients.authenticate("his-H44170000003", "guess-" + i);
            known.add(System.nanoTime() - started);
            started = System.nanoTime();
            clients.authenticate("his-" + UUID.randomUUID(), "guess-" + i);
            unknown.add(System.nanoTime() - started);
        }
        System.out.printf("%d tries each | p50 | p90 | p99%n", tries);
        System.out.printf("known id, wrong secret | %s%n", percentiles(known));
        System.out.printf("unknown id | %s%n", percentiles(unknown));
    }

    private static String percentiles(List<Long> nanos) {
        Collections.sort(nanos);
        return String.format("%.1f ms | %.1f ms | %.1f ms", at(nanos, 0.5), at(nanos, 0.9), at(nanos, 0.99));
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
