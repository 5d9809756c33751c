package org.yibao.casemix;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import org.yibao.testsupport.spring.ServiceContractTest;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CasemixServiceContractIT extends ServiceContractTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Override
    protected String apiPrefix() {
        return "/api/casemix";
    }

    /** A hospital uploads and reads only its own institution's lists: another's path is refused and nothing is written. */
    @Override
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of(
                "POST /api/casemix/institutions/{code}/settlement-lists", () -> {
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).post(
                            "/api/casemix/institutions/" + FOREIGN_INSTITUTION + "/settlement-lists", """
                                    {"settlementId":"S-FOREIGN","admissionDate":"2026-11-02","dischargeDate":"2026-11-08",
                                     "mainDiagnosis":"K35.800","secondaryDiagnoses":[],"procedures":[],
                                     "fees":[{"category":"SURGERY","amount":"100.00"}],"ventilatorHours":0,"newbornWeights":[]}""");

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                    assertThat(jdbc.queryForObject("select count(*) from settlement_list where institution_code = ?", Integer.class,
                            FOREIGN_INSTITUTION)).isZero();
                },
                "POST /api/casemix/institutions/{code}/settlement-lists/{settlementId}/submission", () -> {
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).post(
                            "/api/casemix/institutions/" + FOREIGN_INSTITUTION + "/settlement-lists/S-1/submission", "");

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                },
                "GET /api/casemix/institutions/{code}/dip/tables/{tableId}/years/{year}/report", () -> {
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).get(
                            "/api/casemix/institutions/" + FOREIGN_INSTITUTION + "/dip/tables/411700-2026-v1/years/2026/report");

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                },
                "GET /api/casemix/institutions/{code}/drg/weights/{weightsId}/years/{year}/report", () -> {
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).get(
                            "/api/casemix/institutions/" + FOREIGN_INSTITUTION + "/drg/weights/411700-2026-drg-v1/years/2026/report");

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                },
                "GET /api/casemix/institutions/{code}/settlement-lists/{settlementId}", () -> {
                    HttpResponse<String> foreign = client(TestCallers.his(HOME_INSTITUTION)).get(
                            "/api/casemix/institutions/" + FOREIGN_INSTITUTION + "/settlement-lists/S-1");

                    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
                });
    }
}
