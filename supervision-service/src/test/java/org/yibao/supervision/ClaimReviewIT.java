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
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Claim review (病例审核) over settlement's ClaimSettled stream on a real PostgreSQL and Kafka: a flagged claim and a
 * claim sampled by value are queued; a reviewer deducts two lines (ClaimReviewDecided on the outbox, the findings
 * confirmed); another institution may not appeal, the owner appeals once; an appeal after the deadline is refused; the
 * reviewer who decided may not decide the appeal; another reviewer gives one line back (ClaimReviewAppealDecided).
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimReviewIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger(500);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final String HOSPITAL = "H41170200071";
    private static final String OTHER_HOSPITAL = "H41170200072";
    private static final CallerIdentity DECIDER = TestCallers.AUDITOR;
    private static final CallerIdentity SECOND_REVIEWER = CallerIdentity.staff("reviewer-2", Role.REVIEWER);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Environment environment;
    @Autowired
    private JsonMapper json;

    private EventPublisher events;

    @BeforeAll
    void publisher() {
        events = new EventPublisher(json);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void aFlaggedClaimIsDeductedOnTwoLinesAppealedByItsOwnerOnlyAndOneLineGivenBackByAnotherReviewer() {
        ClaimSettled padded = padded(HOSPITAL);
        events.publish(padded);
        events.publish(padded); // redelivered: queued once
        UUID id = awaitQueued(padded);
        assertThat(reason(padded)).isEqualTo("FLAGGED");
        assertThat(jdbc.queryForObject("select count(*) from claim_review where settlement_id = ?", Integer.class, padded.settlementId()))
                .isEqualTo(1);

        HttpResponse<String> queue = client(DECIDER).get("/api/supervision/claim-reviews?institution=" + HOSPITAL);
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(queue.body()).contains(id.toString());
        JsonNode file = read(client(DECIDER).get("/api/supervision/claim-reviews/" + id));
        assertThat(file.get("claimLines")).hasSize(3);
        assertThat(file.get("findings")).hasSize(2);
        String excessive = finding(padded, "EXCESSIVE_QUANTITY");
        String repeated = finding(padded, "REPEATED_CHARGING");

        // 100.00 of line 1 (180.00) and the whole of line 3 (40.00): 140.00 of the 200.00 the funds paid
        HttpResponse<String> decided = client(DECIDER).post("/api/supervision/claim-reviews/" + id + "/decision", """
                {"lines":[{"lineNo":1,"amount":"100.00","reasonCode":"EXCESSIVE_QUANTITY","reason":"600 tablets for one visit","findingId":"%s"},
                          {"lineNo":3,"amount":"40.00","reasonCode":"REPEATED_CHARGING","findingId":"%s"}],
                 "note":"two lines deducted"}""".formatted(excessive, repeated));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(read(decided).get("review").get("deducted").asString()).isEqualTo("140.00");
        assertThat(jdbc.queryForObject("select count(*) from violation where settlement_id = ? and review = 'CONFIRMED' and reviewed_by = ?",
                Integer.class, padded.settlementId(), DECIDER.clientId())).isEqualTo(2);
        String decidedEvent = outbox("ClaimReviewDecided", id);
        assertThat(decidedEvent).contains("\"totalDeducted\":\"140.00\"").contains("\"reviewedBy\":\"" + DECIDER.clientId() + "\"")
                .contains("\"appealDeadline\"").contains(HOSPITAL);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'ViolationReviewed' and envelope like ?",
                Integer.class, "%" + padded.settlementId() + "%")).isEqualTo(2);
        HttpResponse<String> again = client(SECOND_REVIEWER).post("/api/supervision/claim-reviews/" + id + "/decision", "{\"lines\":[]}");
        assertThat(again.statusCode()).as("decided once: " + again.body()).isEqualTo(409);

        String appeal = "{\"lines\":[1,3],\"statement\":\"the quantity was prescribed for a month; line 3 was billed once\"}";
        HttpResponse<String> foreign = client(TestCallers.his(OTHER_HOSPITAL)).post("/api/supervision/claim-reviews/" + id + "/appeal", appeal);
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from claim_review_appeal where review_id = ?", Integer.class, id)).isZero();
        HttpResponse<String> own = client(TestCallers.his(HOSPITAL)).post("/api/supervision/claim-reviews/" + id + "/appeal", appeal);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        HttpResponse<String> twice = client(TestCallers.his(HOSPITAL)).post("/api/supervision/claim-reviews/" + id + "/appeal", appeal);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);

        String outcome = """
                {"lines":[{"lineNo":1,"outcome":"UPHELD"},{"lineNo":3,"outcome":"WITHDRAWN","givenBack":"40.00"}],"note":"billed once indeed"}""";
        HttpResponse<String> byDecider = client(DECIDER).post("/api/supervision/claim-reviews/" + id + "/appeal/decision", outcome);
        assertThat(byDecider.statusCode()).as(byDecider.body()).isEqualTo(403);
        assertThat(outboxCount("ClaimReviewAppealDecided", id)).isZero();
        HttpResponse<String> bySecond = client(SECOND_REVIEWER).post("/api/supervision/claim-reviews/" + id + "/appeal/decision", outcome);
        assertThat(bySecond.statusCode()).as(bySecond.body()).isEqualTo(200);
        assertThat(read(bySecond).get("review").get("appeal").get("givenBack").asString()).isEqualTo("40.00");
        assertThat(outbox("ClaimReviewAppealDecided", id)).contains("\"amountGivenBack\":\"40.00\"")
                .contains("\"decidedBy\":\"reviewer-2\"");
        assertThat(outboxCount("ClaimReviewDecided", id)).isEqualTo(1);
    }

    @Test
    void aCleanClaimAtTheValueThresholdIsSampledAndAnAppealAfterTheDeadlineIsRefused() {
        // a clean bill of 20,000.00: at the (ASSUMPTION) value threshold
        ClaimSettled costly = claim(nextId(), HOSPITAL, Money.ZERO, line("S120100001", "1", "20000.00"));
        events.publish(costly);
        UUID id = awaitQueued(costly);
        assertThat(reason(costly)).isEqualTo("SAMPLED_VALUE");
        assertThat(jdbc.queryForObject("select count(*) from violation where settlement_id = ?", Integer.class, costly.settlementId())).isZero();

        HttpResponse<String> decided = client(DECIDER).post("/api/supervision/claim-reviews/" + id + "/decision", """
                {"lines":[{"lineNo":1,"amount":"400.00","reasonCode":"NOT_MEDICALLY_NECESSARY"}]}""");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        jdbc.update("update claim_review set appeal_deadline = ? where review_id = ?", LocalDate.now().minusDays(1), id); // the period has run out

        HttpResponse<String> late = client(TestCallers.his(HOSPITAL)).post("/api/supervision/claim-reviews/" + id + "/appeal",
                "{\"lines\":[1],\"statement\":\"too late\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(422);
        assertThat(late.body()).contains("appealDeadline");
        assertThat(jdbc.queryForObject("select count(*) from claim_review_appeal where review_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void aClaimReversedBeforeItsDecisionIsWithdrawnFromTheQueueAndADeductionBeyondTheLineIsRefused() {
        ClaimSettled padded = padded(OTHER_HOSPITAL);
        events.publish(padded);
        UUID id = awaitQueued(padded);
        HttpResponse<String> tooMuch = client(DECIDER).post("/api/supervision/claim-reviews/" + id + "/decision", """
                {"lines":[{"lineNo":2,"amount":"40.01","reasonCode":"OTHER"}]}""");
        assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("lines[0].amount");

        events.publish(new ClaimReversed(UUID.randomUUID().toString(), padded.settlementId(), padded.personId(), OTHER_HOSPITAL, "411700",
                Scheme.RESIDENT, VisitType.INPATIENT, 2026, Instant.now(), "wrong patient", padded.amounts(), padded.lines()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(jdbc.queryForObject(
                "select status from claim_review where review_id = ?", String.class, id)));
        HttpResponse<String> late = client(DECIDER).post("/api/supervision/claim-reviews/" + id + "/decision", "{\"lines\":[]}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(client(DECIDER).get("/api/supervision/claim-reviews?institution=" + OTHER_HOSPITAL).body()).doesNotContain(id.toString());
    }

    /** The console's queue (issue 25): a status filter (OPEN when none, as before) and the total on every page. */
    @Test
    void theQueueIsFilteredByStatusAndCountsItsReviews() {
        ClaimSettled open = padded(OTHER_HOSPITAL);
        ClaimSettled withdrawn = padded(OTHER_HOSPITAL);
        events.publish(open);
        events.publish(withdrawn);
        UUID openId = awaitQueued(open);
        UUID withdrawnId = awaitQueued(withdrawn);
        events.publish(new ClaimReversed(UUID.randomUUID().toString(), withdrawn.settlementId(), withdrawn.personId(), OTHER_HOSPITAL,
                "411700", Scheme.RESIDENT, VisitType.INPATIENT, 2026, Instant.now(), "wrong patient", withdrawn.amounts(), withdrawn.lines()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(jdbc.queryForObject(
                "select status from claim_review where review_id = ?", String.class, withdrawnId)));
        String of = "/api/supervision/claim-reviews?institution=" + OTHER_HOSPITAL;

        JsonNode byDefault = read(client(DECIDER).get(of + "&size=500"));
        JsonNode openOnly = read(client(DECIDER).get(of + "&status=OPEN&size=1"));
        JsonNode withdrawnOnly = read(client(DECIDER).get(of + "&status=WITHDRAWN&size=500"));

        long openCount = jdbc.queryForObject("select count(*) from claim_review where institution = ? and status = 'OPEN'", Long.class,
                OTHER_HOSPITAL);
        assertThat(byDefault.get("total").asLong()).isEqualTo(openCount).isEqualTo(byDefault.get("reviews").size());
        assertThat(byDefault.toString()).contains(openId.toString()).doesNotContain(withdrawnId.toString());
        assertThat(openOnly.get("total").asLong()).isEqualTo(openCount);
        assertThat(openOnly.get("reviews")).hasSize(1);
        assertThat(withdrawnOnly.get("total").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from claim_review where institution = ? and status = 'WITHDRAWN'", Long.class, OTHER_HOSPITAL));
        assertThat(withdrawnOnly.toString()).contains(withdrawnId.toString()).doesNotContain(openId.toString());
        HttpResponse<String> unknown = client(DECIDER).get(of + "&status=CLOSED");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"status\"");
    }

    /** 600 tablets (180.00, excessive) and a bed-day billed twice (40.00 each): 260.00, of which the person paid 60.00 in cash. */
    private static ClaimSettled padded(String institution) {
        return claim(nextId(), institution, Money.of("60.00"), line("XC08CAA001A001010100001", "600", "0.30"),
                line("S120100001", "1", "40.00"), line("S120100001", "1", "40.00"));
    }

    private UUID awaitQueued(ClaimSettled c) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from claim_review where settlement_id = ?",
                Integer.class, c.settlementId()) == 1);
        return jdbc.queryForObject("select review_id from claim_review where settlement_id = ?", UUID.class, c.settlementId());
    }

    private String reason(ClaimSettled c) {
        return jdbc.queryForObject("select reason from claim_review where settlement_id = ?", String.class, c.settlementId());
    }

    private String finding(ClaimSettled c, String rule) {
        return jdbc.queryForObject("select violation_id::text from violation where settlement_id = ? and rule = ?", String.class,
                c.settlementId(), rule);
    }

    private String outbox(String type, UUID reviewId) {
        return jdbc.queryForObject("select envelope from outbox_event where event_type = ? and envelope like ?", String.class, type,
                "%" + reviewId + "%");
    }

    private int outboxCount(String type, UUID reviewId) {
        return jdbc.queryForObject("select count(*) from outbox_event where event_type = ? and envelope like ?", Integer.class, type,
                "%" + reviewId + "%");
    }

    private JsonNode read(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private ServiceClient client(CallerIdentity caller) {
        return new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), caller);
    }

    private static ClaimSettled claim(String person, String institution, Money cash, ClaimLine... lines) {
        Money total = Money.sum(List.of(lines).stream().map(ClaimLine::amount).toList());
        Money fund = total.minus(cash);
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, fund, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, cash);
        return new ClaimSettled(UUID.randomUUID().toString(), person, institution, "411700", Scheme.RESIDENT,
                VisitType.INPATIENT, DAY.getYear(), DAY, List.of("I10"), Instant.now(), "yangjiang-2019-resident@2", amounts, null,
                List.of(lines));
    }

    private static ClaimLine line(String code, String quantity, String unitPrice) {
        Money price = Money.of(unitPrice);
        Money amount = Money.rounded(price.amount().multiply(new BigDecimal(quantity)), RoundingMode.HALF_UP);
        return new ClaimLine(code, "item", code.startsWith("X") ? ItemCategory.DRUG : ItemCategory.SERVICE, ItemClass.A,
                new BigDecimal(quantity), price, amount, Money.ZERO, false);
    }

    private static String nextId() {
        String first17 = "441702" + "19600101" + String.format("%03d", PEOPLE.incrementAndGet() % 1000);
        return first17 + ResidentId.checkCharacter(first17);
    }
}
