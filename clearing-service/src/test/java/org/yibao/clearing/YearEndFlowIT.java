package org.yibao.clearing;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.contracts.events.Scheme;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prepayment and the year-end clearing on a real PostgreSQL and Kafka, worked by hand with Zhumadian's rules
 * (clearing-rules/411700-2021.yml, ASSUMPTION: 5% quality deposit, monthly cap = allocation / 12 x 1.10; of a surplus up
 * to 10% of the budget 60% retained; of an overspend up to 10% of it the fund bears 70%, from 10% to 20% 50%; the deposit
 * released in full from a score of 90, 90% from 80). Y is last year (ended); each test's institution is new to each run.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YearEndFlowIT extends ClearingIntegrationTest {

    private static final int Y = Year.now(BEIJING).getValue() - 1;
    private static final String PATIENT_REGION = "411702";
    private static final CallerIdentity PREPARER = CallerIdentity.staff("clearing-officer-1", Role.CLEARING_OFFICER);
    private static final CallerIdentity APPROVER = CallerIdentity.staff("clearing-officer-2", Role.CLEARING_OFFICER);

    /**
     * 3,000.00 prepaid to the institution, recovered from February by 1,000.00 a month. Resident pooling owed 2,000.00 in
     * February, 800.00 in March, 2,000.00 in April (5% withheld). February: 1,900.00 left, 1,000.00 recovered, 900.00 paid.
     * March: 760.00 left, all recovered, 0.00 paid, 240.00 still due. April: 1,900.00 left, 1,240.00 recovered, 660.00 paid.
     */
    @Test
    void aPrepaymentRecoveredOverThreeMonthsWorkedByHand() {
        String hospital = known();
        YearMonth feb = YearMonth.of(Y, 2);
        settle(hospital, feb.atDay(5), "2000.00");
        settle(hospital, feb.plusMonths(1).atDay(5), "800.00");
        settle(hospital, feb.plusMonths(2).atDay(5), "2000.00");
        awaitClaims(hospital, 3);

        JsonNode prepared = read(as(PREPARER).post("/api/clearing/prepayments", """
                {"institutionCode":"%s","fund":"RESIDENT_POOLING","amount":"3000.00","reason":"designated treating hospital, epidemic",
                 "firstRecoveryPeriod":"%s","months":3}""".formatted(hospital, feb)), 201);
        String id = prepared.path("prepaymentId").asString();
        assertThat(prepared.path("state").asString()).isEqualTo("PREPARED");
        assertThat(prepared.path("schedule")).extracting(i -> i.path("amount").asString()).containsExactly("1000.00", "1000.00", "1000.00");
        // the preparer cannot pay it; a bad body names its field
        assertThat(as(PREPARER).post("/api/clearing/prepayments/" + id + "/approval", "").statusCode()).isEqualTo(403);
        assertThat(read(as(PREPARER).post("/api/clearing/prepayments", """
                {"institutionCode":"%s","fund":"CATASTROPHIC","amount":"3000.00","reason":"x","firstRecoveryPeriod":"%s","months":3}"""
                .formatted(hospital, feb)), 422).toString()).contains("fund");
        assertThat(read(as(PREPARER).post("/api/clearing/prepayments", """
                {"institutionCode":"%s","fund":"RESIDENT_POOLING","amount":"3000.001","reason":"x","firstRecoveryPeriod":"%s","months":3}"""
                .formatted(hospital, feb)), 400).toString()).contains("amount");
        assertThat(read(as(PREPARER).post("/api/clearing/prepayments", """
                {"institutionCode":"%s","fund":"RESIDENT_POOLING","amount":"3000.00","reason":"x","firstRecoveryPeriod":"%s-13","months":3}"""
                .formatted(hospital, Y)), 400).toString()).contains("firstRecoveryPeriod");
        JsonNode paid = read(as(APPROVER).post("/api/clearing/prepayments/" + id + "/approval", ""), 200);
        assertThat(paid.path("state").asString()).isEqualTo("APPROVED");
        assertThat(paid.path("approvedBy").asString()).isEqualTo("clearing-officer-2");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from outbox_event where event_type = 'PrepaymentIssued' and envelope like ?", "%" + id + "%") == 1);

        assertThat(pay(hospital, feb)).containsExactly("1000.00", "900.00");
        assertThat(pay(hospital, feb.plusMonths(1))).containsExactly("760.00", "0.00");
        assertThat(pay(hospital, feb.plusMonths(2))).containsExactly("1240.00", "660.00");

        JsonNode after = read(as(PREPARER).get("/api/clearing/prepayments/" + id), 200);
        assertThat(after.path("recovered").asString()).isEqualTo("3000.00");
        // nothing more is due in May: the line pays all it has left
        settle(hospital, feb.plusMonths(3).atDay(5), "100.00");
        awaitClaims(hospital, 4);
        assertThat(pay(hospital, feb.plusMonths(3))).containsExactly("0.00", "95.00");
    }

    /**
     * Under budget: resident budget 12,000.00 (cap 1,100.00 a month); claims 5,500.00 in January and in February. January:
     * 275.00 withheld, 1,100.00 paid (the cap), 4,125.00 deferred; February: 5,500.00 + 4,125.00 brought forward, 275.00
     * withheld, 1,100.00 paid, 8,250.00 deferred. The year: actual 11,000.00 (above 85% of the budget), surplus 1,000.00,
     * within the first band (1,200.00, 10% of the budget): x 60% = 600.00 retained; recognised 11,600.00; score 92: the
     * 550.00 deposit released; payable 600.00 + 8,250.00 deferred + 550.00 = 9,400.00.
     *
     * <p>Over budget: the same budget; claims 8,000.00 in January and 6,000.00 in February. January: 400.00 withheld,
     * 1,100.00 paid (the cap), 6,500.00 deferred; February: 6,000.00 + 6,500.00 brought forward, 300.00 withheld, 1,100.00
     * paid, 11,100.00 deferred. The year: actual 14,000.00, overspend 2,000.00: the first 1,200.00 x 70% = 840.00 and the
     * next 800.00 x 50% = 400.00 borne by the fund (1,240.00), the institution bears 760.00; recognised 13,240.00; score 85:
     * 90% of the 700.00 deposit released (630.00), 70.00 forfeited; payable 13,240.00 - 14,000.00 + 11,100.00 + 630.00 =
     * 10,970.00.
     */
    @Test
    void oneInstitutionUnderBudgetAndOneOverWorkedByHand() {
        String under = known();
        String over = known();
        YearMonth jan = YearMonth.of(Y, 1);
        for (String h : List.of(under, over)) {
            read(as(TestCallers.MANAGER).post("/api/clearing/budgets", """
                    {"institutionCode":"%s","year":%d,"scheme":"RESIDENT","annualAmount":"12000.00"}""".formatted(h, Y)), 201);
        }
        settle(under, jan.atDay(10), "5500.00");
        settle(under, jan.plusMonths(1).atDay(10), "5500.00");
        settle(over, jan.atDay(10), "8000.00");
        settle(over, jan.plusMonths(1).atDay(10), "6000.00");
        awaitClaims(under, 2);
        awaitClaims(over, 2);

        assertThat(pay(under, jan)).containsExactly("0.00", "1100.00");
        assertThat(pay(over, jan)).containsExactly("0.00", "1100.00");
        // the year cannot be cleared while February holds claims and is open
        assertThat(read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(over)), 409).toString()).contains("year");
        assertThat(pay(under, jan.plusMonths(1))).containsExactly("0.00", "1100.00");
        assertThat(pay(over, jan.plusMonths(1))).containsExactly("0.00", "1100.00");

        // a score or a budget for an institution supervision never announced: refused naming it
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score("ZZZZ9999", "92")), 422).toString())
                .contains("institutionCode");
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/budgets", """
                {"institutionCode":"ZZZZ9999","year":%d,"scheme":"RESIDENT","annualAmount":"100.00"}""".formatted(Y)), 422).toString())
                .contains("institutionCode");
        // no score yet: refused naming it; this year has not ended: refused naming it
        assertThat(read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(under)), 422).toString()).contains("score");
        assertThat(read(as(PREPARER).post("/api/clearing/years/" + (Y + 1) + "/clearings", body(under)), 422).toString()).contains("year");
        assertThat(as(PREPARER).post("/api/clearing/years/" + Y + "/assessments", score(under, "92")).statusCode()).isEqualTo(403);
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score(under, "100.5")), 400).toString())
                .contains("score");
        read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score(under, "92")), 201);
        read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score(over, "95")), 201);

        JsonNode u = read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(under)), 201);
        JsonNode uLine = fund(u, "RESIDENT_POOLING");
        assertThat(List.of(uLine.path("actual").asString(), uLine.path("surplus").asString(), uLine.path("retained").asString(),
                uLine.path("recognised").asString(), uLine.path("withheld").asString(), uLine.path("released").asString(),
                uLine.path("payable").asString()))
                .containsExactly("11000.00", "1000.00", "600.00", "11600.00", "550.00", "550.00", "9400.00");
        assertThat(u.path("paidNow").asString()).isEqualTo("9400.00");
        assertThat(u.path("owedBack").asString()).isEqualTo("0.00");

        JsonNode o = read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(over)), 201);
        // a new score after preparing: the statement is superseded on approval
        read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score(over, "85")), 201);
        assertThat(read(as(APPROVER).post("/api/clearing/years/" + Y + "/clearings/" + o.path("clearingId").asString() + "/approval", ""), 409)
                .toString()).contains("id");
        o = read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(over)), 201);
        JsonNode oLine = fund(o, "RESIDENT_POOLING");
        assertThat(List.of(oLine.path("actual").asString(), oLine.path("overspend").asString(), oLine.path("fundShare").asString(),
                oLine.path("borne").asString(), oLine.path("recognised").asString(), oLine.path("deferred").asString(),
                oLine.path("released").asString(), oLine.path("forfeited").asString(), oLine.path("payable").asString()))
                .containsExactly("14000.00", "2000.00", "1240.00", "760.00", "13240.00", "11100.00", "630.00", "70.00", "10970.00");

        // four eyes; approving twice answers the same
        String oId = o.path("clearingId").asString();
        assertThat(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings/" + oId + "/approval", "").statusCode()).isEqualTo(403);
        JsonNode approved = read(as(APPROVER).post("/api/clearing/years/" + Y + "/clearings/" + oId + "/approval", ""), 200);
        assertThat(approved.path("state").asString()).isEqualTo("APPROVED");
        assertThat(read(as(APPROVER).post("/api/clearing/years/" + Y + "/clearings/" + oId + "/approval", ""), 200).path("approvedBy").asString())
                .isEqualTo("clearing-officer-2");
        assertThat(count("select count(*) from outbox_event where event_type = 'YearEndClearingIssued' and envelope like ?", "%" + oId + "%"))
                .isEqualTo(1);
        // a budget or a score after the approval is refused; preparing again answers the approved statement
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/budgets", """
                {"institutionCode":"%s","year":%d,"scheme":"RESIDENT","annualAmount":"99999.00"}""".formatted(over, Y)), 409).toString())
                .contains("year");
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score(over, "99")), 409).toString())
                .contains("year");
        assertThat(read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(over)), 200).path("clearingId").asString())
                .isEqualTo(oId);

        // the printable statement carries the figures and both names
        HttpResponse<byte[]> pdf = bytes("/api/clearing/years/" + Y + "/clearings/" + oId + ".pdf", APPROVER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(text(pdf.body())).contains("10970.00", "13240.00", "clearing-officer-1", "clearing-officer-2");
        // an institution may not read it
        assertThat(bytes("/api/clearing/years/" + Y + "/clearings/" + oId + ".pdf", TestCallers.his(over)).statusCode()).isEqualTo(403);
    }

    /**
     * A budget set late in the year (no cap when January was paid): resident claims 2,000.00 in January, 100.00 withheld,
     * 1,900.00 paid. Then the budget: 1,200.00. The year: overspend 800.00: 120.00 (10% of the budget) x 70% = 84.00 and
     * 120.00 x 50% = 60.00 borne by the fund, the last 560.00 not; recognised 1,344.00; score 50: the 100.00 deposit
     * forfeited; payable 1,344.00 - 2,000.00 + 0.00 deferred + 0.00 released = -656.00: owed back, a recovery netted from
     * the institution's next payments; and the year is closed: a claim of it arriving now counts in the next year.
     */
    @Test
    void aNegativeYearEndLineIsOwedBackAsARecovery() {
        String h = known();
        YearMonth jan = YearMonth.of(Y, 1);
        settle(h, jan.atDay(10), "2000.00");
        awaitClaims(h, 1);
        assertThat(pay(h, jan)).containsExactly("0.00", "1900.00");
        read(as(TestCallers.MANAGER).post("/api/clearing/budgets", """
                {"institutionCode":"%s","year":%d,"scheme":"RESIDENT","annualAmount":"1200.00"}""".formatted(h, Y)), 201);
        read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score(h, "50")), 201);

        JsonNode c = read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(h)), 201);
        JsonNode line = fund(c, "RESIDENT_POOLING");
        assertThat(List.of(line.path("fundShare").asString(), line.path("borne").asString(), line.path("recognised").asString(),
                line.path("forfeited").asString(), line.path("payable").asString()))
                .containsExactly("144.00", "656.00", "1344.00", "100.00", "-656.00");
        assertThat(List.of(c.path("paidNow").asString(), c.path("owedBack").asString())).containsExactly("0.00", "656.00");
        read(as(APPROVER).post("/api/clearing/years/" + Y + "/clearings/" + c.path("clearingId").asString() + "/approval", ""), 200);

        assertThat(jdbc.queryForObject("select amount from deduction where institution_code = ? and kind = 'RECOVERY' and netted_in is null",
                java.math.BigDecimal.class, h)).isEqualByComparingTo("656.00");
        // a late claim of the cleared year counts in the first month after it
        settle(h, YearMonth.of(Y, 6).atDay(1), "10.00");
        awaitClaims(h, 2);
        assertThat(jdbc.queryForObject("select max(period) from owed_entry where institution_code = ?", String.class, h))
                .isEqualTo(YearMonth.of(Y + 1, 1).toString());
    }

    /**
     * The next year's resident budget of a county, 10,000.00, allocated by last year's history: institution A was owed
     * 3,000.00, B 1,000.00: A gets 7,500.00 and B 2,500.00. The county's books of last year: March owed 4,000.00, A's month
     * paid (3,000.00 in the order: 150.00 withheld, 2,850.00 paid), B's still open (1,000.00): balanced.
     */
    @Test
    void aBudgetAllocatedByHistoryAndTheBooksTheBureauReads() {
        String county = "411799";
        String a = known(county);
        String b = known(county);
        YearMonth march = YearMonth.of(Y, 3);
        settle(a, march.atDay(3), "3000.00");
        settle(b, march.atDay(4), "1000.00");
        awaitClaims(a, 1);
        awaitClaims(b, 1);

        JsonNode allocation = read(as(TestCallers.MANAGER).post("/api/clearing/budgets/allocations", """
                {"regionCode":"%s","year":%d,"scheme":"RESIDENT","amount":"10000.00","basisYear":%d}""".formatted(county, Y + 1, Y)), 201);
        assertThat(allocation.path("allocations")).extracting(p -> p.at("/budget/institutionCode").asString() + "="
                + p.at("/budget/annualAllocation").asString()).containsExactlyInAnyOrder(a + "=7500.00", b + "=2500.00");
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/budgets/allocations", """
                {"regionCode":"%s","year":%d,"scheme":"RESIDENT","amount":"10000.00","basisYear":%d}""".formatted(county, Y, Y)), 422)
                .toString()).contains("basisYear");
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/budgets/allocations", """
                {"regionCode":"411798","year":%d,"scheme":"RESIDENT","amount":"10000.00","basisYear":%d}""".formatted(Y + 1, Y)), 422)
                .toString()).contains("basisYear");
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/budgets/allocations", """
                {"regionCode":"%s","year":%d,"scheme":"RESIDENT","amount":"1000000000000.00","basisYear":%d}""".formatted(county, Y + 1, Y)),
                400).toString()).contains("amount");
        // a field the API does not declare is refused naming it, and nothing is set
        assertThat(read(as(TestCallers.MANAGER).post("/api/clearing/budgets/allocations", """
                {"regionCode":"%s","year":%d,"scheme":"RESIDENT","amount":"10000.00","basisYear":%d,"extra":1}""".formatted(county, Y + 2, Y)),
                400).toString()).contains("extra");
        assertThat(count("select count(*) from budget where year = ?", Y + 2)).isZero();
        assertThat(as(PREPARER).post("/api/clearing/budgets/allocations", """
                {"regionCode":"%s","year":%d,"scheme":"RESIDENT","amount":"10000.00","basisYear":%d}""".formatted(county, Y + 1, Y))
                .statusCode()).isEqualTo(403);

        assertThat(pay(a, march)).containsExactly("0.00", "2850.00");
        JsonNode books = read(as(APPROVER).get("/api/clearing/books/" + Y + "?regionCode=" + county), 200);
        assertThat(books.path("balanced").asBoolean()).isTrue();
        JsonNode line = null;
        for (JsonNode l : books.path("lines")) {
            if (l.path("period").asString().equals(march.toString()) && l.path("fund").asString().equals("RESIDENT_POOLING")) {
                line = l;
            }
        }
        assertThat(line).as(books.toString()).isNotNull();
        assertThat(List.of(line.path("owed").asString(), line.path("inOrders").asString(), line.path("open").asString(),
                line.path("withheld").asString(), line.path("paid").asString()))
                .containsExactly("4000.00", "3000.00", "1000.00", "150.00", "2850.00");
        assertThat(as(APPROVER).get("/api/clearing/books/" + Y + ".csv?regionCode=" + county).body())
                .contains(march + ",RESIDENT_POOLING,4000.00,3000.00,1000.00");
        assertThat(read(as(APPROVER).get("/api/clearing/books/" + Y + "?regionCode=4117"), 400).toString()).contains("regionCode");
        assertThat(as(TestCallers.his(a)).get("/api/clearing/books/" + Y + "?regionCode=" + county).statusCode()).isEqualTo(403);

        // budget use of last year (the year is all gone), set after March was paid (a budget caps the monthly payment): A's budget of 5,000.00 (its second version) against the 3,000.00
        // owed, 60.00%; B had no budget that year and is not listed; the county's other budgets (next year's) neither
        read(as(TestCallers.MANAGER).post("/api/clearing/budgets", """
                {"institutionCode":"%s","year":%d,"scheme":"RESIDENT","annualAmount":"8000.00"}""".formatted(a, Y)), 201);
        read(as(TestCallers.MANAGER).post("/api/clearing/budgets", """
                {"institutionCode":"%s","year":%d,"scheme":"RESIDENT","annualAmount":"5000.00"}""".formatted(a, Y)), 201);
        JsonNode use = read(as(APPROVER).get("/api/clearing/budgets/" + Y + "/use?regionCode=" + county), 200);
        assertThat(use.path("elapsedPercent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(use.path("institutions")).extracting(u -> u.path("institutionCode").asString() + " " + u.path("scheme").asString()
                + " v" + u.path("budgetVersion").asInt() + " " + u.path("annualAllocation").asString() + " "
                + u.path("owedToDate").asString() + " " + u.path("usedPercent").decimalValue().setScale(2))
                .containsExactly(a + " RESIDENT v2 5000.00 3000.00 60.00");
        assertThat(read(as(APPROVER).get("/api/clearing/budgets/" + Y + "/use?regionCode=4117"), 400).toString()).contains("regionCode");
        assertThat(read(as(APPROVER).get("/api/clearing/budgets/19x9/use?regionCode=" + county), 400).toString()).contains("year");
        assertThat(as(TestCallers.his(a)).get("/api/clearing/budgets/" + Y + "/use?regionCode=" + county).statusCode()).isEqualTo(403);
    }

    /**
     * A claim of the year counted late, after the statement was prepared, in a month still open: approving would close the
     * year over it, unpaid and unmeasured. The approval is refused (the statement superseded); the month is paid; the
     * year is prepared again with the claim in it: January 1,000.00 + May 100.00 = 1,100.00 actual, no budget.
     */
    @Test
    void aClaimCountedLateInTheYearSupersedesItsStatement() {
        String h = known();
        settle(h, YearMonth.of(Y, 1).atDay(8), "1000.00");
        awaitClaims(h, 1);
        assertThat(pay(h, YearMonth.of(Y, 1))).containsExactly("0.00", "950.00");
        read(as(TestCallers.MANAGER).post("/api/clearing/years/" + Y + "/assessments", score(h, "95")), 201);
        JsonNode first = read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(h)), 201);

        settle(h, YearMonth.of(Y, 5).atDay(20), "100.00");
        awaitClaims(h, 2);
        assertThat(read(as(APPROVER).post("/api/clearing/years/" + Y + "/clearings/" + first.path("clearingId").asString() + "/approval",
                ""), 409).toString()).contains("id").contains(YearMonth.of(Y, 5).toString());

        assertThat(pay(h, YearMonth.of(Y, 5))).containsExactly("0.00", "95.00");
        JsonNode again = read(as(PREPARER).post("/api/clearing/years/" + Y + "/clearings", body(h)), 201);
        assertThat(fund(again, "RESIDENT_POOLING").path("actual").asString()).isEqualTo("1100.00");
        // no budget: recognised as claimed; the 55.00 deposit released (score 95): payable 55.00
        assertThat(fund(again, "RESIDENT_POOLING").path("payable").asString()).isEqualTo("55.00");
        assertThat(read(as(APPROVER).post("/api/clearing/years/" + Y + "/clearings/" + again.path("clearingId").asString() + "/approval",
                ""), 200).path("state").asString()).isEqualTo("APPROVED");
    }

    // --- fixtures

    private String known() {
        return known("411702");
    }

    private String known(String region) {
        String hospital = newHospital(region);
        known(hospital, region);
        return hospital;
    }

    /** A resident claim paid wholly by the basic pooling fund. */
    private void settle(String hospital, LocalDate day, String basic) {
        events.publish(claim("S-" + UUID.randomUUID(), hospital, PATIENT_REGION, Scheme.RESIDENT, day,
                amounts(basic, basic, "0.00", "0.00", "0.00")));
    }

    private void awaitClaims(String hospital, int claims) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from owed_entry where institution_code = ? and kind = 'SETTLED'", hospital) == claims);
    }

    /** Prepares and approves the month's order; the resident pooling line's prepayment recovered and paid. */
    private List<String> pay(String hospital, YearMonth month) {
        JsonNode order = read(as(PREPARER).post("/api/clearing/periods/" + month + "/payment-orders", body(hospital)), 201);
        JsonNode approved = read(as(APPROVER).post("/api/clearing/periods/" + month + "/payment-orders/"
                + order.path("orderId").asString() + "/approval", ""), 200);
        JsonNode line = null;
        for (JsonNode l : approved.path("lines")) {
            if ("RESIDENT_POOLING".equals(l.at("/payment/fund").asString())) {
                line = l.path("payment");
            }
        }
        assertThat(line).as(approved.toString()).isNotNull();
        return List.of(line.path("prepaymentRecovered").asString(), line.path("paid").asString());
    }

    private static String body(String hospital) {
        return """
                {"institutionCode":"%s"}""".formatted(hospital);
    }

    private static String score(String hospital, String score) {
        return """
                {"institutionCode":"%s","score":%s}""".formatted(hospital, score);
    }

    private static JsonNode fund(JsonNode clearing, String fund) {
        for (JsonNode l : clearing.path("lines")) {
            if (fund.equals(l.path("fund").asString())) {
                return l;
            }
        }
        throw new AssertionError("no fund " + fund + " in " + clearing);
    }

    private HttpResponse<byte[]> bytes(String path, CallerIdentity caller) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(as(caller).uri(path))
                    .header("Authorization", "Bearer " + TestCallers.token(caller)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) {
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder out = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                out.append(extractor.getTextFromPage(page)).append('\n');
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
