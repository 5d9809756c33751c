package org.yibao.care;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CareServiceContractIT extends ServiceContractTest {

    private static final CallerIdentity OFFICER = CallerIdentity.staff("care-officer-contract", Role.CARE_OFFICER);
    private static final String PERSON = "50011619400101001" + ResidentId.checkCharacter("50011619400101001");
    private static final String LAST_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

    @Autowired
    private JdbcTemplate jdbc;

    @Override
    protected String apiPrefix() {
        return "/api/care";
    }

    /** A care institution bills and reads only its own month: another institution's path is refused and nothing is written. */
    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of(
                "POST /api/care/institutions/{code}/bills", () -> {
                    register(FOREIGN_INSTITUTION);
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).post(
                            "/api/care/institutions/" + FOREIGN_INSTITUTION + "/bills", """
                                    {"month":"%s","lines":[{"personId":"%s","from":"%s-01","to":"%s-02"}]}"""
                                    .formatted(LAST_MONTH, PERSON, LAST_MONTH, LAST_MONTH));

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(foreign.body()).contains("acts only for institution " + HOME_INSTITUTION);
                    assertThat(jdbc.queryForObject("select count(*) from care_bill where institution_code = ?", Integer.class,
                            FOREIGN_INSTITUTION)).isZero();
                },
                "GET /api/care/institutions/{code}/bills/{month}", () -> {
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).get(
                            "/api/care/institutions/" + FOREIGN_INSTITUTION + "/bills/" + LAST_MONTH);

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                });
    }

    @Test
    void aMonthThatIsNoMonthIsRefusedNamingIt() throws Exception {
        assertRefusedNamingField(OFFICER, "POST", "/api/care/home-care-runs/2023-13", "", "month");
    }

    @Test
    void anInstitutionWithoutASettingIsRefusedNamingIt() throws Exception {
        assertRefusedNamingField(OFFICER, "POST", "/api/care/institutions", """
                {"institutionCode":"C50011699999","name":"x","regionCode":"500116","settings":[]}""", "settings");
    }

    private void register(String code) {
        client(OFFICER).post("/api/care/institutions", """
                {"institutionCode":"%s","name":"护理院","regionCode":"500116","settings":["INSTITUTION"]}""".formatted(code));
    }
}
