package org.yibao.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command is {@code java -jar local-launcher/target/local-launcher.jar}: its manifest's Class-Path must
 * name what the launcher runs with, each jar present beside it. Once, kafka-clients went missing (a test-scoped
 * declaration in local-launcher's pom won over test-support's compile scope) and the launcher could not format Kafka's
 * storage; the reactor builds local-launcher before this module.
 */
class LauncherJarTest {

    @Test
    void theLaunchersClassPathHoldsKafkaAndTheInfrastructureAndEveryJarIsThere() throws IOException {
        Path jar = Path.of("..", "local-launcher", "target", "local-launcher.jar");
        assertThat(jar).as("built by the reactor before deploy-check").exists();
        String classPath;
        try (JarFile file = new JarFile(jar.toFile())) {
            classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
        }
        List<String> entries = Arrays.asList(classPath.trim().split("\\s+"));
        assertThat(entries).anyMatch(e -> e.matches("lib/kafka-clients-.*\\.jar"))
                .anyMatch(e -> e.matches("lib/test-support-.*\\.jar"))
                .anyMatch(e -> e.matches("lib/kafka_2\\.13-.*\\.jar|lib/kafka-server-.*\\.jar"));
        for (String entry : entries) {
            assertThat(Files.isRegularFile(jar.getParent().resolve(entry))).as(entry + " beside the launcher").isTrue();
        }
    }
}
