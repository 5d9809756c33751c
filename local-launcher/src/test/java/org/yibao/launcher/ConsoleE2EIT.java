package org.yibao.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console in a real browser against the real platform (issue 25): the platform as the README's run command
 * starts it, from the jars the build made (PostgreSQL, Kafka, every service, the identity service, the gateway serving
 * the console), and the console's end-to-end tests (console/src/main/web/e2e/real: Playwright driving Debian's
 * chromium, headless) run against it: logins, a person registered, enrolled and settled to the fen, a certification
 * decided from the queue, a case through three people, the dashboard against the services' report. They write the
 * README's screenshots to docs/console/. Chromium comes from the machine (.ci/run installs Debian's), never downloaded.
 */
class ConsoleE2EIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void theStaffsDayInARealBrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium fonts-noto-cjk; .ci/run does)").isExecutable();
        for (int port : new int[] {8079, 8080, 8090, 15432}) {
            assertThat(listening(port)).as("port " + port + " is taken: stop the local platform before running this test").isFalse();
        }
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path web = repo.resolve("console/src/main/web");
        assertThat(web.resolve("node_modules/@playwright/test")).as("the console's packages (its module's build runs npm ci)").exists();
        Path home = Files.createTempDirectory("console-e2e");
        LocalPlatform platform = new LocalPlatform(repo, home);
        platform.durable = false;
        try {
            platform.start();
            Path log = repo.resolve("local-launcher/target/console-e2e.log");
            List<String> command = new ArrayList<>(List.of("npx", "playwright", "test", "-c", "e2e/playwright.config.ts", "e2e/real"));
            ProcessBuilder playwright = new ProcessBuilder(command).directory(web.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            playwright.environment().put("YIBAO_BASE_URL", "http://127.0.0.1:8080");
            playwright.environment().put("CHROMIUM", CHROMIUM.toString());
            // the platform's logs and audit trail, which the OAuth cases search for leaked codes, tokens and passwords
            playwright.environment().put("YIBAO_LOGS_DIR", home.resolve("logs").toString());
            playwright.environment().put("CI", "1");
            Process run = playwright.start();
            boolean finished = run.waitFor(15, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(finished).as("the browser tests finished within 15 minutes:\n" + output).isTrue();
            assertThat(run.exitValue()).as("the browser tests passed:\n" + output).isZero();
            assertThat(output).contains("passed").doesNotContain("skipped");
        } finally {
            platform.stop();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
