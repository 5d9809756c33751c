package org.yibao.supervision;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.security.TestCallers;
import java.util.stream.StreamSupport;
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
                     "agreementFrom":"2020-01-01"}""".formatted(i));
        }
    }

    @Test
    void thePlanCoversEveryInstitutionOnceWithTwoDifferentRandomInspectorsAndIsDrawnOnce() {
        int institutions = jdbc.queryForObject("select count(*) from institution where status <> 'TERMINATED'", Integer.class);

        HttpResponse<String> drawn = api.post("/api/supervision/inspection-plans/2031",
                "{\"inspectors\":[\"insp-a\",\"insp-b\",\"insp-c\",\"insp-d\"],\"seed\":20211122}");
        HttpResponse<String> again = api.post("/api/supervision/inspection-plans/2031",
                "{\"inspectors\":[\"insp-a\",\"insp-b\"],\"seed\":1}");
        HttpResponse<String> oneInspector = api.post("/api/supervision/inspection-plans/2032",
                "{\"inspectors\":[\"insp-a\"],\"seed\":1}");

        assertThat(drawn.statusCode()).as(drawn.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select created_by from inspection_plan where year = 2031", String.class))
                .as("who drew the plan is the token's staff member").isEqualTo(TestCallers.MANAGER.clientId());
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
                "{\"inspectors\":[\"insp-a\",\"insp-b\"],\"seed\":7}");
        JsonNode drawn = StreamSupport.stream(json.readTree(api.get("/api/supervision/inspection-plans/2033").body()).spliterator(), false)
                .filter(v -> v.at("/institution").asString().equals("H410400990001")).findFirst().orElseThrow();
        CallerIdentity inspector = CallerIdentity.staff(drawn.at("/inspector_a").asString(), Role.AUDITOR);
        HttpResponse<String> byAnotherAuditor = api.as(CallerIdentity.staff("insp-z", Role.AUDITOR)).post( // never drawn
                "/api/supervision/inspection-plans/2033/institutions/H410400990001/result",
                "{\"inspectedOn\":\"2033-03-01\",\"finding\":\"CLEAN\"}");
        HttpResponse<String> result = api.as(inspector).post("/api/supervision/inspection-plans/2033/institutions/H410400990001/result",
                "{\"inspectedOn\":\"2033-03-01\",\"finding\":\"VIOLATION\",\"note\":\"挂床住院\"}");
        HttpResponse<String> twice = api.as(inspector).post("/api/supervision/inspection-plans/2033/institutions/H410400990001/result",
                "{\"inspectedOn\":\"2033-03-02\",\"finding\":\"CLEAN\"}");

        JsonNode report = json.readTree(api.get("/api/supervision/reports/2033").body());

        assertThat(byAnotherAuditor.statusCode()).as(byAnotherAuditor.body()).isEqualTo(403); // not one of the two drawn
        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select recorded_by from inspection where year = 2033 and institution = 'H410400990001'",
                String.class)).isEqualTo(inspector.clientId());
        assertThat(twice.statusCode()).isEqualTo(404);
        JsonNode visited = StreamSupport.stream(json.readTree(api.get("/api/supervision/inspection-plans/2033").body()).spliterator(), false)
                .filter(v -> v.at("/institution").asString().equals("H410400990001")).findFirst().orElseThrow();
        assertThat(visited.at("/inspected_on").asString()).isEqualTo("2033-03-01"); // a date, not a zone's midnight in UTC
        assertThat(report.at("/inspected").asLong()).isEqualTo(1);
        assertThat(report.at("/planned").asLong()).isEqualTo(report.at("/institutions").asLong());
        assertThat(report.at("/recovered").asString()).isEqualTo("0.00");
    }
}
