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
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import org.yibao.security.Role;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clues and cases on a real PostgreSQL: investigation, decision and review by three different staff
 * members (the same person in two roles is refused, 403), a reviewed fund recovery announced, a
 * reviewed suspension applied to the agreement, and the audit trail of every step.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkIT {

    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private String base;

    @BeforeAll
    void client() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        api = new ServiceClient(port, TestCallers.MANAGER);
        base = "http://127.0.0.1:" + port;
    }

    @Test
    void aFundRecoveryIsInvestigatedDecidedAndReviewedByThreePeopleThenAnnounced() {
        String institution = institution();
        String caseId = openCase(institution, "inv-zhang");

        assertThat(as("inv-zhang", "INVESTIGATOR", "/cases/" + caseId + "/findings",
                "{\"findings\":\"split hospitalisation, 12 stays\",\"settlementIds\":[\"S-1\",\"S-2\"]}").statusCode()).isEqualTo(200);
        HttpResponse<String> decidedByInvestigator = as("inv-zhang", "INVESTIGATOR,DECIDER", "/cases/" + caseId + "/decision",
                "{\"outcome\":\"FUND_RECOVERY\",\"recoveryAmount\":59073.80,\"reason\":\"recover\"}");
        HttpResponse<String> decided = as("dec-li", "DECIDER", "/cases/" + caseId + "/decision",
                "{\"outcome\":\"FUND_RECOVERY\",\"recoveryAmount\":59073.80,\"reason\":\"recover the overpayment\"}");
        HttpResponse<String> reviewedByDecider = as("dec-li", "DECIDER,REVIEWER", "/cases/" + caseId + "/review",
                "{\"approved\":true,\"comment\":\"ok\"}");
        HttpResponse<String> reviewed = as("rev-wang", "REVIEWER", "/cases/" + caseId + "/review",
                "{\"approved\":true,\"comment\":\"evidence sufficient\"}");

        assertThat(decidedByInvestigator.statusCode()).isEqualTo(403);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(reviewedByDecider.statusCode()).isEqualTo(403);
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        JsonNode c = json.readTree(api.get("/api/supervision/cases/" + caseId).body());
        assertThat(c.at("/case/status").asString()).isEqualTo("CLOSED");
        assertThat(c.at("/trail").size()).isEqualTo(4);
        assertThat(c.at("/trail/2/staff_id").asString()).isEqualTo("dec-li");
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event where event_type = 'FundRecoveryOrdered' and envelope like ?
                  and envelope like '%"amount":"59073.80"%'""", Integer.class, "%" + caseId + "%")).isEqualTo(1);
    }

    @Test
    void aReviewedSuspensionSuspendsTheAgreementAndAReturnedDecisionIsDecidedAgain() {
        String institution = institution();
        String caseId = openCase(institution, "inv-zhao");
        as("inv-zhao", "INVESTIGATOR", "/cases/" + caseId + "/findings", "{\"findings\":\"fake invoices\"}");
        as("dec-qian", "DECIDER", "/cases/" + caseId + "/decision", "{\"outcome\":\"WARNING\",\"reason\":\"first offence\"}");

        HttpResponse<String> returned = as("rev-sun", "REVIEWER", "/cases/" + caseId + "/review",
                "{\"approved\":false,\"comment\":\"too lenient\"}");
        as("dec-qian", "DECIDER", "/cases/" + caseId + "/decision", "{\"outcome\":\"SUSPENSION\",\"reason\":\"fake invoices\"}");
        HttpResponse<String> approved = as("rev-sun", "REVIEWER", "/cases/" + caseId + "/review",
                "{\"approved\":true,\"comment\":\"agreed\"}");

        assertThat(json.readTree(returned.body()).at("/case/status").asString()).isEqualTo("DECIDING");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select status from institution where code = ?", String.class, institution))
                .isEqualTo("SUSPENDED");
    }

    /**
     * Issue 19, item 7: the decisions other than recovery and suspension. A termination ends the
     * agreement; a judicial referral changes neither agreement nor fund; a recovery needs an amount in
     * bounds and only a recovery has one; a step out of order is a 409 and changes nothing.
     */
    @Test
    void terminationReferralRecoveryBoundsAndStepsOutOfOrder() {
        String terminated = institution();
        String caseId = openCase(terminated, "inv-he");
        HttpResponse<String> decidedBeforeFindings = as("dec-lv", "DECIDER", "/cases/" + caseId + "/decision",
                "{\"outcome\":\"TERMINATION\",\"reason\":\"too early\"}");
        HttpResponse<String> reviewedBeforeDecision = as("rev-shi", "REVIEWER", "/cases/" + caseId + "/review",
                "{\"approved\":true,\"comment\":\"too early\"}");
        assertThat(decidedBeforeFindings.statusCode()).as(decidedBeforeFindings.body()).isEqualTo(409);
        assertThat(reviewedBeforeDecision.statusCode()).isEqualTo(409);
        as("inv-he", "INVESTIGATOR", "/cases/" + caseId + "/findings", "{\"findings\":\"ghost patients, 40 beds\"}");
        HttpResponse<String> recoveryWithoutAmount = as("dec-lv", "DECIDER", "/cases/" + caseId + "/decision",
                "{\"outcome\":\"FUND_RECOVERY\",\"reason\":\"recover\"}");
        HttpResponse<String> terminationWithAmount = as("dec-lv", "DECIDER", "/cases/" + caseId + "/decision",
                "{\"outcome\":\"TERMINATION\",\"recoveryAmount\":100.00,\"reason\":\"x\"}");
        HttpResponse<String> recoveryOfNothing = as("dec-lv", "DECIDER", "/cases/" + caseId + "/decision",
                "{\"outcome\":\"FUND_RECOVERY\",\"recoveryAmount\":0.00,\"reason\":\"x\"}");
        HttpResponse<String> recoveryBeyondBounds = as("dec-lv", "DECIDER", "/cases/" + caseId + "/decision",
                "{\"outcome\":\"FUND_RECOVERY\",\"recoveryAmount\":1000000000000.00,\"reason\":\"x\"}");
        assertThat(List.of(recoveryWithoutAmount, terminationWithAmount, recoveryOfNothing, recoveryBeyondBounds))
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                    assertThat(r.body()).contains("recoveryAmount");
                });
        as("dec-lv", "DECIDER", "/cases/" + caseId + "/decision", "{\"outcome\":\"TERMINATION\",\"reason\":\"ghost patients\"}");
        HttpResponse<String> reviewed = as("rev-shi", "REVIEWER", "/cases/" + caseId + "/review", "{\"approved\":true,\"comment\":\"agreed\"}");
        HttpResponse<String> reviewedTwice = as("rev-shi", "REVIEWER", "/cases/" + caseId + "/review", "{\"approved\":true,\"comment\":\"again\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewedTwice.statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select status from institution where code = ?", String.class, terminated)).isEqualTo("TERMINATED");

        String referred = institution();
        String referral = openCase(referred, "inv-he");
        as("inv-he", "INVESTIGATOR", "/cases/" + referral + "/findings", "{\"findings\":\"forged prescriptions\"}");
        as("dec-lv", "DECIDER", "/cases/" + referral + "/decision", "{\"outcome\":\"JUDICIAL_REFERRAL\",\"reason\":\"to the police\"}");
        as("rev-shi", "REVIEWER", "/cases/" + referral + "/review", "{\"approved\":true,\"comment\":\"agreed\"}");
        assertThat(json.readTree(api.get("/api/supervision/cases/" + referral).body()).at("/case/status").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select status from institution where code = ?", String.class, referred)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'FundRecoveryOrdered' and envelope like ?",
                Integer.class, "%" + referral + "%")).isZero();
    }

    @Test
    void caseWorkNeedsANamedStaffMemberWithTheRole() {
        String institution = institution();
        String clue = clue(institution);

        HttpResponse<String> anonymous = api.anonymous().post("/api/supervision/cases", "{\"clueIds\":[\"" + clue + "\"]}");
        HttpResponse<String> withoutRole = as("someone", "AUDITOR", "/cases", "{\"clueIds\":[\"" + clue + "\"]}");

        HttpResponse<String> hospital = api.as(TestCallers.his(institution)).post("/api/supervision/cases",
                "{\"clueIds\":[\"" + clue + "\"]}");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(withoutRole.statusCode()).isEqualTo(403);
        assertThat(withoutRole.body()).contains("may not call POST /api/supervision/cases");
        assertThat(hospital.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from supervision_case where institution = ?", Integer.class, institution))
                .isZero();
    }

    /** The console's lists (issue 25): cases the oldest open first, clues with the case that uses them, both paged with a total. */
    @Test
    void casesAreListedOldestOpenFirstAndCluesWithTheirCase() {
        String institution = institution();
        String older = openCase(institution, "inv-list");
        String newer = openCase(institution, "inv-list");
        String closed = openCase(institution, "inv-list");
        jdbc.update("update supervision_case set opened_at = now() - interval '400 days' where case_id = ?::uuid", older);
        jdbc.update("update supervision_case set opened_at = now() - interval '500 days', status = 'CLOSED', closed_at = now() "
                + "where case_id = ?::uuid", closed);
        String freeClue = clue(institution);
        String usedClue = jdbc.queryForObject("select clue_id::text from clue where case_id = ?::uuid", String.class, newer);

        HttpResponse<String> response = api.get("/api/supervision/cases?limit=200");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode all = json.readTree(response.body());
        List<JsonNode> rows = new java.util.ArrayList<>();
        all.at("/cases").forEach(rows::add);
        assertThat(all.at("/total").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from supervision_case", Long.class));
        List<String> ids = rows.stream().map(c -> c.at("/case_id").asString()).toList();
        assertThat(ids.indexOf(older)).isNotNegative().isLessThan(ids.indexOf(newer));
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(closed)); // the closed one last though opened first
        int openRows = (int) rows.stream().takeWhile(c -> !c.at("/status").asString().equals("CLOSED")).count();
        assertThat(rows.subList(openRows, rows.size())).allSatisfy(c -> assertThat(c.at("/status").asString()).isEqualTo("CLOSED"));
        assertThat(rows.subList(0, openRows).stream().map(c -> c.at("/opened_at").asString()).toList()).isSorted();
        JsonNode investigating = json.readTree(getAs("dec-list", "DECIDER", "/cases?status=INVESTIGATING&limit=1&offset=1").body());
        assertThat(investigating.at("/total").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from supervision_case where status = 'INVESTIGATING'", Long.class));
        assertThat(investigating.at("/cases").size()).isEqualTo(1);
        assertThat(investigating.at("/cases/0/case_id").asString()).isEqualTo(rows.stream()
                .filter(c -> c.at("/status").asString().equals("INVESTIGATING")).toList().get(1).at("/case_id").asString());

        JsonNode open = json.readTree(getAs("aud-list", "AUDITOR", "/clues?open=true&limit=200").body());
        JsonNode notOpen = json.readTree(getAs("aud-list", "AUDITOR", "/clues?open=false&limit=200").body());
        assertThat(open.at("/total").asLong()).isEqualTo(open.at("/clues").size());
        JsonNode free = find(open.at("/clues"), freeClue);
        JsonNode used = find(open.at("/clues"), usedClue);
        assertThat(free.at("/caseId").isMissingNode() || free.at("/caseId").isNull()).isTrue();
        assertThat(free.at("/institutionCode").asString()).isEqualTo(institution);
        assertThat(free.at("/source").asString()).isEqualTo("VILLAGE");
        assertThat(free.at("/description").asString()).isEqualTo("村医举报: 挂床住院");
        assertThat(used.at("/caseId").asString()).isEqualTo(newer);
        String closedClue = jdbc.queryForObject("select clue_id::text from clue where case_id = ?::uuid", String.class, closed);
        assertThat(open.toString()).doesNotContain(closedClue);
        assertThat(find(notOpen.at("/clues"), closedClue).at("/caseId").asString()).isEqualTo(closed);
        assertThat(open.at("/total").asLong() + notOpen.at("/total").asLong())
                .isEqualTo(jdbc.queryForObject("select count(*) from clue", Long.class));

        assertThat(getAs("dec-list", "DECIDER", "/clues").statusCode()).isEqualTo(403);
        for (String[] bad : new String[][] {{"/cases?status=OPEN", "status"}, {"/cases?limit=0", "limit"}, {"/cases?offset=-1", "offset"},
                {"/clues?open=maybe", "open"}, {"/clues?limit=201", "limit"}}) {
            HttpResponse<String> refused = getAs("aud-list", "AUDITOR,INVESTIGATOR", bad[0]);
            assertThat(refused.statusCode()).as(bad[0] + " " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"" + bad[1] + "\"");
        }
    }

    private static JsonNode find(JsonNode clues, String clueId) {
        for (JsonNode clue : clues) {
            if (clue.at("/clueId").asString().equals(clueId)) {
                return clue;
            }
        }
        throw new AssertionError("no clue " + clueId + " in " + clues);
    }

    // --- helpers ---

    private String institution() {
        String code = String.format("H4417%07d", CODES.incrementAndGet());
        HttpResponse<String> r = api.post("/api/supervision/institutions", """
                {"code":"%s","name":"某医院","regionCode":"441700","kind":"HOSPITAL","level":"LEVEL_2",
                 "agreementFrom":"2019-01-01"}""".formatted(code));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return code;
    }

    private String clue(String institution) {
        HttpResponse<String> r = api.as(TestCallers.AUDITOR).post("/api/supervision/clues", """
                {"source":"VILLAGE","institutionCode":"%s","description":"村医举报: 挂床住院"}""".formatted(institution));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).at("/clueId").asString();
    }

    private String openCase(String institution, String investigator) {
        HttpResponse<String> r = as(investigator, "INVESTIGATOR", "/cases", "{\"clueIds\":[\"" + clue(institution) + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).at("/case/case_id").asString();
    }

    private HttpResponse<String> as(String staff, String roles, String path, String body) {
        Set<Role> held = Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet());
        return api.as(new CallerIdentity(staff, ClientKind.STAFF, null, null, held)).post("/api/supervision" + path, body);
    }

    /** A GET as a staff member with these roles. */
    private HttpResponse<String> getAs(String staff, String roles, String path) {
        Set<Role> held = Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toSet());
        return api.as(new CallerIdentity(staff, ClientKind.STAFF, null, null, held)).get("/api/supervision" + path);
    }
}
