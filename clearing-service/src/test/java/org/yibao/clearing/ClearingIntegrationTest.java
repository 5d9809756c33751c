package org.yibao.clearing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What clearing-service's integration tests share (on a real PostgreSQL and Kafka, with the service on a random port):
 * events put on the topics as their producers would, the institution announced by supervision, claims settled, and the
 * service called as a given caller. Each subclass is a {@code @PlatformIntegrationTest} with one instance per class.
 */
abstract class ClearingIntegrationTest {

    protected static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    private Environment environment;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected JsonMapper json;

    protected EventPublisher events;
    private int port;

    @BeforeAll
    void clients() {
        port = environment.getRequiredProperty("local.server.port", Integer.class);
        events = new EventPublisher(json);
    }

    @AfterAll
    void close() {
        events.close();
    }

    /** A hospital code of the region new to the run. */
    protected static String newHospital(String region) {
        return "H" + region + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    /** Supervision announces the hospital in its own region (its clearing rules); awaited. */
    protected void known(String hospital, String region) {
        events.publish(new InstitutionStatusChanged(hospital, "某医院", region, InstitutionKind.HOSPITAL, InstitutionLevel.LEVEL_2,
                null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from institution_region where institution_code = ? and region_code = ?", hospital, region) == 1);
    }

    /** A general outpatient claim settled at noon (Beijing) of the day, of a patient enrolled in {@code patientRegion}. */
    protected static ClaimSettled claim(String id, String hospital, String patientRegion, Scheme scheme, LocalDate day,
                                        SettlementAmounts amounts) {
        String person = "41170219800101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        person = person + ResidentId.checkCharacter(person);
        return new ClaimSettled(id, person, hospital, patientRegion, scheme, VisitType.GENERAL_OUTPATIENT, day.getYear(), day,
                List.of("J06.9"), at(day), "zhumadian-2021", amounts, null, List.of());
    }

    /** total, basic, catastrophic, personal account, cash (nothing self-paid, no supplementary or assistance) */
    protected static SettlementAmounts amounts(String total, String basic, String catastrophic, String account, String cash) {
        return new SettlementAmounts(Money.of(total), Money.ZERO, Money.ZERO, Money.of(total), Money.ZERO, Money.of(basic),
                Money.of(catastrophic), Money.ZERO, Money.ZERO, Money.of(account), Money.of(cash));
    }

    /** Noon of the day, Beijing time. */
    protected static Instant at(LocalDate day) {
        return day.atTime(12, 0).atZone(BEIJING).toInstant();
    }

    protected ServiceClient as(CallerIdentity caller) {
        return new ServiceClient(port, caller);
    }

    protected JsonNode read(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    protected long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
