package org.yibao.supervision;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.testsupport.client.EventPublisher;
import tools.jackson.databind.json.JsonMapper;
import org.yibao.security.Role;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SupervisionServiceContractIT extends ServiceContractTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    @Override
    protected String apiPrefix() {
        return "/api/supervision";
    }

    /**
     * Finding 3 of the security review: a death's source over 40 characters and a recovery of 1e20
     * were answered 500 (an inspection plan's createdBy is no longer taken from the body at all).
     */
    @org.junit.jupiter.api.Test
    void overlongAndImpossibleValuesAreRefusedNamingTheField() throws Exception {
        assertRefusedNamingField(TestCallers.AUDITOR, "POST", "/api/supervision/deaths",
                "{\"personId\":\"11010519491231002X\",\"dateOfDeath\":\"2026-01-01\",\"source\":\"" + "民".repeat(41) + "\"}", "source");
        assertRefusedNamingField(CallerIdentity.staff("decider-1", Role.DECIDER), "POST",
                "/api/supervision/cases/" + java.util.UUID.randomUUID() + "/decision",
                "{\"outcome\":\"FUND_RECOVERY\",\"recoveryAmount\":1e20,\"reason\":\"x\"}", "recoveryAmount");
    }

    /**
     * A claim review of the home institution (a bill repeating a line, so flagged), decided with a deduction:
     * the institution the claim is not of may neither read nor appeal it.
     */
    private UUID homeClaimReview() {
        Money line = Money.of("40.00");
        ClaimLine bedDay = new ClaimLine("S120100001", "床位费", ItemCategory.SERVICE, ItemClass.A, BigDecimal.ONE, line, line, Money.ZERO, false);
        Money total = Money.of("80.00");
        ClaimSettled claim = new ClaimSettled(UUID.randomUUID().toString(), "11010519491231002X", HOME_INSTITUTION, "411700",
                Scheme.RESIDENT, VisitType.INPATIENT, 2026, LocalDate.of(2026, 3, 2), List.of("I10"), Instant.now(),
                "yangjiang-2019-resident@2", new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO), null, List.of(bedDay, bedDay));
        try (EventPublisher events = new EventPublisher(json)) {
            events.publish(claim);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from claim_review where settlement_id = ?",
                Integer.class, claim.settlementId()) == 1);
        UUID id = jdbc.queryForObject("select review_id from claim_review where settlement_id = ?", UUID.class, claim.settlementId());
        HttpResponse<String> decided = client(TestCallers.AUDITOR).post("/api/supervision/claim-reviews/" + id + "/decision",
                "{\"lines\":[{\"lineNo\":2,\"amount\":\"40.00\",\"reasonCode\":\"REPEATED_CHARGING\"}]}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return id;
    }

    /** A hospital pre-checks only its own bills: one naming another institution is refused. */
    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        UUID[] review = new UUID[1];
        OwnershipProof readReview = () -> {
            review[0] = review[0] == null ? homeClaimReview() : review[0];
            HttpResponse<String> foreign = client(TestCallers.his(FOREIGN_INSTITUTION)).get("/api/supervision/claim-reviews/" + review[0]);
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
            HttpResponse<String> own = client(TestCallers.his(HOME_INSTITUTION)).get("/api/supervision/claim-reviews/" + review[0]);
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        };
        OwnershipProof appealReview = () -> {
            review[0] = review[0] == null ? homeClaimReview() : review[0];
            HttpResponse<String> foreign = client(TestCallers.pharmacy(FOREIGN_INSTITUTION)).post("/api/supervision/claim-reviews/" + review[0]
                    + "/appeal", "{\"lines\":[2],\"statement\":\"not ours to contest\"}");
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
            assertThat(jdbc.queryForObject("select count(*) from claim_review_appeal where review_id = ?", Integer.class, review[0])).isZero();
        };
        return Map.of("GET /api/supervision/claim-reviews/{id}", readReview, "POST /api/supervision/claim-reviews/{id}/appeal", appealReview,
                "GET /api/supervision/institutions/{code}", () -> {
            HttpResponse<String> registered = client(TestCallers.MANAGER).post("/api/supervision/institutions", """
                    {"code":"%s","name":"某医院","regionCode":"411700","kind":"HOSPITAL","level":"LEVEL_2","agreementFrom":"2019-01-01"}"""
                    .formatted(HOME_INSTITUTION));
            assertThat(registered.statusCode()).as(registered.body()).isIn(201, 409);
            HttpResponse<String> foreign = client(TestCallers.his(FOREIGN_INSTITUTION)).get("/api/supervision/institutions/" + HOME_INSTITUTION);
            assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
            HttpResponse<String> own = client(TestCallers.his(HOME_INSTITUTION)).get("/api/supervision/institutions/" + HOME_INSTITUTION);
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        }, "POST /api/supervision/pre-checks", () -> {
            HttpResponse<String> response = client(TestCallers.his(FOREIGN_INSTITUTION)).post("/api/supervision/pre-checks", """
                    {"personId":"11010519491231002X","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                     "diagnosisCodes":["I10"],"total":"1.00",
                     "lines":[{"itemCode":"S1","quantity":1,"unitPrice":"1.00","amount":"1.00"}]}"""
                    .formatted(HOME_INSTITUTION, LocalDate.now()));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(response.body()).contains("acts only for institution " + FOREIGN_INSTITUTION);
        });
    }
}
