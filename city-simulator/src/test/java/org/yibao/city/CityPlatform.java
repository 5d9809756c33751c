package org.yibao.city;

import org.yibao.testsupport.infra.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole platform for a city's test, from the jars the build made, on this JVM's real PostgreSQL and Kafka: the
 * gateway, the eight services and the HIS interface, each on a free port with databases named {@code <prefix>_<app>};
 * settlement-service may run as several instances on one database, balanced by the gateway. Clearing and casemix run on
 * the rehearsal clock the test gives (the 15th of January next year: they pay and price the bills' months and settle
 * their year).
 */
final class CityPlatform implements AutoCloseable {

    private static final List<String> SERVICES =
            List.of("enrollment", "settlement", "assistance", "supervision", "procurement", "care", "clearing", "casemix");

    private final Path repo = Path.of("").toAbsolutePath().getParent();
    private final String prefix;
    private final Duration rehearsalOffset;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Integer> settlementPorts = new ArrayList<>();
    /** The running processes by name (settlement, settlement-2, ..., gateway, his). */
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final List<String> serviceArgs = new ArrayList<>();
    private final String otlpEndpoint;
    private URI gateway;
    private int gatewayManagementPort;

    private CityPlatform(String prefix, Duration rehearsalOffset, String otlpEndpoint) {
        this.prefix = prefix;
        this.rehearsalOffset = rehearsalOffset;
        this.otlpEndpoint = otlpEndpoint;
    }

    /** Starts everything and waits until each part is healthy. */
    static CityPlatform start(String prefix, int settlementInstances, Duration rehearsalOffset) throws Exception {
        return start(prefix, settlementInstances, rehearsalOffset, null);
    }

    /** @param otlpEndpoint where every application sends its spans (OTLP/HTTP), or null for none */
    static CityPlatform start(String prefix, int settlementInstances, Duration rehearsalOffset, String otlpEndpoint) throws Exception {
        CityPlatform platform = new CityPlatform(prefix, rehearsalOffset, otlpEndpoint);
        platform.startAll(settlementInstances);
        return platform;
    }

    private void startAll(int settlementInstances) throws Exception {
        for (String app : List.of("gateway", "identity", "enrollment", "settlement", "assistance", "supervision", "procurement", "care", "clearing",
                "casemix", "his")) {
            ports.put(app, ServiceProcess.freePort());
        }
        settlementPorts.add(ports.get("settlement"));
        for (int n = 2; n <= settlementInstances; n++) {
            settlementPorts.add(ServiceProcess.freePort());
        }
        gateway = URI.create("http://127.0.0.1:" + ports.get("gateway"));
        List<String> urls = new ArrayList<>();
        ports.forEach((app, port) -> urls.add("--" + app.toUpperCase() + "_URL=http://127.0.0.1:" + port));
        serviceArgs.addAll(urls);
        // tokens are issued by the identity service (docs/adr/0030); everyone checks them against its keys
        String keys = "--yibao.security.jwt.jwk-set-uri=http://127.0.0.1:" + ports.get("identity") + "/oauth2/jwks";
        serviceArgs.add(keys);
        serviceArgs.add("--PRECHECK_ENABLED=true");
        if (otlpEndpoint != null) {
            urls.add("--management.opentelemetry.tracing.export.otlp.endpoint=" + otlpEndpoint);
            serviceArgs.add("--management.opentelemetry.tracing.export.otlp.endpoint=" + otlpEndpoint);
        }
        List<String> gatewayArgs = new ArrayList<>(urls);
        gatewayArgs.add(keys);
        gatewayArgs.add("--SETTLEMENT_URLS=" + String.join(",", settlementPorts.stream().map(p -> "http://127.0.0.1:" + p).toList()));
        // the gateway's actuator apart, as the launcher has it: its public port does not answer /actuator/prometheus
        gatewayManagementPort = ServiceProcess.freePort();
        gatewayArgs.add("--management.server.port=" + gatewayManagementPort);
        gatewayArgs.add("--management.server.address=127.0.0.1");
        gatewayArgs.add("--YIBAO_AUDIT_DIR=" + Files.createTempDirectory(prefix + "-audit"));

        running.put("identity", ServiceProcess.start(repo, "identity-service", prefix + "_identity", ports.get("identity"), urls));
        running.put("gateway", ServiceProcess.start(repo, "gateway", prefix + "_gateway", ports.get("gateway"), gatewayArgs));
        for (String service : SERVICES) {
            startService(service, service, ports.get(service));
        }
        for (int n = 2; n <= settlementInstances; n++) {
            startService("settlement-" + n, "settlement", settlementPorts.get(n - 1));
        }
        running.put("his", ServiceProcess.start(repo, "his-interface", prefix + "_his", ports.get("his"), serviceArgs));
        for (Map.Entry<String, ServiceProcess> p : running.entrySet()) {
            p.getValue().awaitHealthy(Duration.ofSeconds(300), p.getKey().equals("gateway") ? gatewayManagementPort : p.getValue().port());
        }
    }

    private void startService(String name, String service, int port) {
        List<String> args = new ArrayList<>(serviceArgs);
        if (service.equals("clearing") || service.equals("casemix")) {
            args.add("--yibao.rehearsal.clock-offset=" + rehearsalOffset);
            args.add("--spring.profiles.active=rehearsal");
        }
        running.put(name, ServiceProcess.start(repo, service + "-service", prefix + "_" + service, port, args));
    }

    URI gateway() {
        return gateway;
    }

    /** The database of a service, e.g. {@code settlement} → {@code <prefix>_settlement}. */
    String database(String service) {
        return prefix + "_" + service;
    }

    ServiceProcess process(String name) {
        ServiceProcess process = running.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name + "; running: " + running.keySet());
        }
        return process;
    }

    /**
     * Kills a settlement instance (SIGKILL) and starts it again on its port and database, waiting until it is healthy.
     *
     * @param name {@code settlement} or {@code settlement-n}
     */
    void killAndRestartSettlement(String name) throws InterruptedException {
        ServiceProcess process = process(name);
        process.kill();
        int n = name.equals("settlement") ? 1 : Integer.parseInt(name.substring("settlement-".length()));
        startService(name, "settlement", settlementPorts.get(n - 1));
        running.get(name).awaitHealthy(Duration.ofSeconds(300));
    }

    /** Every metric name that the gateway, the services and the HIS interface expose to Prometheus now. */
    Set<String> metricNames() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> names = new TreeSet<>();
        Pattern sample = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);
        for (Map.Entry<String, ServiceProcess> process : running.entrySet()) {
            String actuator = process.getKey().equals("gateway") ? "http://127.0.0.1:" + gatewayManagementPort : process.getValue().url();
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(actuator + "/actuator/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (scrape.statusCode() != 200) {
                throw new IllegalStateException(actuator + "/actuator/prometheus answered " + scrape.statusCode());
            }
            Matcher m = sample.matcher(scrape.body());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Override
    public void close() {
        running.values().forEach(ServiceProcess::close);
    }
}
