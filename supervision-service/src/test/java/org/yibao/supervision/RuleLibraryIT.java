package org.yibao.supervision;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rule library end to end on real PostgreSQL and Kafka: issue 21's inputs arrive as ClaimSettled v2
 * events in the order hospitals settle them and are found with their entries, amounts and severities
 * (announced as ViolationDetected v2); a reviewer's outcome, each rule's monthly report and a backtest of
 * a candidate entry read them; the pre-check answers findings with rule id, amount and severity.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleLibraryIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final LocalDate MARCH = LocalDate.of(2025, 3, 1);
    private static final String AMLODIPINE = "XC08CAA001A001010100001";
    private static final CallerIdentity REVIEWER = CallerIdentity.staff("reviewer-7", Role.REVIEWER);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Environment environment;
    @Autowired
    private JsonMapper json;

    private EventPublisher events;
    private ServiceClient api;

    @BeforeAll
    void start() {
        events = new EventPublisher(json);
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
    }

    @AfterAll
    void close() {
        events.close();
    }

    /** Input 2: the outpatient and pharmacy bills settled inside the stay are found when the stay is settled at discharge. */
    @Test
    void billsInsideAStaySettledBeforeItAreFoundWhenItArrives() {
        String person = nextId();
        ClaimSettled outpatient = claim(person, VisitType.GENERAL_OUTPATIENT, "H2", MARCH.plusDays(4), List.of("J18.9"), null, null,
                line("S110200001", "1", "10.00", null), line("S250101001", "1", "20.00", null));
        ClaimSettled pharmacy = claim(person, VisitType.PHARMACY, "P1", MARCH.plusDays(5), List.of(), null, null,
                line(AMLODIPINE, "90", "0.30", 90));
        ClaimSettled stay = claim(person, VisitType.INPATIENT, "H2", MARCH.plusDays(9), List.of("J18.9"),
                MARCH.atTime(9, 0), MARCH.plusDays(9).atTime(10, 0), line("S120100001", "9", "40.00", null));
        events.publish(outpatient);
        events.publish(pharmacy);
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(person) == 2);
        events.publish(stay);

        await().atMost(Duration.ofSeconds(30)).until(() -> violations(person, "BILLED_DURING_STAY") == 2);
        assertThat(jdbc.queryForList("select settlement_id || ' ' || amount_at_risk || ' ' || rule_id || ' ' || severity || ' ' || related"
                        + " from violation where person_id = ? order by amount_at_risk", String.class, person))
                .containsExactly(pharmacy.settlementId() + " 27.00 IS-01 SUSPECT " + stay.settlementId(),
                        outpatient.settlementId() + " 30.00 IS-01 SUSPECT " + stay.settlementId());
        JsonNode announced = json.readTree(jdbc.queryForObject("""
                select envelope from outbox_event where event_type = 'ViolationDetected' and envelope like ? limit 1""",
                String.class, "%" + outpatient.settlementId() + "%"));
        assertThat(announced.path("version").asInt()).isEqualTo(2);
        assertThat(announced.at("/payload/ruleId").asString()).isEqualTo("IS-01");
        assertThat(announced.at("/payload/severity").asString()).isEqualTo("SUSPECT");
    }

    /**
     * Input 3, then a reviewer, the monthly report and a backtest: four amlodipine purchases 7 days apart are
     * excessive on the 2nd (22.50), 3rd and 4th (27.00 each); a reviewer confirms one and dismisses one; a
     * candidate entry holding at most 30 days finds the same three purchases.
     */
    @Test
    void excessiveSupplyIsReviewedReportedAndBacktested() {
        String person = nextId();
        List<ClaimSettled> purchases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ClaimSettled c = claim(person, VisitType.PHARMACY, "P7", MARCH.plusMonths(2).plusDays(7L * i), List.of("I10"), null, null,
                    line(AMLODIPINE, "90", "0.30", null));
            purchases.add(c);
            events.publish(c);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> violations(person, "EXCESSIVE_SUPPLY") == 3);
        assertThat(jdbc.queryForList("select amount_at_risk::text from violation where person_id = ? order by service_date", String.class,
                person)).containsExactly("22.50", "27.00", "27.00");

        List<String> ids = jdbc.queryForList("select violation_id::text from violation where person_id = ? order by service_date",
                String.class, person);
        HttpResponse<String> confirmed = api.as(REVIEWER).post("/api/supervision/violations/" + ids.get(0) + "/review",
                "{\"outcome\":\"CONFIRMED\",\"note\":\"refill 7 days after a 90-day supply\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json.readTree(confirmed.body()).path("reviewedBy").asString()).as("from the token, never the body").isEqualTo("reviewer-7");
        JsonNode reviewed = json.readTree(jdbc.queryForObject("""
                select envelope from outbox_event where event_type = 'ViolationReviewed' and envelope like ?""", String.class,
                "%" + ids.get(0) + "%"));
        assertThat(reviewed.at("/payload/outcome").asString()).isEqualTo("CONFIRMED");
        assertThat(reviewed.at("/payload/reviewedBy").asString()).isEqualTo("reviewer-7");
        assertThat(reviewed.at("/payload/amountAtRisk").asString()).isEqualTo("22.50");
        assertThat(reviewed.at("/key").asString()).isEqualTo("P7");
        assertThat(api.as(REVIEWER).post("/api/supervision/violations/" + ids.get(0) + "/review", "{\"outcome\":\"DISMISSED\"}")
                .statusCode()).isEqualTo(409);
        assertThat(api.post("/api/supervision/violations/" + ids.get(1) + "/review", "{\"outcome\":\"DISMISSED\"}").statusCode()).isEqualTo(200);
        assertThat(api.post("/api/supervision/violations/" + UUID.randomUUID() + "/review", "{\"outcome\":\"CONFIRMED\"}").statusCode())
                .isEqualTo(404);
        assertThat(api.as(TestCallers.his("P7")).post("/api/supervision/violations/" + ids.get(2) + "/review", "{\"outcome\":\"DISMISSED\"}")
                .statusCode()).isEqualTo(403);

        JsonNode report = json.readTree(api.get("/api/supervision/rules/report?year=2025").body());
        JsonNode su01 = null;
        for (JsonNode r : report) {
            if (r.path("ruleId").asString().equals("SU-01")) {
                su01 = r;
            }
        }
        assertThat(su01).isNotNull();
        JsonNode may = su01.path("months").get(0);
        assertThat(may.path("month").asInt()).isEqualTo(5);
        assertThat(may.path("findings").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(may.path("confirmed").asLong()).isEqualTo(1);
        assertThat(may.path("dismissed").asLong()).isEqualTo(1);
        assertThat(may.path("confirmedPrecision").decimalValue()).isEqualByComparingTo("0.5000");

        String candidate = """
                version: candidate
                rules:
                  - id: SU-09
                    name: 累计超量开药（至多30天）
                    kind: EXCESSIVE_SUPPLY
                    type: CUMULATIVE_SUPPLY
                    scenes: [PHARMACY]
                    stages: [AFTER]
                    severity: SUSPECT
                    basis: a candidate
                    parameters: { windowDays: 180, maxHoldDays: 30 }
                """;
        HttpResponse<String> backtest = api.post("/api/supervision/rules/backtests", json.writeValueAsString(java.util.Map.of(
                "from", MARCH.plusMonths(2).toString(), "to", MARCH.plusMonths(2).plusDays(30).toString(), "candidate", candidate)));
        assertThat(backtest.statusCode()).as(backtest.body()).isEqualTo(200);
        JsonNode su02 = json.readTree(backtest.body()).path("rules").get(0);
        assertThat(su02.path("ruleId").asString()).isEqualTo("SU-09");
        assertThat(su02.path("hits").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(su02.path("confirmed").asLong()).isEqualTo(1);
        assertThat(su02.path("dismissed").asLong()).isEqualTo(1);
        assertThat(su02.path("enabledNow").asBoolean()).isFalse();

        HttpResponse<String> badCandidate = api.post("/api/supervision/rules/backtests", json.writeValueAsString(java.util.Map.of(
                "from", "2025-05-01", "to", "2025-05-31", "candidate", candidate.replace("maxHoldDays: 30", "maxHoldDays: 999"))));
        assertThat(badCandidate.statusCode()).isEqualTo(400);
        assertThat(badCandidate.body()).contains("candidate").contains("maxHoldDays must be 7 to 400");
        HttpResponse<String> tooLong = api.post("/api/supervision/rules/backtests", "{\"from\":\"2024-01-01\",\"to\":\"2025-06-01\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"to\"");
    }

    /** A claim reversed in full has its open findings withdrawn; a reviewed one keeps its outcome. */
    @Test
    void aReversedClaimsOpenFindingsAreWithdrawn() {
        String person = nextId();
        ClaimSettled hoard = claim(person, VisitType.PHARMACY, "P8", MARCH.plusMonths(3), List.of("I10"), null, null,
                line(AMLODIPINE, "300", "0.30", null));
        events.publish(hoard);
        await().atMost(Duration.ofSeconds(30)).until(() -> violations(person, "EXCESSIVE_SUPPLY") == 1);
        events.publish(new org.yibao.contracts.events.ClaimReversed("R-" + hoard.settlementId(), hoard.settlementId(), person, "P8",
                "441700", Scheme.RESIDENT, VisitType.PHARMACY, 2025, Instant.now(), "billing error", hoard.amounts(), hoard.lines()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(jdbc.queryForObject(
                "select review from violation where settlement_id = ?", String.class, hoard.settlementId())));
        String id = jdbc.queryForObject("select violation_id::text from violation where settlement_id = ?", String.class, hoard.settlementId());
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event where event_type = 'ViolationReviewed' and envelope like ? and envelope like '%WITHDRAWN%'""",
                Integer.class, "%" + id + "%")).as("the withdrawal is announced").isEqualTo(1);
        HttpResponse<String> late = api.post("/api/supervision/violations/" + id + "/review", "{\"outcome\":\"CONFIRMED\"}");
        assertThat(late.statusCode()).as("withdrawn already").isEqualTo(409);
        HttpResponse<String> byHand = api.post("/api/supervision/violations/" + id + "/review", "{\"outcome\":\"WITHDRAWN\"}");
        assertThat(byHand.statusCode()).isEqualTo(400);
    }

    /**
     * A hoarder's sixteenth purchase relates fifteen others (more than 500 characters of ids): every purchase is
     * kept and found. A reversal that arrives before its claim keeps the claim out of the audit; reversing a
     * purchase withdraws the findings that rest on it too.
     */
    @Test
    void aLongHistoryIsKeptAndReversalsInAnyOrderAreHonoured() {
        String person = nextId();
        List<ClaimSettled> purchases = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ClaimSettled c = claim(person, VisitType.PHARMACY, "P9", MARCH.plusMonths(6).plusDays(3L * i), List.of("I10"), null, null,
                    line(AMLODIPINE, "60", "0.30", null));
            purchases.add(c);
            events.publish(c);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(person) == 16);
        await().atMost(Duration.ofSeconds(30)).until(() -> violations(person, "EXCESSIVE_SUPPLY") >= 14);
        assertThat(jdbc.queryForObject("select max(length(related)) from violation where person_id = ?", Integer.class, person))
                .isGreaterThan(500);

        ClaimSettled second = purchases.get(1);
        events.publish(new org.yibao.contracts.events.ClaimReversed("R-" + second.settlementId(), second.settlementId(), person, "P9",
                "441700", Scheme.RESIDENT, VisitType.PHARMACY, 2025, Instant.now(), "returned", second.amounts(), second.lines()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from violation where person_id = ? and review = 'WITHDRAWN' and settlement_id <> ?""",
                Integer.class, person, second.settlementId()) > 0);

        String late = nextId();
        ClaimSettled reversedFirst = claim(late, VisitType.PHARMACY, "P9", MARCH.plusMonths(7), List.of("I10"), null, null,
                line(AMLODIPINE, "900", "0.30", null));
        events.publish(new org.yibao.contracts.events.ClaimReversed("R-" + reversedFirst.settlementId(), reversedFirst.settlementId(), late,
                "P9", "441700", Scheme.RESIDENT, VisitType.PHARMACY, 2025, Instant.now(), "reversed", reversedFirst.amounts(),
                reversedFirst.lines()));
        events.publish(reversedFirst);
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(late) == 1);
        assertThat(jdbc.queryForObject("select reversed from audited_claim where settlement_id = ?", Boolean.class,
                reversedFirst.settlementId())).isTrue();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> violations(late, "EXCESSIVE_SUPPLY") == 0);
    }

    /** A backtest judges each claim by what the live audit knew when it arrived: the first of three same-day bills is not split. */
    @Test
    void aBacktestSeesWhatTheLiveAuditSaw() {
        String person = nextId();
        LocalDate day = MARCH.plusMonths(8);
        for (int i = 0; i < 3; i++) {
            events.publish(claim(person, VisitType.GENERAL_OUTPATIENT, "H3", day, List.of("M54.5"), null, null,
                    line("S110200001", "1", "10.00", null)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> violations(person, "SPLIT_BILLING") == 2);
        HttpResponse<String> backtest = api.post("/api/supervision/rules/backtests",
                "{\"from\":\"%s\",\"to\":\"%s\",\"ruleId\":\"SB-02\"}".formatted(day, day));
        assertThat(backtest.statusCode()).as(backtest.body()).isEqualTo(200);
        assertThat(json.readTree(backtest.body()).at("/rules/0/hits").asLong()).isEqualTo(2);
    }

    @Test
    void aPreCheckThatDoesNotAddUpIsRefusedNamingTheFieldAndOtherHospitalsAreNotNamed() {
        String person = nextId();
        String body = """
                {"personId":"%s","institutionCode":"H5","visitType":"GENERAL_OUTPATIENT","serviceDate":"%s","diagnosisCodes":["J18.9"],
                 "total":"%s","lines":[{"itemCode":"S110200001","itemClass":"A","quantity":1,"unitPrice":"10.00","amount":"%s"}]}""";
        HttpResponse<String> total = api.as(TestCallers.his("H5")).post("/api/supervision/pre-checks", body.formatted(person, "2025-06-02", "0.00", "10.00"));
        assertThat(total.statusCode()).isEqualTo(400);
        assertThat(json.readTree(total.body()).at("/errors/0/field").asString()).isEqualTo("total");
        HttpResponse<String> amount = api.as(TestCallers.his("H5")).post("/api/supervision/pre-checks", body.formatted(person, "2025-06-02", "1.00", "1.00"));
        assertThat(amount.statusCode()).isEqualTo(400);
        assertThat(json.readTree(amount.body()).at("/errors/0/field").asString()).isEqualTo("lines[0].amount");
        HttpResponse<String> farAway = api.as(TestCallers.his("H5")).post("/api/supervision/pre-checks",
                body.formatted(person, "+999999999-12-31", "10.00", "10.00"));
        assertThat(farAway.statusCode()).isEqualTo(400);

        ClaimSettled stay = claim(person, VisitType.INPATIENT, "H9-SECRET", MARCH.plusMonths(9).plusDays(9), List.of("J18.9"),
                MARCH.plusMonths(9).atTime(9, 0), MARCH.plusMonths(9).plusDays(9).atTime(10, 0), line("S120100001", "9", "40.00", null));
        events.publish(stay);
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(person) == 1);
        HttpResponse<String> inside = api.as(TestCallers.his("H5")).post("/api/supervision/pre-checks",
                body.formatted(person, MARCH.plusMonths(9).plusDays(4), "10.00", "10.00"));
        assertThat(inside.statusCode()).as(inside.body()).isEqualTo(200);
        assertThat(inside.body()).contains("IS-01").contains("another institution").doesNotContain("H9-SECRET");
    }

    @Test
    void theLibraryIsListedWithItsMetadata() {
        JsonNode library = json.readTree(api.get("/api/supervision/rules").body());

        assertThat(library.path("version").asString()).isEqualTo("2026.1");
        assertThat(library.path("rules").size()).isGreaterThanOrEqualTo(20);
        JsonNode sh = null;
        for (JsonNode r : library.path("rules")) {
            if (r.path("id").asString().equals("SH-01")) {
                sh = r;
            }
        }
        assertThat(sh).isNotNull();
        assertThat(sh.path("stages").toString()).contains("AFTER");
        assertThat(sh.path("exemptions").toString()).contains("PLANNED_TREATMENT");
        assertThat(sh.at("/parameters/withinDays").asInt()).isEqualTo(15);
    }

    /** The pre-check (事中) answers each finding with its rule, kind, severity, amount and line; VIOLATION refuses. */
    @Test
    void thePreCheckAnswersFindingsWithRuleAmountAndSeverity() {
        String man = nextId();
        HttpResponse<String> response = api.as(TestCallers.his("H5")).post("/api/supervision/pre-checks", """
                {"personId":"%s","institutionCode":"H5","visitType":"GENERAL_OUTPATIENT","serviceDate":"2025-06-02","diagnosisCodes":["N94.6"],
                 "total":"90.00","stage":"BEFORE","lines":[
                   {"itemCode":"S110200001","itemClass":"A","quantity":1,"unitPrice":"10.00","amount":"10.00"},
                   {"itemCode":"S311400001","itemClass":"A","quantity":1,"unitPrice":"80.00","amount":"80.00"}]}""".formatted(man));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = json.readTree(response.body());
        assertThat(verdict.path("outcome").asString()).isEqualTo("BLOCK");
        JsonNode finding = verdict.path("findings").get(0);
        assertThat(finding.path("ruleId").asString()).isEqualTo("SW-01");
        assertThat(finding.path("rule").asString()).isEqualTo("ITEM_SWITCHING");
        assertThat(finding.path("severity").asString()).isEqualTo("VIOLATION");
        assertThat(finding.path("amount").asString()).isEqualTo("80.00");
        assertThat(finding.path("line").asInt()).isEqualTo(2);

        HttpResponse<String> bad = api.as(TestCallers.his("H5")).post("/api/supervision/pre-checks", """
                {"personId":"%s","institutionCode":"H5","visitType":"INPATIENT","serviceDate":"2025-06-02","total":"10.00","stage":"AFTER",
                 "lines":[{"itemCode":"S110200001","itemClass":"A","quantity":1,"unitPrice":"10.00","amount":"10.00"}]}""".formatted(man));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("stage");
    }

    // --- helpers ---

    private static ClaimSettled claim(String person, VisitType visitType, String institution, LocalDate date, List<String> diagnoses,
                                      LocalDateTime admitted, LocalDateTime discharged, ClaimLine... lines) {
        Money total = Money.sum(List.of(lines).stream().map(ClaimLine::amount).toList());
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        return new ClaimSettled(UUID.randomUUID().toString(), person, institution, "441700", Scheme.RESIDENT, visitType, date.getYear(), date,
                diagnoses, Instant.now(), "yangjiang-2019-resident@2", amounts, null, List.of(lines), PersonType.RESIDENT, false,
                admitted, discharged, List.of(), null, null);
    }

    private static ClaimLine line(String code, String quantity, String unitPrice, Integer days) {
        Price price = Price.of(unitPrice);
        return new ClaimLine(code, "item", code.startsWith("X") ? ItemCategory.DRUG : ItemCategory.SERVICE, ItemClass.A,
                new BigDecimal(quantity), price, price.times(new BigDecimal(quantity)), Money.ZERO, false, days, null);
    }

    private static String nextId() {
        String first17 = "441702" + "19700101" + String.format("%03d", 301 + 2 * PEOPLE.incrementAndGet());
        return first17 + ResidentId.checkCharacter(first17);
    }

    private int kept(String person) {
        return jdbc.queryForObject("select count(*) from audited_claim where person_id = ?", Integer.class, person);
    }

    private int violations(String person, String rule) {
        return jdbc.queryForObject("select count(*) from violation where person_id = ? and rule = ?", Integer.class, person, rule);
    }
}
