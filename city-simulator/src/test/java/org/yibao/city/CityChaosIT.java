package org.yibao.city;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yibao.city.model.CityParameters;
import org.yibao.city.report.CityReport;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.RealInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small city under faults (issue 27): while its bills are being settled, every connection to the settlement database
 * is cut (as a failover would), the Kafka broker is paused (SIGSTOP) for ten seconds, and one of two settlement-service
 * instances is killed (SIGKILL) and started again. The simulator, like a hospital's system, sends a 503's request again
 * with the same message id; no bill may be refused because of the faults, and the books must balance to the fen with no
 * event lost or applied twice.
 */
class CityChaosIT {

    private static final Duration REHEARSAL_OFFSET = Duration.between(java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")),
            LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).withDayOfYear(1).plusYears(1).plusDays(14)
                    .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")));
    private static CityPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        // the broker is paused by its process id: the local broker CI runs (with Docker, the broker is a container)
        org.junit.jupiter.api.Assumptions.assumeTrue(RealInfrastructure.kafkaBrokerPid().isPresent(),
                "a local Kafka broker process to pause (yibao.test.infra=local)");
        platform = CityPlatform.start("chaos_it", 2, REHEARSAL_OFFSET);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCityUnderFaultsRefusesNoBillAndBalancesItsBooks() throws Exception {
        CityParameters city = CityParameters.ofThisYear(11, 600, 0.04, LocalDate.now());
        List<String> faults = new CopyOnWriteArrayList<>();
        Thread monkey = new Thread(() -> {
            try {
                faults(faults);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                faults.add("the faults stopped: " + e);
            }
        }, "chaos");
        monkey.setDaemon(true);
        monkey.start();

        CityReport report = CitySimulator.run(city, platform.gateway(), RealInfrastructure.kafkaBootstrapServers(), 4, 0, REHEARSAL_OFFSET);
        monkey.join(Duration.ofMinutes(5).toMillis());
        System.out.print(report.summary());
        System.out.println("CityChaosIT faults: " + faults);

        assertThat(faults).as("the faults done during the settlements").containsExactly(
                "settlement database connections cut", "broker paused for 10 s", "settlement-2 killed and started again");
        assertThat(report.run().refused()).as("bills refused: %s", report.run().sampleRefusals()).isZero();
        assertThat(report.books().checks()).filteredOn(c -> !c.ok()).as("checks of the books that failed").isEmpty();
        assertThat(report.books().balanced()).isTrue();
        assertThat(report.run().settled()).isGreaterThan(200);
    }

    /**
     * The faults, one after the other, each once the settled bills have grown by a step: so each falls in the middle of the
     * settlements whatever the machine's speed (the kill last: its instance takes longer to start than the others last).
     */
    private static void faults(List<String> done) throws Exception {
        long seen = awaitSettled(100);
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + platform.database("settlement")
                    + "' and pid <> pg_backend_pid()");
        }
        done.add("settlement database connections cut");

        seen = awaitSettled(seen + 150);
        long broker = RealInfrastructure.kafkaBrokerPid().orElseThrow(() -> new IllegalStateException("no local broker to pause"));
        signal("STOP", broker);
        try {
            Thread.sleep(10_000);
        } finally {
            signal("CONT", broker);
        }
        done.add("broker paused for 10 s");

        awaitSettled(seen + 100);
        // the other instance carries the load while this one starts again
        platform.killAndRestartSettlement("settlement-2");
        done.add("settlement-2 killed and started again");
    }

    /** Waits until the settlement database holds at least this many bills; returns how many it holds. */
    private static long awaitSettled(long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long settled = settledSoFar();
            if (settled >= atLeast) {
                return settled;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("fewer than " + atLeast + " bills settled in 10 minutes");
    }

    private static long settledSoFar() {
        DatabaseServer postgres = RealInfrastructure.postgres();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(platform.database("settlement")), postgres.username(),
                postgres.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from settlement")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return 0; // the database is being cut, or the table not yet made
        }
    }

    private static Connection admin() throws Exception {
        DatabaseServer postgres = RealInfrastructure.postgres();
        return postgres.adminConnection();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }
}
