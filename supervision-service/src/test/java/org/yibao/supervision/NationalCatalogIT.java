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
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Supervision's copy of settlement's reimbursement catalog, fed by CatalogChanged on a real PostgreSQL
 * and Kafka: per (code, validFrom) the highest version wins, a removal drops the entry for good, a
 * replay changes nothing; the smart audit finds a class B line above its level's ceiling in force on
 * the service date, and the pre-check warns of the catalog's restricted-payment conditions. Item codes
 * here (XNC...) are this test's own: the database is shared with the module's other tests.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalCatalogIT {

    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);
    private static final AtomicInteger CODES = new AtomicInteger();
    private static final AtomicLong VERSIONS = new AtomicLong(1_000);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Environment environment;
    @Autowired
    private JsonMapper json;

    private EventPublisher events;
    private ServiceClient api;

    @BeforeAll
    void publisher() {
        events = new EventPublisher(json);
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.MANAGER);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void theHighestVersionWinsARemovalIsFinalAndAReplayChangesNothing() {
        EventEnvelope<IntegrationEvent> first = events.publish(part(
                entry("XNC001", JAN_2026, 12, ItemClass.B, "10.00", Map.of()),
                entry("XNC002", JAN_2026, 12, ItemClass.A, "5.00", Map.of())));
        events.publish(part(entry("XNC001", JAN_2026, 11, ItemClass.C, "99.00", Map.of()))); // older, late
        events.publish(part(removed("XNC002", JAN_2026, 13)));
        events.publish(part(entry("XNC002", JAN_2026, 12, ItemClass.A, "5.00", Map.of()))); // the removed entry's older version, again
        events.publish(first); // redelivered as it was
        events.publish(part(entry("XNC001", JAN_2026, 12, ItemClass.C, "77.00", Map.of()))); // the same version, new event
        events.publish(part(entry("XNC009", JAN_2026, 14, ItemClass.A, "1.00", Map.of())));  // one partition: when this is in, all is

        await().atMost(Duration.ofSeconds(30)).until(() -> count("XNC009") == 1);
        assertThat(jdbc.queryForList("""
                        select code || ' ver ' || ver || (case when removed then ' removed' else '' end) || ' class '
                            || coalesce(item_class, '-') || ' ceiling ' || coalesce(price_ceiling::text, '-')
                        from national_catalog_entry where code in ('XNC001', 'XNC002') order by code""", String.class))
                .containsExactly("XNC001 ver 12 class B ceiling 10.00", "XNC002 ver 13 removed class - ceiling -");
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                first.eventId())).isEqualTo(1);
    }

    @Test
    void aClassBLineAboveItsLevelsCeilingInForceIsFoundWithTheAmountAbove() {
        String hospital = registered("LEVEL_2");
        String code = "XNC1" + CODES.incrementAndGet();
        events.publish(part(
                entry(code, LocalDate.of(2025, 1, 1), next(), ItemClass.B, "20.00", Map.of()),
                entry(code, JAN_2026, next(), ItemClass.B, "12.00", Map.of(InstitutionLevel.LEVEL_2, Money.of("10.00")))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(code) == 2);

        ClaimSettled above = claim(hospital, LocalDate.of(2026, 3, 2), line(code, ItemClass.B, "3", "10.50"));
        ClaimSettled atCeiling = claim(hospital, LocalDate.of(2026, 3, 2), line(code, ItemClass.B, "3", "10.00"));
        ClaimSettled lastYear = claim(hospital, LocalDate.of(2025, 6, 1), line(code, ItemClass.B, "1", "15.00"));
        events.publish(above);
        events.publish(atCeiling);
        events.publish(lastYear);

        await().atMost(Duration.ofSeconds(30)).until(() -> audited(above, atCeiling, lastYear) == 3);
        assertThat(jdbc.queryForList("select amount_at_risk::text || ' ' || evidence from violation where settlement_id = ?"
                + " and rule = 'PRICE_ABOVE_CEILING'", String.class, above.settlementId()))
                .containsExactly("1.50 PR-01: " + code + " (目录名称) billed at 10.50 a unit, above the catalog ceiling of 10.00 at LEVEL_2"
                        + " institutions: 1.50 on 3 units");
        assertThat(violations(atCeiling)).as("at the ceiling").isZero();
        assertThat(violations(lastYear)).as("under the entry in force in 2025").isZero();
    }

    @Test
    void thePreCheckWarnsOfTheCatalogsRestrictedPaymentConditionsInForce() {
        String hospital = registered("LEVEL_3");
        String insulin = "XNC2" + CODES.incrementAndGet();
        String albumin = "XNC2" + CODES.incrementAndGet();
        String ended = "XNC2" + CODES.incrementAndGet();
        events.publish(part(
                restricted(insulin, JAN_2026, null, new CatalogChanged.Restriction("DIAGNOSES", "E10,E11", "限1型或2型糖尿病患者")),
                restricted(albumin, JAN_2026, null, new CatalogChanged.Restriction("INPATIENT_ONLY", null, "限住院患者")),
                restricted(ended, JAN_2026, LocalDate.of(2026, 1, 31),
                        new CatalogChanged.Restriction("DIAGNOSES", "C00", "限恶性肿瘤患者"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(insulin) + count(albumin) + count(ended) == 3);
        String person = person();

        JsonNode hypertension = check(hospital, person, "GENERAL_OUTPATIENT", "I10", insulin);
        JsonNode diabetes = check(hospital, person, "GENERAL_OUTPATIENT", "E11.900", insulin);
        JsonNode outpatient = check(hospital, person, "GENERAL_OUTPATIENT", "K74.6", albumin);
        JsonNode inpatient = check(hospital, person, "INPATIENT", "K74.6", albumin);
        JsonNode afterItsEnd = check(hospital, person, "GENERAL_OUTPATIENT", "I10", ended);

        assertThat(hypertension.at("/outcome").asString()).isEqualTo("WARN");
        assertThat(hypertension.at("/reasons").toString()).contains(insulin).contains("限1型或2型糖尿病患者");
        assertThat(diabetes.at("/outcome").asString()).isEqualTo("PASS");
        assertThat(outpatient.at("/outcome").asString()).isEqualTo("WARN");
        assertThat(outpatient.at("/reasons/0").asString()).contains(albumin).contains("限住院患者").contains("GENERAL_OUTPATIENT");
        assertThat(inpatient.at("/outcome").asString()).isEqualTo("PASS");
        assertThat(afterItsEnd.at("/outcome").asString()).as(afterItsEnd.toString()).isEqualTo("PASS");
    }

    // --- helpers ---

    private static CatalogChanged part(CatalogChanged.Entry... entries) {
        return new CatalogChanged("test-" + UUID.randomUUID(), 1, 1, List.of(entries), Instant.now());
    }

    private static CatalogChanged.Entry entry(String code, LocalDate from, long ver, ItemClass itemClass, String ceiling,
                                              Map<InstitutionLevel, Money> levelCeilings) {
        return new CatalogChanged.Entry(code, from, ver, false, "目录名称", ItemCategory.DRUG, itemClass, null, Money.of(ceiling),
                levelCeilings, itemClass == ItemClass.B ? new BigDecimal("0.1") : null, false, List.of());
    }

    private static CatalogChanged.Entry removed(String code, LocalDate from, long ver) {
        return new CatalogChanged.Entry(code, from, ver, true, null, null, null, null, null, null, null, false, null);
    }

    private static CatalogChanged.Entry restricted(String code, LocalDate from, LocalDate to, CatalogChanged.Restriction r) {
        return new CatalogChanged.Entry(code, from, next(), false, "限定支付药品", ItemCategory.DRUG, ItemClass.B, to, null, null,
                null, false, List.of(r));
    }

    private static long next() {
        return VERSIONS.incrementAndGet();
    }

    private int count(String code) {
        return jdbc.queryForObject("select count(*) from national_catalog_entry where code = ? and not removed", Integer.class, code);
    }

    private String registered(String level) {
        String code = String.format("HNC%07d", CODES.incrementAndGet());
        HttpResponse<String> response = api.post("/api/supervision/institutions", """
                {"code":"%s","name":"目录测试医院","regionCode":"441700","kind":"HOSPITAL","level":"%s",
                 "agreementFrom":"2019-01-01"}""".formatted(code, level));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return code;
    }

    private JsonNode check(String institution, String person, String visitType, String diagnosis, String itemCode) {
        HttpResponse<String> response = api.as(TestCallers.his(institution)).post("/api/supervision/pre-checks", """
                {"personId":"%s","institutionCode":"%s","visitType":"%s","serviceDate":"2026-03-02","diagnosisCodes":["%s"],
                 "total":"80.00","lines":[{"itemCode":"%s","itemClass":"B","quantity":1,"unitPrice":"80.00","amount":"80.00"}]}"""
                .formatted(person, institution, visitType, diagnosis, itemCode));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static ClaimSettled claim(String institution, LocalDate day, ClaimLine... lines) {
        Money total = Money.sum(List.of(lines).stream().map(ClaimLine::amount).toList());
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        return new ClaimSettled(UUID.randomUUID().toString(), person(), institution, "441700", Scheme.RESIDENT,
                VisitType.GENERAL_OUTPATIENT, day.getYear(), day, List.of("I10"), Instant.now(), "yangjiang-2019-resident@2",
                amounts, null, List.of(lines));
    }

    /** A line with the prior self-pay of a class B item at 10%, to the fen. */
    private static ClaimLine line(String code, ItemClass itemClass, String quantity, String unitPrice) {
        Price price = Price.of(unitPrice);
        Money amount = price.times(new BigDecimal(quantity));
        return new ClaimLine(code, "医院的名称", ItemCategory.DRUG, itemClass, new BigDecimal(quantity), price, amount,
                amount.times(new BigDecimal("0.1"), java.math.RoundingMode.HALF_UP), false);
    }

    private static String person() {
        String first17 = "441702" + "19750101" + String.format("%03d", 500 + CODES.incrementAndGet() % 400);
        return first17 + ResidentId.checkCharacter(first17);
    }

    private int audited(ClaimSettled... claims) {
        return jdbc.queryForObject("select count(*) from audited_claim where settlement_id = any(?)", Integer.class,
                (Object) List.of(claims).stream().map(ClaimSettled::settlementId).toArray(String[]::new));
    }

    private int violations(ClaimSettled c) {
        return jdbc.queryForObject("select count(*) from violation where settlement_id = ?", Integer.class, c.settlementId());
    }
}
