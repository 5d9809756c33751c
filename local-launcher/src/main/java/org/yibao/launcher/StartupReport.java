package org.yibao.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the launcher prints once everything is up: where each part listens, how long it took, how much memory. */
record StartupReport(long infrastructureMillis, long upMillis, int postgresPort, String kafka, List<AppProcess> apps,
                     Map<String, Long> residentKb, Map<String, Integer> healthThroughGateway, String gatewayUrl, Path home) {

    void print(PrintStream out) {
        out.println();
        out.println("Yibao platform is up in " + upMillis + " ms (PostgreSQL and Kafka ready after " + infrastructureMillis + " ms)");
        out.println();
        out.printf("  %-22s %-32s %s%n", "part", "listens at", "ready after / log");
        out.printf("  %-22s %-32s %s%n", "postgresql", "127.0.0.1:" + postgresPort, "databases per service, user postgres");
        out.printf("  %-22s %-32s %s%n", "kafka", kafka, "KRaft, data in " + home.resolve("kafka"));
        for (AppProcess app : apps) {
            out.printf("  %-22s %-32s %d ms, %s%n", app.app().name(), app.url(), app.readyMillis(), app.log());
        }
        out.println();
        out.println("  health through the gateway:");
        healthThroughGateway.forEach((url, status) -> out.printf("    GET %s -> %d%n", url, status));
        long total = residentKb.values().stream().mapToLong(Long::longValue).sum();
        out.println();
        out.printf("  resident memory: %d MiB in all%n", total / 1024);
        residentKb.forEach((part, kb) -> out.printf("    %-34s %5d MiB%n", part, kb / 1024));
        out.println();
        out.println("  metrics: http://127.0.0.1:<port>/actuator/prometheus on each service, :8090 for the gateway (loopback only)");
        out.println("  tokens: POST " + gatewayUrl + "/oauth2/token (client credentials; local clients in README)");
        out.println();
    }
}
