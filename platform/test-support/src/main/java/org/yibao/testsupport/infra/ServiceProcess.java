package org.yibao.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Another service of the platform, run from the jar its module built, as its own process against
 * this JVM's real PostgreSQL (a database of its own) and Kafka. For tests of a component that calls
 * the services (the HIS interface): the services are the real ones, not stand-ins.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code <repo>/<module>/target/<module>.jar}.
     *
     * @param repo      the repository root (the module's parent directory)
     * @param arguments Spring properties as {@code --name=value}
     */
    public static ServiceProcess start(Path repo, String module, String database, List<String> arguments) {
        return start(repo, module, database, freePort(), arguments);
    }

    /**
     * Starts the module on a port chosen beforehand (with {@link #freePort()}), for services and a
     * gateway that must know each other's addresses before either is up.
     */
    public static ServiceProcess start(Path repo, String module, String database, int port, List<String> arguments) {
        Path jar = repo.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the module first (./mvnw package)");
        }
        requireNotStale(repo, module, jar);
        DatabaseServer postgres = RealInfrastructure.postgres();
        postgres.createDatabaseIfMissing(database);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + RealInfrastructure.kafkaBootstrapServers()));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile(module, ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceProcess(module, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses to start a jar older than the sources it is built from — the module's own and the shared
     * libraries under platform/ it embeds — so that a test never runs stale code (issue 19, item 4: with
     * {@code ./mvnw test} or {@code -pl his-interface} alone, the jar in a sibling module's target/ is
     * whatever an earlier build left). In {@code ./mvnw verify} the reactor packages each service before the
     * modules whose tests start it, so the jars are this build's.
     */
    static void requireNotStale(Path repo, String module, Path jar) {
        try {
            java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
            List<Path> sources = new ArrayList<>(List.of(repo.resolve(module).resolve("src").resolve("main"), repo.resolve(module).resolve("pom.xml")));
            Path platform = repo.resolve("platform");
            if (Files.isDirectory(platform)) {
                try (var libraries = Files.list(platform)) {
                    // test-support is not inside a service's jar
                    libraries.filter(Files::isDirectory).filter(l -> !l.getFileName().toString().equals("test-support")).forEach(l -> {
                        sources.add(l.resolve("src").resolve("main"));
                        sources.add(l.resolve("pom.xml"));
                    });
                }
            }
            for (Path source : sources) {
                if (!Files.exists(source)) {
                    continue;
                }
                try (var files = Files.walk(source)) {
                    java.util.Optional<Path> newer = files.filter(Files::isRegularFile)
                            .filter(f -> lastModified(f).compareTo(built) > 0).findFirst();
                    if (newer.isPresent()) {
                        throw new IllegalStateException(jar + " is older than " + repo.relativize(newer.get())
                                + ": it would test stale code. Build it in this run: ./mvnw -B install -DskipTests -pl " + module + " -am");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service reports UP. */
    public ServiceProcess awaitHealthy(Duration timeout) throws InterruptedException {
        return awaitHealthy(timeout, port);
    }

    /** Waits until the service reports UP on its actuator's port (the gateway's management port, when apart). */
    public ServiceProcess awaitHealthy(Duration timeout, int actuatorPort) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + actuatorPort
                                + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (SIGKILL), as a machine's crash or an OOM kill would: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process's log file (its standard output and error). */
    public Path log() {
        return log;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
