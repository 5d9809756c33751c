package org.yibao.enrollment;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EnrollmentServiceContractIT extends ServiceContractTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    private static final CallerIdentity HOME = TestCallers.his(HOME_INSTITUTION);
    private static final CallerIdentity FOREIGN = TestCallers.his(FOREIGN_INSTITUTION);

    @Autowired
    private JdbcTemplate jdbc;

    @Override
    protected String apiPrefix() {
        return "/api/enrollment";
    }

    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of(
                "POST /api/enrollment/evoucher/exchanges", this::aHospitalExchangesVouchersOnlyForItself,
                "POST /api/enrollment/certifications/{id}/revocation", this::aHospitalWithdrawsOnlyItsOwnPendingApplication,
                "POST /api/enrollment/filings/{filingId}/cancellation", this::aHospitalCancelsOnlyTheFilingsItRegistered);
    }

    private void aHospitalExchangesVouchersOnlyForItself() {
        HttpResponse<String> foreign = client(HOME).post("/api/enrollment/evoucher/exchanges",
                "{\"token\":\"0123456789abcdef\",\"institutionCode\":\"" + FOREIGN_INSTITUTION + "\"}");

        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body()).contains("institutionCode");
    }

    /** Finding 1 of the security review: an unrelated hospital revoked an approved certification, naming any decider it liked. */
    private void aHospitalWithdrawsOnlyItsOwnPendingApplication() {
        String person = registered();
        String approved = id(client(TestCallers.CLERK).post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"I10\",\"diseaseName\":\"高血压\"}"), "certificationId");
        client(TestCallers.CLERK).post("/api/enrollment/certifications/" + approved + "/decision", "{\"approved\":true}");
        String filedByOther = id(client(FOREIGN).post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"E11\",\"diseaseName\":\"2型糖尿病\"}"), "certificationId");
        String ownButDecided = id(client(HOME).post("/api/enrollment/persons/" + person + "/certifications",
                "{\"diseaseCode\":\"J44\",\"diseaseName\":\"慢阻肺\"}"), "certificationId");
        client(TestCallers.CLERK).post("/api/enrollment/certifications/" + ownButDecided + "/decision", "{\"approved\":true}");

        HttpResponse<String> revokeApproved = client(HOME).post("/api/enrollment/certifications/" + approved + "/revocation",
                "{\"reason\":\"x\"}");
        HttpResponse<String> withdrawOthers = client(HOME).post("/api/enrollment/certifications/" + filedByOther + "/revocation",
                "{\"reason\":\"x\"}");
        HttpResponse<String> revokeOwnDecided = client(HOME).post("/api/enrollment/certifications/" + ownButDecided + "/revocation",
                "{\"reason\":\"x\"}");

        assertThat(revokeApproved.statusCode()).as(revokeApproved.body()).isEqualTo(403);
        assertThat(withdrawOthers.statusCode()).as(withdrawOthers.body()).isEqualTo(403);
        assertThat(revokeOwnDecided.statusCode()).as(revokeOwnDecided.body()).isEqualTo(403);
        assertThat(status(approved)).isEqualTo("APPROVED");
        assertThat(status(filedByOther)).isEqualTo("PENDING");
        assertThat(status(ownButDecided)).isEqualTo("APPROVED");

        HttpResponse<String> ownWithdrawal = client(FOREIGN).post("/api/enrollment/certifications/" + filedByOther + "/revocation",
                "{\"reason\":\"filed in error\"}");
        HttpResponse<String> byTheBureau = client(TestCallers.CLERK).post("/api/enrollment/certifications/" + approved + "/revocation",
                "{\"reason\":\"no longer meets the criteria\"}");
        assertThat(ownWithdrawal.statusCode()).as(ownWithdrawal.body()).isEqualTo(200);
        assertThat(byTheBureau.statusCode()).as(byTheBureau.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select revoked_by from certification where certification_id = ?::uuid", String.class,
                filedByOther)).as("who withdrew it is the token's client, never the body's").isEqualTo(FOREIGN.clientId());
        JsonNode revoked = JsonMapper.shared().readTree(byTheBureau.body());
        assertThat(revoked.at("/revokedBy").asString()).isEqualTo(TestCallers.CLERK.clientId());
        assertThat(revoked.at("/revocationReason").asString()).isEqualTo("no longer meets the criteria");
        assertThat(revoked.at("/decidedBy").asString()).as("the approval stays on record").isEqualTo(TestCallers.CLERK.clientId());
        assertThat(revoked.at("/decidedOn").isMissingNode()).isFalse();
    }

    /** Finding 2 of the security review: an unrelated hospital cancelled a person's remote-treatment filing. */
    private void aHospitalCancelsOnlyTheFilingsItRegistered() {
        String person = registered();
        assertThat(client(TestCallers.CLERK).post("/api/enrollment/enrollments", """
                {"personId":"%s","year":%d,"scheme":"RESIDENT","personType":"RESIDENT"}""".formatted(person, YEAR)).statusCode())
                .isEqualTo(201);
        String byClerk = id(client(TestCallers.CLERK).post("/api/enrollment/persons/" + person + "/filings",
                "{\"destinationRegionCode\":\"440100\",\"reason\":\"长期异地居住\"}"), "filingId");
        String byOther = id(client(FOREIGN).post("/api/enrollment/persons/" + person + "/filings",
                "{\"destinationRegionCode\":\"110000\",\"reason\":\"转诊\"}"), "filingId");

        HttpResponse<String> cancelClerks = client(HOME).post("/api/enrollment/filings/" + byClerk + "/cancellation", "{\"reason\":\"x\"}");
        HttpResponse<String> cancelOthers = client(HOME).post("/api/enrollment/filings/" + byOther + "/cancellation", "{\"reason\":\"x\"}");

        assertThat(cancelClerks.statusCode()).as(cancelClerks.body()).isEqualTo(403);
        assertThat(cancelOthers.statusCode()).as(cancelOthers.body()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from remote_filing where person_id = ? and cancelled_at is not null",
                Integer.class, person)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'FilingCancelled' and envelope like ?",
                Integer.class, "%" + person + "%")).isZero();

        HttpResponse<String> ownCancellation = client(FOREIGN).post("/api/enrollment/filings/" + byOther + "/cancellation",
                "{\"reason\":\"treatment ended\"}");
        assertThat(ownCancellation.statusCode()).as(ownCancellation.body()).isEqualTo(200);
    }


    private String registered() {
        String first17 = "441702" + "19650101" + String.format("%03d", 501 + 2 * (PEOPLE.incrementAndGet() % 240));
        String person = first17 + ResidentId.checkCharacter(first17);
        HttpResponse<String> response = client(TestCallers.CLERK).post("/api/enrollment/persons", """
                {"personId":"%s","name":"王五","regionCode":"441702"}""".formatted(person));
        assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
        return person;
    }

    private static String id(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.shared().readTree(response.body()).path(field).asString();
    }

    private String status(String certification) {
        return jdbc.queryForObject("select status from certification where certification_id = ?::uuid", String.class, certification);
    }
}
