package org.yibao.casemix;

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
 * What casemix-service's integration tests share (a real PostgreSQL and Kafka, the service on a random port): events put on
 * the topics as their producers would, a level 3 hospital announced by supervision, an inpatient stay settled, and the
 * service called as a given caller. Each subclass is a {@code @PlatformIntegrationTest} with one instance per class.
 */
abstract class CasemixIntegrationTest {

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

    /** A level 3 hospital of the region new to the run, announced by supervision; awaited. */
    protected String known(String region) {
        String hospital = "H" + region + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        events.publish(new InstitutionStatusChanged(hospital, "某医院", region, InstitutionKind.HOSPITAL, InstitutionLevel.LEVEL_3, null,
                AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from institution where institution_code = ?", hospital) == 1);
        return hospital;
    }

    /**
     * A resident's inpatient stay settled (admitted at 9:00 on {@code in}, discharged at 10:00 on {@code out}, of a patient
     * enrolled in 411702): the pooling fund paid {@code basic} item by item, the person the rest of {@code total}; awaited.
     */
    protected void settleStay(String id, String person, String hospital, LocalDate in, LocalDate out, String diagnosis, String procedure,
                              String total, String basic) {
        Money t = Money.of(total);
        Money b = Money.of(basic);
        SettlementAmounts amounts = new SettlementAmounts(t, Money.ZERO, Money.ZERO, t, Money.ZERO, b, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, t.minus(b));
        events.publish(new ClaimSettled(id, person, hospital, "411702", Scheme.RESIDENT, VisitType.INPATIENT, out.getYear(), out,
                List.of(diagnosis), out.atTime(11, 0).atZone(BEIJING).toInstant(), "zhumadian-2021", amounts, null, List.of(), null, false,
                in.atTime(9, 0), out.atTime(10, 0), procedure == null ? List.of() : List.of(procedure), null, "A03"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from inpatient_case where settlement_id = ?", id) == 1);
    }

    /** The hospital's DipPaymentAdjusted on the outbox, oldest first: "basis amount" (DIP's) or "DRG basis amount". */
    protected List<String> adjustments(String hospital) {
        return jdbc.queryForList("select envelope from outbox_event where event_type = 'DipPaymentAdjusted' and envelope like ? order by id",
                String.class, "%" + hospital + "%").stream().map(e -> {
                    JsonNode p = json.readTree(e).path("payload");
                    return (p.path("method").asString().equals("DRG") ? "DRG " : "") + p.path("basis").asString() + " " + p.path("amount").asString();
                }).toList();
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
