package org.yibao.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One application JVM the launcher started, with its log file. */
final class AppProcess {

    /**
     * Sized for a laptop-class machine running thirteen JVMs: small heaps, the serial collector, and the C1 compiler only
     * (faster start-up and less memory). Override with YIBAO_SERVICE_JAVA_OPTS.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xms48m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k "
            + "-XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError";

    /**
     * The JVM options of the applications every settlement passes through ({@link PlatformApp#settlePath()}), from
     * YIBAO_SETTLE_PATH_JAVA_OPTS when set (docs/benchmarks.md §18 compares the JIT's settings), else the default's.
     * YIBAO_SERVICE_JAVA_OPTS, when set, applies to every application.
     */
    static String javaOpts(PlatformApp app, Map<String, String> env) {
        String all = env.get("YIBAO_SERVICE_JAVA_OPTS");
        if (all != null && !all.isBlank()) {
            return all;
        }
        String settlePath = env.get("YIBAO_SETTLE_PATH_JAVA_OPTS");
        return app.settlePath() && settlePath != null && !settlePath.isBlank() ? settlePath : DEFAULT_JAVA_OPTS;
    }

    private final PlatformApp app;
    private final Process process;
    private final Path log;
    private final String address;
    private long readyMillis = -1;
    private final long startedNanos = System.nanoTime();

    private AppProcess(PlatformApp app, Process process, Path log, String address) {
        this.app = app;
        this.process = process;
        this.log = log;
        this.address = address;
    }

    static AppProcess start(PlatformApp app, Path jar, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = javaOpts(app, System.getenv());
        command.addAll(List.of(opts.trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        return new AppProcess(app, builder.start(), log, environment.getOrDefault("SERVER_ADDRESS", LocalPlatform.LOOPBACK));
    }

    void awaitHealthy(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.managementPort() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(app.name() + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(app.name() + " was not healthy within " + timeout + "; see " + log);
    }

    /** Asks the application to shut down gracefully (SIGTERM). */
    void signalStop() {
        process.destroy();
    }

    /** Waits for a graceful shutdown, forcing it after 30 s. */
    void awaitStop() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    PlatformApp app() {
        return app;
    }

    long pid() {
        return process.pid();
    }

    long readyMillis() {
        return readyMillis;
    }

    /** Where its port listens (server.address): a wildcard address such as 0.0.0.0 means every interface. */
    String url() {
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + app.port();
    }

    Path log() {
        return log;
    }
}
