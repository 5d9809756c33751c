package org.yibao.testsupport.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 19, item 4: a service jar older than its sources (or the platform libraries it embeds) is never started. */
class ServiceProcessTest {

    @Test
    void aJarOlderThanItsSourcesOrItsLibrariesIsRefusedAndAFreshOneIsTaken(@TempDir Path repo) throws IOException {
        Path source = write(repo.resolve("settlement-service/src/main/java/A.java"), Instant.parse("2026-11-30T08:00:00Z"));
        Path library = write(repo.resolve("platform/contracts/src/main/java/B.java"), Instant.parse("2026-11-30T08:00:00Z"));
        write(repo.resolve("platform/test-support/src/main/java/C.java"), Instant.parse("2026-11-30T12:00:00Z"));
        Path jar = write(repo.resolve("settlement-service/target/settlement-service.jar"), Instant.parse("2026-11-30T09:00:00Z"));

        assertThatCode(() -> ServiceProcess.requireNotStale(repo, "settlement-service", jar))
                .as("test-support's changes do not make a service's jar stale").doesNotThrowAnyException();

        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-11-30T10:00:00Z")));
        assertThatThrownBy(() -> ServiceProcess.requireNotStale(repo, "settlement-service", jar))
                .hasMessageContaining("is older than platform/contracts/src/main/java/B.java")
                .hasMessageContaining("./mvnw -B install -DskipTests -pl settlement-service -am");

        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-11-30T08:00:00Z")));
        Files.setLastModifiedTime(source, FileTime.from(Instant.parse("2026-11-30T10:00:00Z")));
        assertThatThrownBy(() -> ServiceProcess.requireNotStale(repo, "settlement-service", jar))
                .hasMessageContaining("settlement-service/src/main/java/A.java");
        assertThat(Files.exists(jar)).isTrue();
    }

    private static Path write(Path file, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
