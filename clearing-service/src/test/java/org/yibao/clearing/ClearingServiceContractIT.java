package org.yibao.clearing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ClearingServiceContractIT extends ServiceContractTest {

    private static final CallerIdentity OFFICER = CallerIdentity.staff("clearing-officer-contract", Role.CLEARING_OFFICER);

    @Override
    protected String apiPrefix() {
        return "/api/clearing";
    }

    /** An institution reads only its own owed amounts: another institution's path is refused. */
    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of(
                "GET /api/clearing/institutions/{code}/owed", () -> {
                    HttpResponse<String> own = client(TestCallers.his(HOME_INSTITUTION)).get(
                            "/api/clearing/institutions/" + HOME_INSTITUTION + "/owed?period=2026-01");
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).get(
                            "/api/clearing/institutions/" + FOREIGN_INSTITUTION + "/owed?period=2026-01");

                    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(foreign.body()).contains("acts only for institution " + HOME_INSTITUTION);
                },
                "POST /api/clearing/institutions/{code}/applications", () -> {
                    HttpResponse<String> own = client(TestCallers.his(HOME_INSTITUTION)).post(
                            "/api/clearing/institutions/" + HOME_INSTITUTION + "/applications", application("OUTPATIENT"));
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).post(
                            "/api/clearing/institutions/" + FOREIGN_INSTITUTION + "/applications", application("OUTPATIENT"));

                    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(foreign.body()).contains("acts only for institution " + HOME_INSTITUTION);
                },
                "POST /api/clearing/institutions/{code}/applications/{id}/cancellation", () -> {
                    HttpResponse<String> filed = client(TestCallers.his(HOME_INSTITUTION)).post(
                            "/api/clearing/institutions/" + HOME_INSTITUTION + "/applications", application("INPATIENT"));
                    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
                    String id = JsonMapper.shared().readTree(filed.body()).path("applicationId").asString();
                    HttpResponse<String> foreign = client(TestCallers.his(FOREIGN_INSTITUTION)).post(
                            "/api/clearing/institutions/" + FOREIGN_INSTITUTION + "/applications/" + id + "/cancellation", "");
                    HttpResponse<String> own = client(TestCallers.his(HOME_INSTITUTION)).post(
                            "/api/clearing/institutions/" + HOME_INSTITUTION + "/applications/" + id + "/cancellation", "");

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(foreign.body()).contains("was not filed by institution " + FOREIGN_INSTITUTION);
                    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
                });
    }

    /** A clearing application of last month's first day, with a fresh message id. */
    private static String application(String type) {
        LocalDate day = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).atDay(1);
        return """
                {"messageId":"C-%s","period":"%s","clearingType":"%s","beginDate":"%s","endDate":"%s","visits":0,
                 "medicalFeeTotal":"0.00","eligibleFeeTotal":"0.00","fundAmount":"0.00","cashAmount":"0.00","accountAmount":"0.00"}"""
                .formatted(UUID.randomUUID(), YearMonth.from(day), type, day, day);
    }

    @Test
    void aPeriodThatIsNoMonthIsRefusedNamingIt() throws Exception {
        assertRefusedNamingField(OFFICER, "GET", "/api/clearing/institutions/" + HOME_INSTITUTION + "/owed?period=2026-13", null, "period");
        assertRefusedNamingField(OFFICER, "POST", "/api/clearing/periods/2026-13/payment-orders", """
                {"institutionCode":"%s"}""".formatted(HOME_INSTITUTION), "period");
    }

    @Test
    void aMonthNotEndedIsNotPaid() throws Exception {
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> refused = client(OFFICER).post("/api/clearing/periods/" + thisMonth + "/payment-orders", """
                {"institutionCode":"%s"}""".formatted(HOME_INSTITUTION));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("period: " + thisMonth + " has not ended");
    }

    @Test
    void aBudgetWithoutAnAllocationIsRefusedNamingIt() throws Exception {
        assertRefusedNamingField(TestCallers.MANAGER, "POST", "/api/clearing/budgets", """
                {"institutionCode":"%s","year":2026,"scheme":"RESIDENT","annualAmount":"0.00"}""".formatted(HOME_INSTITUTION),
                "annualAmount");
    }
}
