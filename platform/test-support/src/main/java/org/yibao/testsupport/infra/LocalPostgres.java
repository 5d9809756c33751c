package org.yibao.testsupport.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from the binaries that io.zonky ships in a Maven artifact, started
 * without Docker and without a system package. It runs as root on our machines (the library
 * starts the server as it can), which the Debian package would refuse.
 */
public final class LocalPostgres implements DatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throwaway server for tests: any free port, a temporary data directory, durability off. */
    public static LocalPostgres startTemporary() {
        return start(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300"));
    }

    /**
     * A server that keeps its data in {@code dataDirectory} across runs (the local launcher's).
     *
     * @param durable true: every commit on disk before it is answered (fsync, synchronous_commit and full_page_writes on, as a
     *                bureau runs PostgreSQL); false: a throwaway demo's speed, where a crash of the machine may lose the last
     *                commits or the data
     */
    public static LocalPostgres startPersistent(Path dataDirectory, int port, boolean durable) {
        String on = durable ? "on" : "off";
        return start(EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // the launcher stops PostgreSQL itself, after the services that use it
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", on)
                .setServerConfig("synchronous_commit", on)
                .setServerConfig("full_page_writes", on)
                .setServerConfig("max_connections", "200"));
    }

    private static LocalPostgres start(EmbeddedPostgres.Builder builder) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = builder
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            log.info("PostgreSQL up on port {} in {} ms", postgres.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new LocalPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
