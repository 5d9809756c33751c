package org.yibao.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yibao.testsupport.infra.KafkaBroker;
import org.yibao.testsupport.infra.LocalPostgres;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one-command local platform: PostgreSQL (embedded binaries), an Apache Kafka KRaft broker
 * (its own JVM), the services, the HIS interface, the identity service and the gateway (each its own JVM, from the jars the build
 * made), all on loopback. Data persists in {@code .yibao-local/} between runs. Ctrl-C stops
 * everything in reverse order.
 *
 * <p>Every port listens on loopback only: PostgreSQL ({@code listen_addresses} left at its default,
 * {@code localhost}) and Kafka (listeners on 127.0.0.1), as test-support starts them; each service's
 * port with its actuator and the gateway's management port on 127.0.0.1, set in
 * {@link #environment}. Only the gateway's public port may be opened to other machines, with
 * {@code YIBAO_GATEWAY_ADDRESS} (e.g. {@code 0.0.0.0}): a direct call to a service would skip the
 * gateway's rate limits and audit trail.
 *
 * <p>{@code --instances N} runs N instances (1 to 4) of every service and of the gateway: the gateway balances
 * each service's instances, the gateways share, in PostgreSQL, the clients' rate limits (one identity service issues every token); the
 * instances of a service share its database and consumer group (docs/adr/0029, docs/scaling.md).
 *
 * <p>{@code --benchmark} starts everything, prints start-up time and resident memory, and stops.
 *
 * <p>PostgreSQL is durable by default (fsync, synchronous_commit, full_page_writes on: a commit answered is on disk);
 * {@code --unsafe-fast-demo} turns that off for a throwaway demo, warned at start (a machine's crash may lose the last
 * commits or the data). Kafka's producers always ask every in-sync replica and are idempotent (acks=all).
 */
public final class LocalPlatform {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    static final List<PlatformApp> SERVICES = List.of(
            new PlatformApp("enrollment-service", "enrollment-service", 8081, "enrollment"),
            new PlatformApp("settlement-service", "settlement-service", 8082, "settlement"),
            new PlatformApp("assistance-service", "assistance-service", 8083, "assistance"),
            new PlatformApp("supervision-service", "supervision-service", 8084, "supervision"),
            new PlatformApp("procurement-service", "procurement-service", 8085, "procurement"),
            new PlatformApp("his-interface", "his-interface", 8086, "his"),
            new PlatformApp("care-service", "care-service", 8087, "care"),
            new PlatformApp("clearing-service", "clearing-service", 8088, "clearing"),
            new PlatformApp("casemix-service", "casemix-service", 8089, "casemix"));
    static final PlatformApp GATEWAY = new PlatformApp("gateway", "gateway", 8080, null, 8090);
    /** The token issuer and the staff's login (docs/adr/0030): one instance, reached through the gateway. */
    static final PlatformApp IDENTITY = new PlatformApp("identity-service", "identity-service", 8079, null);
    static final String LOOPBACK = "127.0.0.1";
    /** The gateways' shared rate limits under --instances (docs/adr/0029). */
    static final String GATEWAY_DATABASE = "gateway";

    private final Path repo;
    private final Path home;
    private final int postgresPort = intEnv("YIBAO_PG_PORT", 15432);
    private final int kafkaPort = intEnv("YIBAO_KAFKA_PORT", 19092);
    private final List<AppProcess> apps = new ArrayList<>();
    /** Where the gateway's public port listens (YIBAO_GATEWAY_ADDRESS, default loopback). */
    private InetAddress gatewayAddress;
    private LocalPostgres postgres;
    private KafkaBroker kafka;
    private java.nio.channels.FileLock lock;
    /** PostgreSQL with every commit on disk (the default); false with --unsafe-fast-demo. */
    boolean durable = true;
    /** How many instances of every service and of the gateway run (--instances, 1 to 4; docs/adr/0029). */
    private int instances = 1;

    /** Data and logs in {@code .yibao-local/} of the repository, or in {@code YIBAO_LOCAL_HOME} when set (the benchmarks' own folder). */
    LocalPlatform(Path repo) {
        this(repo, Optional.ofNullable(System.getenv("YIBAO_LOCAL_HOME")).filter(h -> !h.isBlank()).map(Path::of)
                .orElse(repo.resolve(".yibao-local")).toAbsolutePath());
    }

    /** A platform whose data and logs live in {@code home} (tests: a folder of their own). */
    LocalPlatform(Path repo, Path home) {
        this.repo = repo;
        this.home = home;
    }

    public static void main(String[] args) throws Exception {
        boolean benchmark = List.of(args).contains("--benchmark");
        LocalPlatform platform = new LocalPlatform(findRepo());
        platform.durable = !List.of(args).contains("--unsafe-fast-demo");
        platform.instances = instances(List.of(args));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            stopped.countDown();
        }, "platform-stop"));
        try {
            StartupReport report = platform.start();
            report.print(System.out);
            if (benchmark) {
                System.exit(0);
            }
            System.out.println("Press Ctrl-C to stop the platform.");
            stopped.await();
        } catch (Exception e) {
            log.error("the platform did not start: {}", e.getMessage());
            System.exit(1);
        }
    }

    /** {@code --instances N} (or {@code --instances=N}): 1 to 4, 1 when absent. */
    static int instances(List<String> args) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--instances") && i + 1 < args.size()) {
                value = args.get(i + 1);
            } else if (args.get(i).startsWith("--instances=")) {
                value = args.get(i).substring("--instances=".length());
            }
        }
        if (value == null) {
            return 1;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--instances takes a number from 1 to 4, not " + value);
        }
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("--instances takes a number from 1 to 4, not " + n);
        }
        return n;
    }

    StartupReport start() throws Exception {
        long started = System.nanoTime();
        gatewayAddress = gatewayAddress(System.getenv("YIBAO_GATEWAY_ADDRESS"));
        if (!gatewayAddress.isLoopbackAddress()) {
            log.warn("the gateway's public port {} listens on {} (YIBAO_GATEWAY_ADDRESS): other machines can reach it, "
                    + "and the local clients' secrets are published in README.md", GATEWAY.port(), gatewayAddress.getHostAddress());
        }
        Files.createDirectories(home.resolve("logs"));
        holdLock();
        for (PlatformApp app : all()) {
            Path jar = jarOf(app);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; build first: ./mvnw -DskipTests package");
            }
        }
        stopStalePostgres();

        // PostgreSQL and Kafka start side by side; the applications need both
        CompletableFuture<Void> db = CompletableFuture.runAsync(() -> {
            if (!durable) {
                log.warn("--unsafe-fast-demo: PostgreSQL runs with fsync, synchronous_commit and full_page_writes off; a crash of the"
                        + " machine may lose the last commits or the data (a throwaway demo only)");
            }
            postgres = LocalPostgres.startPersistent(home.resolve("postgres"), postgresPort, durable);
            SERVICES.forEach(s -> postgres.createDatabaseIfMissing(s.database()));
            if (instances > 1) {
                postgres.createDatabaseIfMissing(GATEWAY_DATABASE);
            }
        });
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            kafka = KafkaBroker.persistent(home.resolve("kafka"), kafkaPort, kafkaPort + 1, 3);
            kafka.start();
        });
        CompletableFuture.allOf(db, broker).join();
        long infraMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        for (PlatformApp app : allInstances()) {
            apps.add(AppProcess.start(app, jarOf(app), environment(app), home.resolve("logs").resolve(app.name() + ".log")));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (AppProcess app : apps) {
            app.awaitHealthy(http, Duration.ofSeconds(180));
        }
        long upMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Map<String, Integer> throughGateway = new LinkedHashMap<>();
        for (PlatformApp service : SERVICES) {
            String url = gatewayUrl() + "/ops/" + service.route() + "/health";
            throughGateway.put(url, status(http, url));
        }
        return new StartupReport(infraMillis, upMillis, postgres.port(), kafka.bootstrapServers(), apps,
                Memory.residentKb(postgresPids(), kafka.pid(), apps), throughGateway, gatewayUrl(), home);
    }

    synchronized void stop() {
        // the gateway first so that no new call arrives, then the services all at once
        apps.stream().filter(a -> a.app().module().equals(GATEWAY.module())).forEach(a -> {
            a.signalStop();
            a.awaitStop();
        });
        apps.forEach(AppProcess::signalStop);
        apps.forEach(AppProcess::awaitStop);
        apps.clear();
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /**
     * Everything an application is started with, beyond what the launcher's own environment passes on
     * (these win over it). The addresses are set here and nowhere else.
     */
    private Map<String, String> environment(PlatformApp app) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(app.port()));
        // server.address: a service's port (API and actuator) on loopback only; the gateway's public
        // port where YIBAO_GATEWAY_ADDRESS says; a separate management port always on loopback
        boolean gateway = app.module().equals(GATEWAY.module());
        int instance = instanceOf(app);
        env.put("SERVER_ADDRESS", gateway ? gatewayAddress.getHostAddress() : LOOPBACK);
        if (app.managementPort() != app.port()) {
            env.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        }
        env.put("YIBAO_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        if (app.hasDatabase()) {
            env.put("DB_URL", postgres.jdbcUrl(app.database()));
            env.put("DB_USER", postgres.username());
            env.put("DB_PASSWORD", postgres.password());
            env.put("DB_POOL_SIZE", "5");
        }
        for (PlatformApp service : SERVICES) {
            // a service calls its peer of the same instance number (settlement-service-2 -> supervision-service-2); the HIS
            // interface takes the instances in turn, its peer first, and passes a refused connection to the next; the
            // gateway balances over all of them (X_URLS)
            String peer = "http://127.0.0.1:" + service.instance(instance).port();
            if (app.module().equals("his-interface") && instances > 1) {
                List<String> list = new ArrayList<>(List.of(peer));
                for (int n = 1; n <= instances; n++) {
                    if (n != instance) {
                        list.add("http://127.0.0.1:" + service.instance(n).port());
                    }
                }
                env.put(service.urlVariable(), String.join(",", list));
            } else {
                env.put(service.urlVariable(), peer);
            }
            if (gateway) {
                List<String> all = new ArrayList<>();
                for (int n = 1; n <= instances; n++) {
                    all.add("http://127.0.0.1:" + service.instance(n).port());
                }
                env.put(service.urlVariable() + "S", String.join(",", all));
            }
        }
        if (app.module().equals("settlement-service")) {
            // supervision's real-time pre-check at settlement (事中, issue 21) is on in the platform as it runs;
            // PRECHECK_ENABLED=false in the launcher's environment switches it off
            env.put("PRECHECK_ENABLED", System.getenv().getOrDefault("PRECHECK_ENABLED", "true"));
        }
        String identity = "http://127.0.0.1:" + IDENTITY.port();
        if (app.equals(IDENTITY)) {
            // the token issuer's keys survive restarts; the console comes back to the gateway's address after a login
            env.put("YIBAO_KEYS_DIR", home.resolve("keys").toString());
            env.put("YIBAO_CONSOLE_REDIRECT_URIS", gatewayUrl() + "/console/callback");
        }
        if (gateway) {
            // the identity service behind the gateway's identity route; its keys checked directly; the audit trail beside the logs
            env.put("IDENTITY_URL", identity);
            env.put("YIBAO_SECURITY_JWT_JWK_SET_URI", identity + "/oauth2/jwks");
            env.put("YIBAO_AUDIT_DIR", (instance == 1 ? home.resolve("logs") : home.resolve("logs").resolve(app.name())).toString());
            env.put("MANAGEMENT_PORT", Integer.toString(app.managementPort()));
            if (instances > 1) {
                // several gateways share each client's rate limit in PostgreSQL
                env.put("YIBAO_RATE_LIMIT_STORE", "postgresql");
                env.put("DB_URL", postgres.jdbcUrl(GATEWAY_DATABASE));
                env.put("DB_USER", postgres.username());
                env.put("DB_PASSWORD", postgres.password());
            }
        } else {
            env.put("YIBAO_SECURITY_JWT_JWK_SET_URI", identity + "/oauth2/jwks");
        }
        return env;
    }

    /**
     * The address YIBAO_GATEWAY_ADDRESS names (an IP address or a host name), loopback when it is not
     * set.
     */
    static InetAddress gatewayAddress(String configured) {
        String address = configured == null || configured.isBlank() ? LOOPBACK : configured.trim();
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("YIBAO_GATEWAY_ADDRESS=" + address + " cannot be resolved: " + e.getMessage(), e);
        }
        try {
            if (!resolved.isAnyLocalAddress() && !resolved.isLoopbackAddress()
                    && NetworkInterface.getByInetAddress(resolved) == null) {
                throw new IllegalStateException("YIBAO_GATEWAY_ADDRESS=" + address + " (" + resolved.getHostAddress()
                        + ") is not an address of this machine");
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list this machine's addresses: " + e.getMessage(), e);
        }
        return resolved;
    }

    /**
     * How the launcher and the services (for the token keys) reach the gateway: over loopback when it
     * listens on every interface, else at the one address it listens on.
     */
    private String gatewayUrl() {
        if (gatewayAddress.isAnyLocalAddress()) {
            return "http://" + LOOPBACK + ":" + GATEWAY.port();
        }
        String host = gatewayAddress.getHostAddress();
        return "http://" + (gatewayAddress instanceof Inet6Address ? "[" + host + "]" : host) + ":" + GATEWAY.port();
    }

    /** Every instance of every app: the services' first instances, then the others, the identity service, then the gateways. */
    private List<PlatformApp> allInstances() {
        List<PlatformApp> all = new ArrayList<>();
        for (int n = 1; n <= instances; n++) {
            for (PlatformApp service : SERVICES) {
                all.add(service.instance(n));
            }
        }
        all.add(IDENTITY);
        for (int n = 1; n <= instances; n++) {
            all.add(GATEWAY.instance(n));
        }
        return all;
    }

    /** 1 for an app itself, n for its nth instance (named ...-n). */
    private static int instanceOf(PlatformApp app) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-(\\d+)$").matcher(app.name());
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private List<PlatformApp> all() {
        List<PlatformApp> all = new ArrayList<>(SERVICES);
        all.add(IDENTITY);
        all.add(GATEWAY);
        return all;
    }

    private Path jarOf(PlatformApp app) {
        return repo.resolve(app.module()).resolve("target").resolve(app.module() + ".jar");
    }

    /**
     * One launcher per data directory: a second one would fight the first over ports and data (and
     * take the first one's PostgreSQL for a leftover). The operating system releases the lock when
     * this process ends, however it ends.
     */
    private void holdLock() throws IOException {
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(home.resolve("launcher.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another local platform is already running from " + home
                    + "; stop it (Ctrl-C) first");
        }
    }

    /** A PostgreSQL left running by a launcher that was killed holds the data directory; stop it. */
    private void stopStalePostgres() throws IOException {
        Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).ifPresent(stale -> {
            log.warn("stopping a PostgreSQL (pid {}) left over from an earlier run", pid);
            stale.destroy();
            stale.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    private List<Long> postgresPids() {
        try {
            Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            List<Long> pids = new ArrayList<>();
            pids.add(pid);
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
            return pids;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The repository root: where the service modules' target folders are. */
    static Path findRepo() throws Exception {
        String configured = System.getenv("YIBAO_REPO");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path jar = Path.of(LocalPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path dir = jar.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("gateway")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
