package org.yibao.supervision;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.EventEnvelope;
import org.yibao.contracts.IntegrationEvent;
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
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import tools.jackson.databind.JsonNode;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The smart audit over settlement's ClaimSettled stream on a real PostgreSQL and Kafka: each rule
 * finds its pattern once, with evidence, announced as ViolationDetected; a clean claim raises nothing;
 * a reversed stay is not held against a later one.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartAuditIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

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
    void aReadmissionWithARelatedDiagnosisWithinTheWindowIsASplitHospitalisationFoundOnce() {
        String person = nextId();
        ClaimSettled first = claim(person, "H1", DAY, List.of("I63.900"), line("S120100001", "5", "40.00"));
        ClaimSettled second = claim(person, "H1", DAY.plusDays(5), List.of("I63.800"), line("S120100001", "4", "40.00"));
        events.publish(first);
        EventEnvelope<IntegrationEvent> envelope = events.publish(second);
        events.publish(envelope); // redelivered

        await().atMost(Duration.ofSeconds(30)).until(() -> violations(second, "SPLIT_HOSPITALISATION") == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> announced(person) == 1);
        assertThat(jdbc.queryForObject("select evidence from violation where settlement_id = ?", String.class,
                second.settlementId())).contains("5 days after").contains("[I63]");
        assertThat(violations(first, "SPLIT_HOSPITALISATION")).isZero();
    }

    @Test
    void onePersonInTwoHospitalsOnTheSameDayIsFlagged() {
        String person = nextId();
        events.publish(claim(person, "H1", DAY, List.of("J18.9"), line("S120100001", "1", "40.00")));
        ClaimSettled elsewhere = claim(person, "H2", DAY, List.of("K35.9"), line("S120100001", "1", "40.00"));
        events.publish(elsewhere);

        await().atMost(Duration.ofSeconds(30)).until(() -> violations(elsewhere, "TWO_PLACES_AT_ONCE") == 1);
    }

    @Test
    void anAdmissionWithTestsOnlyAndABillWithRepeatedAndExcessiveLinesAreFlagged() {
        String person = nextId();
        ClaimSettled testsOnly = claim(person, "H1", DAY, List.of("R50.9"), line("S250301001", "1", "60.00"),
                line("S250101001", "1", "30.00"));
        ClaimSettled padded = claim(nextId(), "H1", DAY, List.of("E11.9"), line("XC08CAA001A001010100001", "600", "0.30"),
                line("S120100001", "1", "40.00"), line("S120100001", "1", "40.00"));
        events.publish(testsOnly);
        events.publish(padded);

        await().atMost(Duration.ofSeconds(30)).until(() -> violations(testsOnly, "TESTS_ONLY_ADMISSION") == 1
                && violations(padded, "EXCESSIVE_QUANTITY") == 1 && violations(padded, "REPEATED_CHARGING") == 1);
    }

    @Test
    void aCleanClaimRaisesNothingAndAReversedStayIsNotHeldAgainstTheNext() {
        String person = nextId();
        ClaimSettled reversedStay = claim(person, "H1", DAY, List.of("I63.9"), line("S120100001", "5", "40.00"));
        events.publish(reversedStay);
        events.publish(new ClaimReversed(UUID.randomUUID().toString(), reversedStay.settlementId(), person, "H1", "441700",
                Scheme.RESIDENT, VisitType.INPATIENT, 2026, Instant.now(), "wrong patient", reversedStay.amounts(),
                reversedStay.lines()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select reversed from audited_claim where settlement_id = ?", Boolean.class, reversedStay.settlementId()));
        ClaimSettled next = claim(person, "H1", DAY.plusDays(3), List.of("I63.9"), line("S120100001", "3", "40.00"));
        events.publish(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from audited_claim where settlement_id = ?", Integer.class, next.settlementId()) == 1);
        assertThat(jdbc.queryForObject("select count(*) from violation where person_id = ?", Integer.class, person)).isZero();
    }

    @Test
    void aClassALinePricedAboveTheCeilingIsFlaggedAndOneWithinItIsNot() {
        ClaimLine above = new ClaimLine("XC08CAA001A001010100001", "氨氯地平片", ItemCategory.DRUG, ItemClass.A,
                new BigDecimal("28"), Money.of("0.50"), Money.of("14.00"), Money.of("5.60"), true);
        ClaimSettled overpriced = claim(nextId(), "H1", DAY, List.of("I10"), above);
        ClaimSettled fair = claim(nextId(), "H1", DAY, List.of("I10"), line("XC08CAA001A001010100001", "28", "0.30"));
        events.publish(overpriced);
        events.publish(fair);

        await().atMost(Duration.ofSeconds(30)).until(() -> violations(overpriced, "PRICE_ABOVE_CEILING") == 1
                && jdbc.queryForObject("select count(*) from audited_claim where settlement_id = ?", Integer.class,
                fair.settlementId()) == 1);
        assertThat(violations(fair, "PRICE_ABOVE_CEILING")).isZero();
        assertThat(jdbc.queryForObject("select amount_at_risk::text from violation where settlement_id = ?", String.class,
                overpriced.settlementId())).isEqualTo("5.60");
    }

    @Test
    void aClaimAfterARegisteredDeathIsFlaggedAlsoWhenTheDeathIsRegisteredLate() {
        String person = nextId();
        ClaimSettled before = claim(person, "H1", DAY, List.of("J18.9"), line("S120100001", "1", "40.00"));
        ClaimSettled after = claim(person, "H1", DAY.plusDays(10), List.of("J18.9"), line("S120100001", "1", "40.00"));
        events.publish(before);
        events.publish(after);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from audited_claim where person_id = ?", Integer.class, person) == 2);

        ServiceClient api = new ServiceClient(
                environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
        HttpResponse<String> registered = api.post("/api/supervision/deaths", """
                {"personId":"%s","dateOfDeath":"%s","source":"civil-affairs"}""".formatted(person, DAY.plusDays(5)));
        ClaimSettled later = claim(person, "H2", DAY.plusDays(20), List.of("J18.9"), line("S120100001", "1", "40.00"));
        events.publish(later);

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(json.readTree(registered.body()).at("/flaggedClaims").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> violations(later, "CLAIM_AFTER_DEATH") == 1);
        assertThat(violations(after, "CLAIM_AFTER_DEATH")).isEqualTo(1);
        assertThat(violations(before, "CLAIM_AFTER_DEATH")).isZero();
    }

    /**
     * A generated stream: clean claims (amlodipine always beside a hypertension diagnosis: the knowledge
     * base's indication) and planted patterns of every cross-claim and single-bill rule.
     * Precision and recall are computed over (rule, claim) pairs and printed; both must be 1.
     */
    @Test
    void plantedFraudIsFoundAndCleanClaimsAreNot() {
        Random random = new Random(7);
        Set<String> planted = new HashSet<>();
        List<ClaimSettled> stream = new ArrayList<>();
        Set<String> everyone = new HashSet<>();
        for (int i = 0; i < 40; i++) { // clean: one stay or visit each, treatment lines, distinct people
            String p = nextId();
            everyone.add(p);
            stream.add(claim(p, "H" + (1 + random.nextInt(3)), DAY.plusDays(random.nextInt(60)), List.of("J18.9", "I10"),
                    line("S120100001", String.valueOf(1 + random.nextInt(9)), "40.00"), line("XC08CAA001A001010100001", "28", "0.30")));
        }
        for (int i = 0; i < 4; i++) {
            String p = nextId();
            everyone.add(p);
            ClaimSettled stay = claim(p, "H1", DAY, List.of("I63.9"), line("S120100001", "6", "40.00"));
            ClaimSettled readmission = claim(p, "H1", DAY.plusDays(2 + i), List.of("I63.8"), line("S120100001", "5", "40.00"));
            stream.add(stay);
            stream.add(readmission);
            planted.add("SPLIT_HOSPITALISATION/" + readmission.settlementId());

            String q = nextId();
            everyone.add(q);
            ClaimSettled here = claim(q, "H1", DAY.plusDays(30), List.of("K35.9"), line("S120100001", "2", "40.00"));
            ClaimSettled there = claim(q, "H2", DAY.plusDays(30), List.of("N20.0"), line("S120100001", "2", "40.00"));
            stream.add(here);
            stream.add(there);
            planted.add("TWO_PLACES_AT_ONCE/" + there.settlementId());
            planted.add("TWO_PLACES_AT_ONCE/" + here.settlementId()); // both stays are in doubt

            String r = nextId();
            everyone.add(r);
            ClaimSettled testsOnly = claim(r, "H3", DAY.plusDays(40), List.of("R50.9"), line("S250301001", "1", "60.00"));
            stream.add(testsOnly);
            planted.add("TESTS_ONLY_ADMISSION/" + testsOnly.settlementId());

            String t = nextId();
            everyone.add(t);
            ClaimSettled padded = claim(t, "H2", DAY.plusDays(50), List.of("E11.9", "I10"),
                    line("XC08CAA001A001010100001", "900", "0.30"), line("S120100001", "1", "40.00"), line("S120100001", "1", "40.00"));
            stream.add(padded);
            planted.add("EXCESSIVE_QUANTITY/" + padded.settlementId());
            planted.add("REPEATED_CHARGING/" + padded.settlementId());
        }
        stream.forEach(events::publish);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from audited_claim where person_id = any(?)", Integer.class,
                (Object) everyone.toArray(String[]::new)) == stream.size());

        Set<String> found = new HashSet<>(jdbc.queryForList(
                "select rule || '/' || settlement_id from violation where person_id = any(?)", String.class,
                (Object) everyone.toArray(String[]::new)));
        long truePositives = found.stream().filter(planted::contains).count();
        double precision = found.isEmpty() ? 0 : (double) truePositives / found.size();
        double recall = (double) truePositives / planted.size();
        System.out.printf("smart audit on %d claims (%d planted findings): precision %.2f, recall %.2f%n",
                stream.size(), planted.size(), precision, recall);
        assertThat(found).containsExactlyInAnyOrderElementsOf(planted);

        // the auditors' list, read in small pages, holds the same findings
        Set<String> claims = new HashSet<>(stream.stream().map(ClaimSettled::settlementId).toList());
        ServiceClient api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
        Set<String> listed = new HashSet<>();
        String after = "";
        int pages = 0;
        do {
            HttpResponse<String> page = api.get("/api/supervision/violations?year=" + DAY.getYear() + "&limit=3" + after);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = json.readTree(page.body());
            body.path("violations").forEach(v -> {
                if (claims.contains(v.path("settlementId").asString())) {
                    listed.add(v.path("rule").asString() + "/" + v.path("settlementId").asString());
                    assertThat(v.path("personId").asString()).contains("*");
                }
            });
            after = body.path("next").isNull() ? null : "&after=" + body.path("next").asString();
            pages++;
        } while (after != null);
        assertThat(pages).isGreaterThan(planted.size() / 3);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(planted);
        assertThat(api.get("/api/supervision/violations?year=2026&limit=0").statusCode()).isEqualTo(400);
    }

    // --- helpers ---

    private static ClaimSettled claim(String person, String institution, LocalDate date, List<String> diagnoses, ClaimLine... lines) {
        Money total = Money.sum(List.of(lines).stream().map(ClaimLine::amount).toList());
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        return new ClaimSettled(UUID.randomUUID().toString(), person, institution, "441700", Scheme.RESIDENT,
                VisitType.INPATIENT, date.getYear(), date, diagnoses, Instant.now(), "yangjiang-2019-resident@2", amounts, null,
                List.of(lines));
    }

    private static ClaimLine line(String code, String quantity, String unitPrice) {
        Money price = Money.of(unitPrice);
        Money amount = Money.rounded(price.amount().multiply(new BigDecimal(quantity)), java.math.RoundingMode.HALF_UP);
        return new ClaimLine(code, "item", code.startsWith("X") ? ItemCategory.DRUG : ItemCategory.SERVICE, ItemClass.A,
                new BigDecimal(quantity), price, amount, Money.ZERO, false);
    }

    private static String nextId() {
        String first17 = "441702" + "19600101" + String.format("%03d", 100 + PEOPLE.incrementAndGet());
        return first17 + ResidentId.checkCharacter(first17);
    }

    private int violations(ClaimSettled c, String rule) {
        return jdbc.queryForObject("select count(*) from violation where settlement_id = ? and rule = ?", Integer.class,
                c.settlementId(), rule);
    }

    private int announced(String person) {
        return jdbc.queryForObject("select count(*) from outbox_event where event_type = 'ViolationDetected' and envelope like ?",
                Integer.class, "%" + person + "%");
    }
}
