package org.yibao.settlement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.time.BeijingTime;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transient fault on a real PostgreSQL (issue 27): the settlement database stops taking connections and every
 * connection the service holds is cut, as when the database fails over. A settle then is answered 503 with Retry-After
 * — never 500 — and changes nothing; once the database is back, the same request (the same message id) settles the bill
 * once, and again is answered as the bill it made. The pool waits at most 1.5 s for a connection here (the default 30 s
 * would only make the test slow).
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.datasource.hikari.connection-timeout=1500")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransientFaultIT {

    private static final String HOSPITAL = "H44170000377";   // Yangjiang, level 3
    private static final LocalDate TODAY = LocalDate.now(BeijingTime.ZONE);

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;
    private String person;

    @BeforeAll
    void aHospitalAndAnEnrolledPerson() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.his(HOSPITAL));
        events = new EventPublisher(json);
        events.publish(new InstitutionStatusChanged(HOSPITAL, "阳江市某三甲医院", "441700", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_3, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        String first17 = "441702" + "19720303" + String.format("%03d", (int) (Math.random() * 1000));
        person = first17 + ResidentId.checkCharacter(first17);
        events.publish(new PersonEnrolled(person, "441700", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER,
                TODAY.getYear(), TODAY.withDayOfYear(1), Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from institution_period where code = ?", Integer.class, HOSPITAL) == 1
                && jdbc.queryForObject("select count(*) from enrollment_period where person_id = ?", Integer.class, person) == 1);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void aLostDatabaseIsAnsweredServiceUnavailableAndTheSameRequestSettlesOnceAfter() throws Exception {
        String messageId = "msg-" + UUID.randomUUID();
        String bill = """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"lines":[{"itemCode":"S311201001","quantity":3,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOSPITAL, TODAY);
        String database = jdbc.queryForObject("select current_database()", String.class);

        HttpResponse<String> during;
        try {
            cut(database);
            during = api.post("/api/settlement/settlements", bill);
        } finally {
            restore(database);
        }

        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(during.body()).contains("send the same request again").doesNotContain("Hikari").doesNotContain("PSQL");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> jdbc.queryForObject("select 1", Integer.class) == 1);
        assertThat(jdbc.queryForObject("select count(*) from settlement where idempotency_key = ?", Integer.class, messageId)).isZero();

        HttpResponse<String> after = api.post("/api/settlement/settlements", bill);
        HttpResponse<String> again = api.post("/api/settlement/settlements", bill);

        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("id").asString()).isEqualTo(json.readTree(after.body()).path("id").asString());
        assertThat(jdbc.queryForObject("select count(*) from settlement where idempotency_key = ?", Integer.class, messageId)).isEqualTo(1);
    }

    /**
     * An operator's case: the connection is terminated in the middle of the settle's transaction (held at its accumulator
     * by another session's table lock, then ended by the server), so its rollback fails on the broken connection and the
     * fault that broke it is only the transaction's "application exception". Answered 503, changing nothing; the same
     * message id then settles once.
     */
    @Test
    void aConnectionCutInTheMiddleOfTheSettlesTransactionIsAnsweredServiceUnavailable() throws Exception {
        String messageId = "msg-" + UUID.randomUUID();
        String bill = """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"lines":[{"itemCode":"S311201001","quantity":2,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOSPITAL, TODAY.minusDays(40));
        String database = jdbc.queryForObject("select current_database()", String.class);

        HttpResponse<String> during;
        try (Connection blocker = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password", ""))) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table accumulator in access exclusive mode");
            }
            java.util.concurrent.CompletableFuture<HttpResponse<String>> settle = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> api.post("/api/settlement/settlements", bill));
            try (Connection admin = admin(); Statement s = admin.createStatement()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    try (var rs = s.executeQuery("select count(*) from pg_stat_activity where datname = '" + database
                            + "' and wait_event_type = 'Lock' and query ilike '%accumulator%'")) {
                        return rs.next() && rs.getInt(1) > 0;
                    }
                });
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and wait_event_type = 'Lock' and query ilike '%accumulator%'");
            }
            during = settle.get(60, java.util.concurrent.TimeUnit.SECONDS);
            blocker.rollback();
        }

        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(jdbc.queryForObject("select count(*) from settlement where idempotency_key = ?", Integer.class, messageId)).isZero();
        HttpResponse<String> after = api.post("/api/settlement/settlements", bill);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from settlement where idempotency_key = ?", Integer.class, messageId)).isEqualTo(1);
    }

    /** The database takes no new connection and every one to it is ended (by the server, as a failover would). */
    private void cut(String database) throws Exception {
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("alter database \"" + database + "\" allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "' and pid <> pg_backend_pid()");
        }
    }

    private void restore(String database) throws Exception {
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("alter database \"" + database + "\" allow_connections true");
        }
    }

    /** A connection of the server's superuser to its maintenance database, outside the service's pool. */
    private Connection admin() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url").replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        return DriverManager.getConnection(url, environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
    }
}
