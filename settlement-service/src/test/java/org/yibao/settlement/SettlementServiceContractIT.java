package org.yibao.settlement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementServiceContractIT extends ServiceContractTest {

    private static final int YEAR = LocalDate.now().getYear();
    private static final CallerIdentity HOME = TestCallers.his(HOME_INSTITUTION);
    private static final CallerIdentity FOREIGN = TestCallers.his(FOREIGN_INSTITUTION);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private EventPublisher events;
    private String person;
    private String settlement;

    @Override
    protected String apiPrefix() {
        return "/api/settlement";
    }

    @AfterAll
    void close() {
        if (events != null) {
            events.close();
        }
    }

    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of(
                "GET /api/settlement/institutions/{institutionCode}/settlements", () -> {
                    String own = settlement();
                    String path = "/api/settlement/institutions/" + HOME_INSTITUTION + "/settlements?from=" + LocalDate.now().minusDays(1)
                            + "&to=" + LocalDate.now().plusDays(1);
                    HttpResponse<String> foreign = client(FOREIGN).get(path);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(client(HOME).get(path).body()).contains(own);
                    assertThat(client(TestCallers.AUDITOR).get(path).body()).as("staff reconcile any institution").contains(own);
                },
                "POST /api/settlement/settlements", () -> aForeignHospitalCannotBillInAnothersName("/api/settlement/settlements"),
                "POST /api/settlement/pre-settlements", () -> aForeignHospitalCannotBillInAnothersName("/api/settlement/pre-settlements"),
                "GET /api/settlement/settlements/{id}", () -> {
                    HttpResponse<String> read = client(FOREIGN).get("/api/settlement/settlements/" + settlement());
                    assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
                    assertThat(client(HOME).get("/api/settlement/settlements/" + settlement()).statusCode()).isEqualTo(200);
                },
                "POST /api/settlement/settlements/{id}/reversal", () -> {
                    HttpResponse<String> reversed = client(FOREIGN).post("/api/settlement/settlements/" + settlement() + "/reversal",
                            "{\"reason\":\"not mine\"}");
                    assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(403);
                    assertThat(jdbc.queryForObject("select reversed_at is null from settlement where id = ?::uuid", Boolean.class,
                            settlement())).isTrue();
                    assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'ClaimReversed' and envelope like ?",
                            Integer.class, "%" + settlement() + "%")).isZero();
                },
                "GET /api/settlement/persons/{personId}/settlements", () -> {
                    String own = settlement();
                    String path = "/api/settlement/persons/" + person + "/settlements?year=" + YEAR;
                    assertThat(client(FOREIGN).get(path).body()).isEqualTo("[]");
                    assertThat(client(HOME).get(path).body()).contains(own);
                    assertThat(client(TestCallers.AUDITOR).get(path).body()).as("staff see every institution's").contains(own);
                });
    }

    /** Finding 3 of the security review: a negative personal-account amount was answered 500. */
    @org.junit.jupiter.api.Test
    void aNegativePersonalAccountAmountIsRefusedNamingIt() throws Exception {
        String bill = bill("msg-" + UUID.randomUUID()).replace("\"diagnosisCodes\"", "\"personalAccountAmount\":\"-100.00\",\"diagnosisCodes\"");

        assertRefusedNamingField(HOME, "POST", "/api/settlement/pre-settlements", bill, "personalAccountAmount");
        assertRefusedNamingField(HOME, "POST", "/api/settlement/settlements", bill, "personalAccountAmount");
    }

    /** Found by the independent review: another hospital took a message id first, and the owner's real bill was refused 409. */
    @org.junit.jupiter.api.Test
    void aMessageIdBelongsToItsInstitution() {
        String messageId = "H" + System.nanoTime();
        String foreignBill = bill(messageId).replace("\"institutionCode\":\"" + HOME_INSTITUTION, "\"institutionCode\":\"" + FOREIGN_INSTITUTION);

        HttpResponse<String> squatted = client(FOREIGN).post("/api/settlement/settlements", foreignBill);
        HttpResponse<String> own = client(HOME).post("/api/settlement/settlements", bill(messageId));
        HttpResponse<String> ownRetry = client(HOME).post("/api/settlement/settlements", bill(messageId));

        assertThat(squatted.statusCode()).as(squatted.body()).isEqualTo(201);
        assertThat(own.statusCode()).as("the owner's bill is its own, whatever another sent first: " + own.body()).isEqualTo(201);
        assertThat(ownRetry.statusCode()).as("a retry still returns the first result").isEqualTo(200);
        assertThat(json.readTree(ownRetry.body()).at("/id").asString()).isEqualTo(json.readTree(own.body()).at("/id").asString());
        assertThat(json.readTree(own.body()).at("/id").asString()).isNotEqualTo(json.readTree(squatted.body()).at("/id").asString());
    }

    private void aForeignHospitalCannotBillInAnothersName(String path) {
        String bill = bill("msg-" + UUID.randomUUID());
        int before = jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person);

        HttpResponse<String> asAnother = client(FOREIGN).post(path, bill);

        assertThat(asAnother.statusCode()).as(asAnother.body()).isEqualTo(403);
        assertThat(asAnother.body()).contains("institutionCode is " + HOME_INSTITUTION)
                .contains("acts only for institution " + FOREIGN_INSTITUTION);
        assertThat(jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person)).isEqualTo(before);
    }

    /** A bill settled by the home hospital for an enrolled resident of Yangjiang (made once, on first use). */
    private String settlement() {
        if (settlement == null) {
            HttpResponse<String> settled = client(HOME).post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID()));
            assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
            settlement = json.readTree(settled.body()).at("/id").asString();
        }
        return settlement;
    }

    /** An inpatient haemodialysis bill (class A, 400.00 a session) of the home hospital. */
    private String bill(String messageId) {
        enrolled();
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"lines":[{"itemCode":"S311201001","quantity":2,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOME_INSTITUTION, LocalDate.now());
    }

    private void enrolled() {
        if (person != null) {
            return;
        }
        events = new EventPublisher(json);
        for (String code : new String[] {HOME_INSTITUTION, FOREIGN_INSTITUTION}) {
            events.publish(new InstitutionStatusChanged(code, "某医院", "441700", InstitutionKind.HOSPITAL, InstitutionLevel.LEVEL_3,
                    null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        }
        String first17 = "441702" + "19660101" + "777";
        person = first17 + ResidentId.checkCharacter(first17);
        events.publish(new PersonEnrolled(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR, LocalDate.of(YEAR, 1, 1),
                Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.queryForObject("select count(*) from institution where code in (?, ?)", Integer.class,
                        HOME_INSTITUTION, FOREIGN_INSTITUTION) == 2
                        && jdbc.queryForObject("select count(*) from enrollment where person_id = ?", Integer.class, person) == 1);
    }

}
