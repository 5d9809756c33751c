package org.yibao.supervision;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The annual inspection plan reaches every institution once with two different random inspectors; the report counts it. */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionIT {

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;

    @BeforeAll
    void institutions() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.MANAGER);
        for (int i = 1; i <= 5; i++) {
            api.post("/api/supervision/institutions", """
                    {"code":"H41040099%04d","name":"某医院","regionCode":"410400","kind":"HOSPITAL","level":"LEVEL_1",
                     "agreementFrom":"2020-01-01","decidedBy":"科长甲"}""".formatted(i));
        }
    }

    @Test
    void thePlanCoversEveryInstitutionOnceWithTwoDifferentRandomInspectorsAndIsDrawnOnce() {
        int institutions = jdbc.queryForObject("select count(*) from institution where status <> 'TERMINATED'", Integer.class);

        HttpResponse<String> drawn = api.post("/api/supervision/inspection-plans/2031",
                "{\"inspectors\":[\"insp-a\",\"insp-b\",\"insp-c\",\"insp-d\"],\"seed\":20211122,\"createdBy\":\"chief\"}");
        HttpResponse<String> again = api.post("/api/supervision/inspection-plans/2031",
                "{\"inspectors\":[\"insp-a\",\"insp-b\"],\"seed\":1,\"createdBy\":\"chief\"}");
        HttpResponse<String> oneInspector = api.post("/api/supervision/inspection-plans/2032",
                "{\"inspectors\":[\"insp-a\"],\"seed\":1,\"createdBy\":\"chief\"}");

        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(oneInspector.body()).at("/errors/0/field").asString()).isEqualTo("inspectors");
        JsonNode plan = json.readTree(api.get("/api/supervision/inspection-plans/2031").body());
        assertThat(plan.size()).isEqualTo(institutions);
        Set<String> seen = new HashSet<>();
        for (JsonNode visit : plan) {
            assertThat(seen.add(visit.at("/institution").asString())).isTrue();
            assertThat(visit.at("/inspector_a").asString()).isNotEqualTo(visit.at("/inspector_b").asString());
        }
    }

    @Test
    void theReportCountsInspectionsAndAgreementDecisions() {
        api.post("/api/supervision/inspection-plans/2033",
                "{\"inspectors\":[\"insp-a\",\"insp-b\"],\"seed\":7,\"createdBy\":\"chief\"}");
        HttpResponse<String> result = api.as(TestCallers.AUDITOR).post("/api/supervision/inspection-plans/2033/institutions/H410400990001/result",
                "{\"inspectedOn\":\"2033-03-01\",\"finding\":\"VIOLATION\",\"note\":\"挂床住院\"}");
        HttpResponse<String> twice = api.as(TestCallers.AUDITOR).post("/api/supervision/inspection-plans/2033/institutions/H410400990001/result",
                "{\"inspectedOn\":\"2033-03-02\",\"finding\":\"CLEAN\"}");

        JsonNode report = json.readTree(api.get("/api/supervision/reports/2033").body());

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(twice.statusCode()).isEqualTo(404);
        assertThat(report.at("/inspected").asLong()).isEqualTo(1);
        assertThat(report.at("/planned").asLong()).isEqualTo(report.at("/institutions").asLong());
        assertThat(report.at("/recovered").asString()).isEqualTo("0.00");
    }
}
