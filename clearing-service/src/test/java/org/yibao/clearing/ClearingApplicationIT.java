package org.yibao.clearing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clearing applications (清算申请, 3203) and their cancellation (3204) on a real PostgreSQL and Kafka. M1 is the
 * month before last (ended); the institution is new to each test. M1 owes the institution: claim A (resident:
 * basic 1000.00, catastrophic 200.00, cash 300.00) and claim B (employee: basic 600.00, personal account 100.00,
 * cash 50.00) — 1800.00 from the funds other than the personal account, 100.00 from personal accounts.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClearingApplicationIT extends ClearingIntegrationTest {

    private static final YearMonth M1 = YearMonth.now(BEIJING).minusMonths(2);
    private static final CallerIdentity PREPARER = CallerIdentity.staff("clearing-officer-a1", Role.CLEARING_OFFICER);
    private static final CallerIdentity APPROVER = CallerIdentity.staff("clearing-officer-a2", Role.CLEARING_OFFICER);

    /**
     * Outpatient 1800.00 + account 100.00 agrees (201), its message again answers it (200) and the same message with
     * other amounts is refused 409; a second outpatient application of M1 is refused 409 naming the one in force;
     * an inpatient one of 50.00 makes the month state 1850.00: it differs on fundAmount by 50.00, named; cancelled
     * (twice, the second changing nothing), the inpatient one can be filed again. The officer lists all three.
     */
    @Test
    void anApplicationAgreesOneDiffersASecondIsRefusedAndOneIsCancelled() {
        String hospital = newHospital();
        owedInM1(hospital);
        ServiceClient his = as(TestCallers.his(hospital));
        String path = "/api/clearing/institutions/" + hospital + "/applications";

        String outpatientMessage = "M-" + UUID.randomUUID();
        JsonNode outpatient = read(his.post(path, application(outpatientMessage, "OUTPATIENT", "1800.00", "100.00")), 201);
        assertThat(outpatient.path("applicationId").asString()).matches("[0-9]{30}");
        assertThat(outpatient.path("state").asString()).isEqualTo("IN_FORCE");
        assertThat(outpatient.path("institutionCode").asString()).isEqualTo(hospital);
        assertThat(outpatient.at("/reconciliation/agrees").asBoolean()).isTrue();
        assertThat(outpatient.at("/reconciliation/differences").size()).isZero();
        assertThat(outpatient.at("/reconciliation/platformFundOwed").asString()).isEqualTo("1800.00");
        assertThat(outpatient.at("/reconciliation/platformAccountOwed").asString()).isEqualTo("100.00");

        JsonNode retried = read(his.post(path, application(outpatientMessage, "OUTPATIENT", "1800.00", "100.00")), 200);
        assertThat(retried.path("applicationId").asString()).isEqualTo(outpatient.path("applicationId").asString());
        HttpResponse<String> reused = his.post(path, application(outpatientMessage, "OUTPATIENT", "1700.00", "100.00"));
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
        assertThat(reused.body()).contains("messageId: " + outpatientMessage);

        HttpResponse<String> second = his.post(path, application("M-" + UUID.randomUUID(), "OUTPATIENT", "1800.00", "100.00"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(second.body()).contains("application " + outpatient.path("applicationId").asString() + " is in force for " + M1
                + " OUTPATIENT");
        assertThat(applications(hospital)).isEqualTo(1);

        JsonNode inpatient = read(his.post(path, application("M-" + UUID.randomUUID(), "INPATIENT", "50.00", "0.00")), 201);
        assertThat(inpatient.at("/reconciliation/agrees").asBoolean()).isFalse();
        assertThat(inpatient.at("/reconciliation/monthFundStated").asString()).isEqualTo("1850.00");
        JsonNode differences = inpatient.at("/reconciliation/differences");
        assertThat(differences.size()).as(differences.toString()).isEqualTo(1);
        assertThat(differences.get(0).path("amount").asString()).isEqualTo("fundAmount");
        assertThat(differences.get(0).path("stated").asString()).isEqualTo("1850.00");
        assertThat(differences.get(0).path("platform").asString()).isEqualTo("1800.00");
        assertThat(differences.get(0).path("difference").asString()).isEqualTo("50.00");

        String inpatientId = inpatient.path("applicationId").asString();
        JsonNode cancelled = read(his.post(path + "/" + inpatientId + "/cancellation", ""), 200);
        assertThat(cancelled.path("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancelledBy").asString()).isNotBlank();
        JsonNode again = read(his.post(path + "/" + inpatientId + "/cancellation", ""), 200);
        assertThat(again.path("cancelledAt").asString()).isEqualTo(cancelled.path("cancelledAt").asString());
        read(his.post(path, application("M-" + UUID.randomUUID(), "INPATIENT", "0.00", "0.00")), 201);

        JsonNode listed = read(as(PREPARER).get("/api/clearing/periods/" + M1 + "/applications?institutionCode=" + hospital), 200);
        List<String> states = new ArrayList<>();
        listed.forEach(a -> states.add(a.path("clearingType").asString() + " " + a.path("state").asString()));
        assertThat(states).containsExactlyInAnyOrder("OUTPATIENT IN_FORCE", "INPATIENT CANCELLED", "INPATIENT IN_FORCE");
    }

    /** Another institution can neither file for this one nor cancel its application; nothing changes. */
    @Test
    void anotherInstitutionIsRefusedAndChangesNothing() {
        String hospital = newHospital();
        owedInM1(hospital);
        String other = newHospital();
        String path = "/api/clearing/institutions/" + hospital + "/applications";
        JsonNode filed = read(as(TestCallers.his(hospital)).post(path, application("M-" + UUID.randomUUID(), "OUTPATIENT", "1800.00",
                "100.00")), 201);
        String id = filed.path("applicationId").asString();

        HttpResponse<String> forOther = as(TestCallers.his(other)).post(path, application("M-" + UUID.randomUUID(), "INPATIENT", "1.00",
                "0.00"));
        assertThat(forOther.statusCode()).as(forOther.body()).isEqualTo(403);
        assertThat(forOther.body()).contains("acts only for institution " + other);
        HttpResponse<String> cancelOther = as(TestCallers.his(other)).post(
                "/api/clearing/institutions/" + other + "/applications/" + id + "/cancellation", "");
        assertThat(cancelOther.statusCode()).as(cancelOther.body()).isEqualTo(403);
        assertThat(cancelOther.body()).contains("was not filed by institution " + other);
        HttpResponse<String> listing = as(TestCallers.his(hospital)).get("/api/clearing/periods/" + M1 + "/applications");
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(403);

        assertThat(applications(hospital)).isEqualTo(1);
        assertThat(applications(other)).isZero();
        assertThat(jdbc.queryForObject("select state from clearing_application where application_id = ?", String.class, id))
                .isEqualTo("IN_FORCE");
    }

    /**
     * M1 closed by an approved payment order: a new application for it is refused 409 naming the period, and the
     * application on file, used by the approved order, cannot be cancelled (409); dates of two months are refused
     * 400 naming endDate; nothing changes.
     */
    @Test
    void aMonthClosedByAnApprovedOrderTakesNoApplicationAndKeepsItsOwn() {
        String hospital = newHospital();
        known(hospital);
        owedInM1(hospital);
        ServiceClient his = as(TestCallers.his(hospital));
        String path = "/api/clearing/institutions/" + hospital + "/applications";
        String id = read(his.post(path, application("M-" + UUID.randomUUID(), "OUTPATIENT", "1800.00", "100.00")), 201)
                .path("applicationId").asString();

        JsonNode order = read(as(PREPARER).post("/api/clearing/periods/" + M1 + "/payment-orders", """
                {"institutionCode":"%s"}""".formatted(hospital)), 201);
        read(as(APPROVER).post("/api/clearing/periods/" + M1 + "/payment-orders/" + order.path("orderId").asString() + "/approval", ""), 200);

        HttpResponse<String> closed = his.post(path, application("M-" + UUID.randomUUID(), "INPATIENT", "0.00", "0.00"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(409);
        assertThat(closed.body()).contains("period: " + M1 + " is closed for institution " + hospital);
        HttpResponse<String> used = his.post(path + "/" + id + "/cancellation", "");
        assertThat(used.statusCode()).as(used.body()).isEqualTo(409);
        assertThat(used.body()).contains("closed by an approved payment order");
        HttpResponse<String> twoMonths = his.post(path, """
                {"messageId":"M-%s","period":"%s","clearingType":"PHARMACY","beginDate":"%s","endDate":"%s","visits":1,
                 "medicalFeeTotal":"1.00","eligibleFeeTotal":"1.00","fundAmount":"1.00","cashAmount":"0.00","accountAmount":"0.00"}"""
                .formatted(UUID.randomUUID(), M1, M1.atDay(1), M1.plusMonths(1).atDay(1)));
        assertThat(twoMonths.statusCode()).as(twoMonths.body()).isEqualTo(400);
        assertThat(twoMonths.body()).contains("endDate");

        assertThat(applications(hospital)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from clearing_application where application_id = ?", String.class, id))
                .isEqualTo("IN_FORCE");
    }

    private static String newHospital() {
        return newHospital("411702");
    }

    /** M1's whole month as the institution states it; visits 2, medical fees 2650.00 of which 2300.00 eligible, cash 350.00. */
    private static String application(String messageId, String type, String fundAmount, String accountAmount) {
        return """
                {"messageId":"%s","period":"%s","clearingType":"%s","clearingWay":"1","beginDate":"%s","endDate":"%s","visits":2,
                 "medicalFeeTotal":"2650.00","eligibleFeeTotal":"2300.00","fundAmount":"%s","cashAmount":"350.00","accountAmount":"%s"}"""
                .formatted(messageId, M1, type, M1.atDay(1), M1.atEndOfMonth(), fundAmount, accountAmount);
    }

    /** Claims A and B of M1 counted for the institution (awaited). */
    private void owedInM1(String hospital) {
        events.publish(claim("S-A-" + UUID.randomUUID(), hospital, Scheme.RESIDENT, M1.atDay(10),
                amounts("1500.00", "1000.00", "200.00", "0.00", "300.00")));
        events.publish(claim("S-B-" + UUID.randomUUID(), hospital, Scheme.EMPLOYEE, M1.atDay(12),
                amounts("750.00", "600.00", "0.00", "100.00", "50.00")));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from owed_entry where institution_code = ?", hospital) == 4);
    }

    /** Supervision announces the hospital in 411702 (its clearing rules, for the payment order); awaited. */
    private void known(String hospital) {
        known(hospital, "411702");
    }

    private static ClaimSettled claim(String id, String hospital, Scheme scheme, LocalDate day, SettlementAmounts amounts) {
        return claim(id, hospital, "500116", scheme, day, amounts);
    }

    private long applications(String hospital) {
        return count("select count(*) from clearing_application where institution_code = ?", hospital);
    }

}
