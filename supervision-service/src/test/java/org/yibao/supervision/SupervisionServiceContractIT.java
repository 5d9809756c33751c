package org.yibao.supervision;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SupervisionServiceContractIT extends ServiceContractTest {

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

    /** A hospital pre-checks only its own bills: one naming another institution is refused. */
    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of("GET /api/supervision/institutions/{code}", () -> {
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
