package org.yibao.settlement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.contracts.events.CertificationStatus;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VbpCatalogPublished;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Settlement end to end on a real PostgreSQL and Kafka: read models fed by events, settle, retry,
 * reverse, concurrency, and refusals that change nothing.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementFlowIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String HOSPITAL = "H44170000003";   // Yangjiang, level 3
    private static final String SUSPENDED = "H44170000099";
    private static final String PHARMACY = "P44170000001";
    private static final String GUANGZHOU_HOSPITAL = "H44010000001"; // outside Yangjiang, level 3
    private static final String JIANGJIN_HOSPITAL = "H50011600002";  // Jiangjin, level 2
    private static final int YEAR = LocalDate.now().getYear();

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;
    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @AfterAll
    void closeClients() {
        events.close();
    }

    @BeforeAll
    void institutionsExist() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
        events = new EventPublisher(json);
        publish(new InstitutionStatusChanged(HOSPITAL, "阳江市人民医院", "441700", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_3, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        publish(new InstitutionStatusChanged(SUSPENDED, "某医院", "441700", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED, LocalDate.of(2020, 1, 1),
                "split hospitalisation", Instant.now()));
        publish(new InstitutionStatusChanged(PHARMACY, "大药房", "441700", InstitutionKind.PHARMACY,
                InstitutionLevel.UNGRADED, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        publish(new InstitutionStatusChanged(GUANGZHOU_HOSPITAL, "广州市某三甲医院", "440104", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_3, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        publish(new InstitutionStatusChanged(JIANGJIN_HOSPITAL, "江津区中心医院", "500116", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        // this class's own five institutions, whatever else shares the database (issue 19, item 6: a global count
        // made one test class's data change another's result)
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(distinct code) from institution_period where code in (?, ?, ?, ?, ?)", Integer.class,
                HOSPITAL, SUSPENDED, PHARMACY, GUANGZHOU_HOSPITAL, JIANGJIN_HOSPITAL) == 5);
    }

    @Test
    void settlesAYangjiangResidentsInpatientStayAndPublishesClaimSettled() throws Exception {
        String person = enrolledResident();

        HttpResponse<String> response = post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "10700.00"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/amounts/deductible").asString()).isEqualTo("700.00");
        assertThat(body.at("/amounts/basicFund").asString()).isEqualTo("6000.00");
        assertThat(body.at("/amounts/cash").asString()).isEqualTo("4700.00");
        assertThat(body.at("/policyPack").asString()).isEqualTo("yangjiang-2019-resident@4");
        assertThat(body.at("/lines/0/itemClass").asString()).isEqualTo("A");
        assertThat(body.at("/preCheck/outcome").asString()).isEqualTo("UNCHECKED"); // pre-check off: flagged for audit
        assertThat(jdbc.queryForObject("select precheck_outcome from settlement where id = ?::uuid", String.class,
                body.at("/id").asString())).isEqualTo("UNCHECKED");
        assertThat(outboxCount("ClaimSettled", body.at("/id").asString())).isEqualTo(1);
        JsonNode acc = json.readTree(get("/api/settlement/persons/" + person + "/accumulators?year=" + YEAR).body());
        assertThat(acc.at("/accumulators/fundPaid/inpatient").asString()).isEqualTo("6000.00");
        assertThat(acc.at("/accumulators/policyScopeSelfPay").asString()).isEqualTo("4700.00");
    }

    /**
     * A resident has no personal account (城乡居民医保不设个人账户): a HIS that asks for an account payment
     * for a resident gets the owed part as cash (found by the black-box test of this stop: the account
     * paid 42.00 of a resident's bill). Same bill as above: 10,700 - 6,000 fund = 4,700 cash.
     */
    @Test
    void aResidentsBillIsNeverPaidFromAPersonalAccount() throws Exception {
        String person = enrolledResident();
        String asked = bill("msg-" + UUID.randomUUID(), person, "10700.00")
                .replace("\"lines\"", "\"personalAccountAmount\":\"100.00\",\"lines\"");

        HttpResponse<String> response = post("/api/settlement/settlements", asked);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/amounts/personalAccount").asString()).isEqualTo("0.00");
        assertThat(body.at("/amounts/cash").asString()).isEqualTo("4700.00");
    }

    /**
     * Issue 20: a bill is priced by the catalog entry in force on its service date. An item listed as
     * class 乙 until yesterday and as class 甲 from today: yesterday's bill of 1,000.00 has 100.00 prior
     * self-pay (Yangjiang residents: 10%), today's none.
     */
    @Test
    void aBillIsPricedByTheCatalogEntryInForceOnItsServiceDate() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        LocalDate yesterday = today.minusDays(1);
        String person = enrolledResident();
        if (yesterday.getYear() != YEAR) {
            publish(new PersonEnrolled(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, yesterday.getYear(),
                    yesterday.withDayOfYear(1), Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.queryForObject("select count(distinct year) from enrollment_period where person_id = ?", Integer.class, person) == 2);
        }
        String code = "XTESTV" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        catalogEntry(code, "B", null, yesterday.minusDays(30));
        catalogEntry(code, "A", null, today);

        JsonNode before = json.readTree(post("/api/settlement/settlements", oneLine(person, yesterday, code, "1", "1000.00")).body());
        JsonNode from = json.readTree(post("/api/settlement/settlements", oneLine(person, today, code, "1", "1000.00")).body());

        assertThat(before.at("/lines/0/itemClass").asString()).as(before.toString()).isEqualTo("B");
        assertThat(before.at("/amounts/priorSelfPay").asString()).isEqualTo("100.00");
        assertThat(from.at("/lines/0/itemClass").asString()).as(from.toString()).isEqualTo("A");
        assertThat(from.at("/amounts/priorSelfPay").asString()).isEqualTo("0.00");
    }

    /**
     * Issue 20: a restricted drug (限定支付范围: only for hypertension) on a kidney patient's bill is
     * self-paid whole, naming the condition; a level's own price ceiling holds at that level (12.00 at
     * level 3 where the general ceiling is 10.00: nothing above it). Total 80 + 24 = 104.00, full self-pay 80.00.
     */
    @Test
    void aRestrictedItemOutsideItsConditionIsSelfPaidNamingItAndALevelsCeilingHolds() throws Exception {
        String person = enrolledResident();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String restricted = "XTESTR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String ceilinged = "XTESTC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        catalogEntry(restricted, "A", null, today.withDayOfYear(1));
        jdbc.update("""
                insert into catalog_restriction (code, valid_from, kind, parameter, description)
                values (?, ?, 'DIAGNOSES', 'I10,I11,I15', '限高血压患者')""", restricted, today.withDayOfYear(1));
        catalogEntry(ceilinged, "A", "10.00", today.withDayOfYear(1));
        jdbc.update("insert into catalog_level_ceiling (code, valid_from, level, price_ceiling) values (?, ?, 'LEVEL_3', 12.00)",
                ceilinged, today.withDayOfYear(1));
        String body = """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],
                 "lines":[{"itemCode":"%s","quantity":2,"unitPrice":"40.00"},{"itemCode":"%s","quantity":2,"unitPrice":"12.00"}]}"""
                .formatted(UUID.randomUUID(), person, HOSPITAL, today, restricted, ceilinged);

        HttpResponse<String> response = post("/api/settlement/settlements", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode bill = json.readTree(response.body());
        assertThat(bill.at("/lines/0/selfPaidBecause").asString()).isEqualTo("限高血压患者");
        assertThat(bill.at("/lines/0/fullSelfPay").asString()).isEqualTo("80.00");
        assertThat(bill.at("/lines/1/selfPaidBecause").isNull()).isTrue();
        assertThat(bill.at("/lines/1/fullSelfPay").asString()).isEqualTo("0.00");
        assertThat(bill.at("/lines/1/priceCeiling").asString()).isEqualTo("12.00");
        assertThat(bill.at("/amounts/total").asString()).isEqualTo("104.00");
        assertThat(bill.at("/amounts/fullSelfPay").asString()).isEqualTo("80.00");
    }

    /**
     * A days' supply is counted on the bill, all lines of the item together (review of issue 20): two
     * lines of 20 tablets of a drug limited to 30 days at one a day are self-paid (40 > 30); one line of 30 is not.
     */
    @Test
    void aDaysSupplyLimitCountsEveryLineOfTheItemOnTheBill() throws Exception {
        String person = enrolledResident();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String code = "XTESTD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        catalogEntry(code, "A", null, today.withDayOfYear(1));
        jdbc.update("""
                insert into catalog_restriction (code, valid_from, kind, parameter, description)
                values (?, ?, 'MAX_DAYS_SUPPLY', '1,30', '限30日用量')""", code, today.withDayOfYear(1));
        String split = """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],
                 "lines":[{"itemCode":"%s","quantity":20,"unitPrice":"1.00"},{"itemCode":"%s","quantity":20,"unitPrice":"1.00"}]}"""
                .formatted(UUID.randomUUID(), person, HOSPITAL, today, code, code);

        JsonNode over = json.readTree(post("/api/settlement/settlements", split).body());
        JsonNode within = json.readTree(post("/api/settlement/settlements", oneLine(person, today, code, "30", "1.00")).body());

        assertThat(over.at("/lines/0/selfPaidBecause").asString()).as(over.toString()).isEqualTo("限30日用量");
        assertThat(over.at("/lines/1/selfPaidBecause").asString()).isEqualTo("限30日用量");
        assertThat(over.at("/amounts/fullSelfPay").asString()).isEqualTo("40.00");
        assertThat(within.at("/lines/0/selfPaidBecause").isNull()).as(within.toString()).isTrue();
    }

    private void catalogEntry(String code, String itemClass, String ceiling, LocalDate validFrom) {
        jdbc.update("""
                        insert into catalog_item (code, name, category, item_class, price_ceiling, vbp, valid_from)
                        values (?, ?, 'DRUG', ?, ?::numeric, false, ?)""",
                code, "测试药品 " + code, itemClass, ceiling, validFrom);
    }

    private String oneLine(String person, LocalDate serviceDate, String code, String quantity, String price) {
        return """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"lines":[{"itemCode":"%s","quantity":%s,"unitPrice":"%s"}]}"""
                .formatted(UUID.randomUUID(), person, HOSPITAL, serviceDate, code, quantity, price);
    }

    @Test
    void aRetriedMessageReturnsTheFirstBillAndChargesOnceAndADifferentBodyIsRefused() throws Exception {
        String person = enrolledResident();
        String message = "msg-" + UUID.randomUUID();

        HttpResponse<String> first = post("/api/settlement/settlements", bill(message, person, "1000.00"));
        HttpResponse<String> retry = post("/api/settlement/settlements", bill(message, person, "1000.00"));
        HttpResponse<String> other = post("/api/settlement/settlements", bill(message, person, "2000.00"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).at("/id")).isEqualTo(json.readTree(first.body()).at("/id"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(settlementsOf(person)).isEqualTo(1);
        assertThat(fundPaid(person)).isEqualTo("180.00"); // (1,000 - 700) x 60%
    }

    @Test
    void concurrentRetriesOfOneMessageSettleOnce() throws Exception {
        String person = enrolledResident();
        String bill = bill("msg-" + UUID.randomUUID(), person, "5000.00");

        List<HttpResponse<String>> responses = concurrently(8, () -> post("/api/settlement/settlements", bill));

        Set<String> ids = new HashSet<>();
        for (HttpResponse<String> r : responses) {
            assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
            ids.add(json.readTree(r.body()).at("/id").asString());
        }
        assertThat(ids).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(settlementsOf(person)).isEqualTo(1);
        assertThat(fundPaid(person)).isEqualTo("2580.00"); // (5,000 - 700) x 60%
    }

    @Test
    void concurrentBillsOfOnePersonNeverLoseAnAccumulatorUpdate() throws Exception {
        String person = enrolledResident();

        List<HttpResponse<String>> responses = concurrently(10,
                () -> post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "1700.00")));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        assertThat(fundPaid(person)).isEqualTo("6000.00"); // 10 x (1,700 - 700) x 60%
        assertThat(jdbc.queryForObject("select sum(basic_fund) from settlement where person_id = ?", String.class, person))
                .isEqualTo("6000.00");
    }

    @Test
    void aReversalRestoresTheAccumulatorsExactlyAndPublishesClaimReversed() throws Exception {
        String person = enrolledResident();
        post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "30700.00"));
        String before = accumulatorsJson(person);
        HttpResponse<String> settled = post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "20000.00"));
        String id = json.readTree(settled.body()).at("/id").asString();
        assertThat(accumulatorsJson(person)).isNotEqualTo(before);

        HttpResponse<String> reversed = post("/api/settlement/settlements/" + id + "/reversal", "{\"reason\":\"wrong patient\"}");
        HttpResponse<String> again = post("/api/settlement/settlements/" + id + "/reversal", "{\"reason\":\"again\"}");

        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat(json.readTree(reversed.body()).at("/status").asString()).isEqualTo("REVERSED");
        assertThat(accumulatorsJson(person)).isEqualTo(before);
        assertThat(outboxCount("ClaimReversed", id)).isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(409);
    }

    /**
     * Issue 21: an inpatient bill's facts for the audit (emergency, stay, procedures, doctor, department; each
     * line's days of supply and prescribing doctor) are kept with the settlement, shown by its GET, carried in
     * ClaimSettled v2 with the person's type on the service date, and repeated line by line by ClaimReversed.
     */
    @Test
    void theBillsFactsAreKeptShownPublishedAndRepeatedByTheReversal() throws Exception {
        String person = enrolledResident();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String message = "msg-" + UUID.randomUUID();
        String body = withFacts(message, person, today);

        HttpResponse<String> settled = post("/api/settlement/settlements", body);

        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
        String id = json.readTree(settled.body()).at("/id").asString();
        JsonNode view = json.readTree(get("/api/settlement/settlements/" + id).body());
        assertThat(view.at("/emergency").asBoolean()).isTrue();
        assertThat(view.at("/personType").asString()).isEqualTo("RESIDENT");
        assertThat(view.at("/admittedAt").asString()).startsWith(today.minusDays(3) + "T08:30");
        assertThat(view.at("/dischargedAt").asString()).startsWith(today + "T10:15");
        assertThat(view.at("/procedureCodes").toString()).isEqualTo("[\"39.9501\",\"38.9501\"]");
        assertThat(view.at("/doctorCode").asString()).isEqualTo("D441700000123");
        assertThat(view.at("/departmentCode").asString()).isEqualTo("0306");
        assertThat(view.at("/lines/0/daysOfSupply").isNull()).isTrue();
        assertThat(view.at("/lines/1/daysOfSupply").asInt()).isEqualTo(7);
        assertThat(view.at("/lines/1/doctorCode").asString()).isEqualTo("D441700000456");
        assertThat(view.at("/preCheck/findings").isArray()).isTrue();

        JsonNode claim = payload("ClaimSettled", id);
        assertThat(claim.at("/personType").asString()).isEqualTo("RESIDENT");
        assertThat(claim.at("/emergency").asBoolean()).isTrue();
        assertThat(claim.at("/admittedAt").asString()).startsWith(today.minusDays(3) + "T08:30");
        assertThat(claim.at("/dischargedAt").asString()).startsWith(today + "T10:15");
        assertThat(claim.at("/procedureCodes/0").asString()).isEqualTo("39.9501");
        assertThat(claim.at("/doctorCode").asString()).isEqualTo("D441700000123");
        assertThat(claim.at("/departmentCode").asString()).isEqualTo("0306");
        assertThat(claim.at("/lines/1/daysOfSupply").asInt()).isEqualTo(7);
        assertThat(claim.at("/lines/1/doctorCode").asString()).isEqualTo("D441700000456");

        // the same bill again is the first result; the same message with another fact is another bill
        assertThat(post("/api/settlement/settlements", body).statusCode()).isEqualTo(200);
        assertThat(post("/api/settlement/settlements", body.replace("D441700000456", "D441700000789")).statusCode()).isEqualTo(409);
        assertThat(post("/api/settlement/settlements", body.replace("\"emergency\":true", "\"emergency\":false")).statusCode())
                .isEqualTo(409);

        HttpResponse<String> reversed = post("/api/settlement/settlements/" + id + "/reversal", "{\"reason\":\"wrong patient\"}");
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        JsonNode reversal = payload("ClaimReversed", id);
        assertThat(reversal.at("/lines/1/daysOfSupply").asInt()).isEqualTo(7);
        assertThat(reversal.at("/lines/1/doctorCode").asString()).isEqualTo("D441700000456");
        assertThat(reversal.at("/lines/0/daysOfSupply").isNull()).isTrue();
    }

    /** A bill without issue 21's facts settles as before, and states none (emergency false, lists empty). */
    @Test
    void aBillWithoutTheFactsStatesNoneAndAnExplicitFalseIsTheSameBill() throws Exception {
        String person = enrolledResident();
        String message = "msg-" + UUID.randomUUID();
        String plain = bill(message, person, "1000.00");

        HttpResponse<String> first = post("/api/settlement/settlements", plain);
        HttpResponse<String> explicit = post("/api/settlement/settlements",
                plain.replace("\"lines\"", "\"emergency\":false,\"procedureCodes\":[],\"lines\""));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(explicit.statusCode()).as(explicit.body()).isEqualTo(200);
        String id = json.readTree(first.body()).at("/id").asString();
        JsonNode claim = payload("ClaimSettled", id);
        assertThat(claim.at("/emergency").asBoolean()).isFalse();
        assertThat(claim.at("/admittedAt").isNull()).isTrue();
        assertThat(claim.at("/procedureCodes").isEmpty()).isTrue();
        assertThat(claim.at("/personType").asString()).isEqualTo("RESIDENT");
    }

    /** Each of issue 21's facts out of shape is refused 400 naming its field, and nothing is settled. */
    @Test
    void factsOutOfShapeAreRefusedNamingTheField() throws Exception {
        String person = enrolledResident();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String good = withFacts("msg-" + UUID.randomUUID(), person, today);
        String outpatient = good.replace("\"INPATIENT\"", "\"GENERAL_OUTPATIENT\"");
        String tooLong = "D".repeat(31);
        String manyProcedures = "[" + String.join(",", java.util.Collections.nCopies(21, "\"39.95\"")) + "]";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(outpatient.replaceAll(",\"dischargedAt\":\"[^\"]+\"", ""), "admittedAt");
        cases.put(outpatient.replaceAll(",\"admittedAt\":\"[^\"]+\"", ""), "dischargedAt");
        cases.put(good.replace(today + "T10:15", today.minusDays(4) + "T10:15"), "dischargedAt");      // before admission
        cases.put(good.replace(today + "T10:15", today.minusDays(1) + "T10:15"), "dischargedAt");      // not on the service date
        cases.put(good.replace(today.minusDays(3) + "T08:30", today.plusDays(1) + "T08:30")
                .replaceAll(",\"dischargedAt\":\"[^\"]+\"", ""), "admittedAt");                   // after the service date
        cases.put(good.replace(today.minusDays(3) + "T08:30", "yesterday"), "admittedAt");
        cases.put(good.replace("[\"39.9501\",\"38.9501\"]", manyProcedures), "procedureCodes");
        cases.put(good.replace("\"39.9501\"", "\"" + tooLong + "\""), "procedureCodes[0]");
        cases.put(good.replace("D441700000123", tooLong), "doctorCode");
        cases.put(good.replace("\"0306\"", "\"" + tooLong + "\""), "departmentCode");
        cases.put(good.replace("\"daysOfSupply\":7", "\"daysOfSupply\":0"), "lines[1].daysOfSupply");
        cases.put(good.replace("\"daysOfSupply\":7", "\"daysOfSupply\":3661"), "lines[1].daysOfSupply");
        cases.put(good.replace("D441700000456", tooLong), "lines[1].doctorCode");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = post("/api/settlement/settlements", c.getKey());
            assertThat(response.statusCode()).as(c.getKey() + " -> " + response.body()).isEqualTo(400);
            assertThat(json.readTree(response.body()).at("/errors/0/field").asString()).as(response.body()).isEqualTo(c.getValue());
        }
        assertThat(settlementsOf(person)).isZero();
    }

    /** An inpatient bill with every fact of issue 21: admitted three days ago, discharged today. */
    private static String withFacts(String message, String person, LocalDate today) {
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["I21.0"],"emergency":true,"admittedAt":"%sT08:30","dischargedAt":"%sT10:15:00",
                 "procedureCodes":["39.9501","38.9501"],"doctorCode":"D441700000123","departmentCode":"0306",
                 "lines":[{"itemCode":"S311201001","quantity":2,"unitPrice":"400.00"},
                          {"itemCode":"S311201001","quantity":1,"unitPrice":"400.00","daysOfSupply":7,"doctorCode":"D441700000456"}]}"""
                .formatted(message, person, HOSPITAL, today, today.minusDays(3), today);
    }

    /** The payload of the event of this type about this settlement, as the outbox holds it. */
    private JsonNode payload(String type, String settlementId) {
        String envelope = jdbc.queryForObject("select envelope from outbox_event where event_type = ? and envelope like ?",
                String.class, type, "%" + settlementId + "%");
        return json.readTree(envelope).get("payload");
    }

    @Test
    void preSettlementComputesTheSameBillAndChangesNothing() throws Exception {
        String person = enrolledResident();
        String body = bill("msg-" + UUID.randomUUID(), person, "10700.00");

        HttpResponse<String> quote = post("/api/settlement/pre-settlements", body);

        assertThat(quote.statusCode()).isEqualTo(200);
        assertThat(json.readTree(quote.body()).at("/status").asString()).isEqualTo("PRE_SETTLEMENT");
        assertThat(json.readTree(quote.body()).at("/amounts/basicFund").asString()).isEqualTo("6000.00");
        assertThat(settlementsOf(person)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from accumulator where person_id = ?", Integer.class, person)).isZero();
    }

    @Test
    void tiltedCategoriesGetTheLowerCatastrophicThresholdAndAssistance() throws Exception {
        String person = enrolledResident();
        publish(new AssistanceIdentityChanged(person, "441700", null, AssistanceCategory.EXTREME_POVERTY,
                LocalDate.of(YEAR, 1, 1), null, List.of("civil-affairs"), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from assistance_identity_period where person_id = ?", Integer.class, person) == 1);

        JsonNode body = json.readTree(post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "10700.00")).body());

        assertThat(body.at("/amounts/catastrophic").asString()).isEqualTo("1360.00"); // (4,700 - 3,000) x 80%
        assertThat(body.at("/amounts/assistance").asString()).isEqualTo("3340.00");   // the rest, 特困 100% (assumed)
        assertThat(body.at("/amounts/cash").asString()).isEqualTo("0.00");
    }

    @Test
    void anUnknownItemIsSelfPaidAndReported() throws Exception {
        String person = enrolledResident();
        String body = """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "lines":[{"itemCode":"S120100001","quantity":10,"unitPrice":"40.00"},
                          {"itemCode":"NOT-IN-CATALOG","quantity":1,"unitPrice":"99.00"}]}"""
                .formatted("msg-" + UUID.randomUUID(), person, HOSPITAL, LocalDate.now());

        JsonNode bill = json.readTree(post("/api/settlement/settlements", body).body());

        assertThat(bill.at("/uncataloguedItems/0").asString()).isEqualTo("NOT-IN-CATALOG");
        assertThat(bill.at("/lines/1/itemClass").asString()).isEqualTo("C");
        assertThat(bill.at("/amounts/fullSelfPay").asString()).isEqualTo("99.00");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        String person = enrolledResident();
        String msg = "msg-" + UUID.randomUUID();
        String good = bill(msg, person, "1000.00");
        Map<String, String> cases = Map.of(
                good.replace("\"quantity\":2.5", "\"quantity\":-2"), "lines[0].quantity",
                good.replace(person, "110105194912310021"), "personId",
                good.replaceAll("\"lines\":\\[.*\\]", "\"lines\":[]"), "lines",
                good.replace(LocalDate.now().toString(), LocalDate.now().plusDays(3).toString()), "serviceDate",
                good.replace("\"unitPrice\":\"400.00\"", "\"unitPrice\":\"9999999.00\""), "lines",
                good.replace("\"unitPrice\":\"400.00\"", "\"unitPrice\":\"1.0000005\""), "lines[0].unitPrice",
                good.replace("\"visitType\":\"INPATIENT\"", "\"visitType\":\"SPA\""), "visitType");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = post("/api/settlement/settlements", c.getKey());
            assertThat(response.statusCode()).as(c.getKey() + " -> " + response.body()).isEqualTo(400);
            assertThat(json.readTree(response.body()).at("/errors/0/field").asString()).as(response.body()).isEqualTo(c.getValue());
        }
        assertThat(settlementsOf(person)).isZero();
    }

    @Test
    void refusalsAreClearAndChangeNothing() throws Exception {
        String notEnrolled = nextPerson();
        String person = enrolledResident();

        HttpResponse<String> unknownPerson = post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), notEnrolled, "100.00"));
        HttpResponse<String> suspended = post("/api/settlement/settlements",
                bill("msg-" + UUID.randomUUID(), person, "100.00").replace(HOSPITAL, SUSPENDED));
        HttpResponse<String> pharmacyInpatient = post("/api/settlement/settlements",
                bill("msg-" + UUID.randomUUID(), person, "100.00").replace(HOSPITAL, PHARMACY));
        HttpResponse<String> hospitalAsPharmacy = api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements",
                bill("msg-" + UUID.randomUUID(), person, "100.00").replace(HOSPITAL, PHARMACY).replace("INPATIENT", "PHARMACY"));

        assertThat(unknownPerson.statusCode()).isEqualTo(422);
        assertThat(unknownPerson.body()).contains("not enrolled").doesNotContain(notEnrolled);
        assertThat(suspended.statusCode()).isEqualTo(422);
        assertThat(suspended.body()).contains("SUSPENDED");
        assertThat(pharmacyInpatient.statusCode()).isEqualTo(403);
        assertThat(pharmacyInpatient.body()).contains("a pharmacy settles only PHARMACY visits");
        assertThat(hospitalAsPharmacy.statusCode()).isEqualTo(403);
        assertThat(settlementsOf(person) + settlementsOf(notEnrolled)).isZero();
    }

    @Test
    void treatmentOutsideTheCityFollowsTheFilingThatArrivesAsAnEvent() throws Exception {
        String person = enrolledResident();
        String away = bill("msg-" + UUID.randomUUID(), person, "10800.00").replace(HOSPITAL, GUANGZHOU_HOSPITAL);

        JsonNode unfiled = json.readTree(post("/api/settlement/pre-settlements", away).body());
        publish(new FilingRegistered("F-" + person, person, "441700", "440000", "长期异地居住", LocalDate.of(YEAR, 1, 1),
                null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from remote_filing where person_id = ?", Integer.class, person) == 1);
        HttpResponse<String> filed = post("/api/settlement/settlements", away);

        assertThat(unfiled.at("/place").asString()).isEqualTo("REMOTE_UNFILED");
        assertThat(unfiled.at("/amounts/deductible").asString()).isEqualTo("900.00");
        assertThat(unfiled.at("/amounts/basicFund").asString()).isEqualTo("4950.00"); // 9,900 x 50%
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode body = json.readTree(filed.body());
        assertThat(body.at("/place").asString()).isEqualTo("REMOTE_FILED");
        assertThat(body.at("/amounts/basicFund").asString()).isEqualTo("5940.00");   // 9,900 x 60%
        assertThat(get("/api/settlement/settlements/" + body.at("/id").asString()).body()).contains("REMOTE_FILED");
    }

    @Test
    void aLiangbingPatientPaysNothingForCatalogDrugsOnceCertificationAndCatalogArrive() throws Exception {
        String person = nextPerson();
        publish(new PersonEnrolled(person, "500116", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER,
                YEAR, LocalDate.of(YEAR, 1, 1), Instant.now()));
        publish(new CertificationChanged("C-" + person, person, "500116", "I10", "高血压", CertificationStatus.APPROVED,
                LocalDate.of(YEAR, 1, 1), null, Instant.now()));
        java.util.UUID newer = events.publish(new VbpCatalogPublished("LIANGBING", 2, "两病用药推荐目录", "500116",
                LocalDate.of(YEAR, 1, 1), List.of(new VbpCatalogPublished.Item("XC08CAA001A001010100001", "氨氯地平")),
                Instant.now())).eventId();
        // a late, older version of the catalog changes nothing
        java.util.UUID older = events.publish(new VbpCatalogPublished("LIANGBING", 1, "两病用药推荐目录", "500116",
                LocalDate.of(YEAR, 1, 1), List.of(), Instant.now())).eventId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from certification where person_id = ?", Integer.class, person) == 1
                        && jdbc.queryForObject("select count(distinct year) from enrollment_period where person_id = ?", Integer.class, person) == 1
                        && jdbc.queryForObject("select count(*) from processed_event where event_id in (?, ?)",
                        Integer.class, newer, older) == 2); // this test's two catalog events, not anyone's
        String outpatient = """
                {"messageId":"msg-%s","personId":"%s","institutionCode":"%s","visitType":"GENERAL_OUTPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["I10.x00"],
                 "lines":[{"itemCode":"XC08CAA001A001010100001","quantity":28,"unitPrice":"0.30"},
                          {"itemCode":"S110200001","quantity":1,"unitPrice":"10.00"}]}"""
                .formatted(UUID.randomUUID(), person, JIANGJIN_HOSPITAL, LocalDate.now());

        HttpResponse<String> response = post("/api/settlement/settlements", outpatient);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.at("/policyPack").asString()).isEqualTo("jiangjin-2023-employee@3");
        assertThat(body.at("/lines/0/paidInFullBy").asString()).isEqualTo("两病甲类集采药品");
        assertThat(body.at("/lines/1/paidInFullBy").isNull()).isTrue();
        assertThat(body.at("/amounts/basicFund").asString()).isEqualTo("8.40");  // the drug; the 10.00 is under the deductible
        assertThat(body.at("/amounts/cash").asString()).isEqualTo("10.00");
    }

    @Test
    void theFundReportCountsARegionsSettledBillsAndLeavesReversedOnesOut() throws Exception {
        JsonNode before = inpatientSpending("441700");
        String kept = enrolledResident();
        String undone = enrolledResident();
        assertThat(post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), kept, "10700.00")).statusCode()).isEqualTo(201);
        JsonNode reversedBill = json.readTree(post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), undone, "800.00")).body());
        assertThat(api.as(TestCallers.his(HOSPITAL)).post("/api/settlement/settlements/" + reversedBill.at("/id").asString()
                + "/reversal", "{\"reason\":\"billed in error\"}").statusCode()).isEqualTo(200);

        JsonNode after = inpatientSpending("441700");
        assertThat(after.at("/settlements").asLong() - before.at("/settlements").asLong()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(after.at("/total").asString()).subtract(new java.math.BigDecimal(before.at("/total").asString())))
                .isEqualByComparingTo("10700.00");
        assertThat(new java.math.BigDecimal(after.at("/basicFund").asString())
                .subtract(new java.math.BigDecimal(before.at("/basicFund").asString()))).isEqualByComparingTo("6000.00");
        assertThat(inpatientSpending("150100").at("/settlements").asLong()).as("another city's report").isZero();
        HttpResponse<String> bad = api.get("/api/settlement/reports/" + YEAR + "?region=4417");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("region");
    }

    /** The RESIDENT/INPATIENT row of a region's fund report (zeros when it has none). */
    private JsonNode inpatientSpending(String region) throws Exception {
        HttpResponse<String> report = api.get("/api/settlement/reports/" + YEAR + "?region=" + region);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        for (JsonNode row : json.readTree(report.body()).path("spending")) {
            if (row.path("scheme").asString().equals("RESIDENT") && row.path("visitType").asString().equals("INPATIENT")) {
                return row;
            }
        }
        return json.readTree("{\"settlements\":0,\"total\":\"0.00\",\"basicFund\":\"0.00\"}");
    }

    // --- helpers ---

    private String enrolledResident() {
        String person = nextPerson();
        publish(new PersonEnrolled(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR, LocalDate.of(YEAR, 1, 1),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(distinct year) from enrollment_period where person_id = ?", Integer.class, person) == 1);
        return person;
    }

    private static String nextPerson() {
        String first17 = "441702" + "19700101" + String.format("%03d", PEOPLE.incrementAndGet() + 100);
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** An inpatient bill of haemodialysis (血液透析, class A, 400.00 a session) adding up to {@code amount}. */
    private String bill(String messageId, String person, String amount) {
        String sessions = new java.math.BigDecimal(amount).divide(new java.math.BigDecimal("400")).toPlainString();
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],
                 "lines":[{"itemCode":"S311201001","quantity":%s,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOSPITAL, LocalDate.now(), sessions);
    }

    /**
     * Issue 19, item 7: settlement's own consumers and duplicates. An institution's older event delivered
     * again after a newer one is skipped (counted as a duplicate) and does not undo the newer state: a
     * suspended hospital does not become active again.
     */
    @org.junit.jupiter.api.Test
    void aDuplicateOfAnOlderEventDoesNotUndoANewerOne() {
        String code = "H44170009" + String.format("%03d", (int) (System.nanoTime() % 1000));
        var active = events.publish(new InstitutionStatusChanged(code, "某卫生院", "441700", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_1, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        publish(new InstitutionStatusChanged(code, "某卫生院", "441700", InstitutionKind.HOSPITAL, InstitutionLevel.LEVEL_1,
                AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED, LocalDate.now(), "fake invoices", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDED".equals(jdbc.query("select status from institution_period where code = ? order by valid_from desc limit 1",
                rs -> rs.next() ? rs.getString(1) : null, code)));
        double duplicatesBefore = duplicates("InstitutionStatusChanged");

        events.publish(active); // the older event, delivered again

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates("InstitutionStatusChanged") > duplicatesBefore);
        assertThat(jdbc.queryForObject("select status from institution_period where code = ? order by valid_from desc limit 1", String.class, code)).isEqualTo("SUSPENDED");
    }

    private double duplicates(String type) {
        return meters.find("yibao.consumer.events").tag("type", type).tag("outcome", "duplicate").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private void publish(IntegrationEvent event) {
        events.publish(event);
    }

    private int settlementsOf(String person) {
        return jdbc.queryForObject("select count(*) from settlement where person_id = ?", Integer.class, person);
    }

    private String fundPaid(String person) {
        return jdbc.queryForObject("select fund_paid ->> 'inpatient' from accumulator where person_id = ?", String.class, person);
    }

    private String accumulatorsJson(String person) throws Exception {
        return get("/api/settlement/persons/" + person + "/accumulators?year=" + YEAR).body();
    }

    private int outboxCount(String type, String settlementId) {
        return jdbc.queryForObject("select count(*) from outbox_event where event_type = ? and envelope like ?",
                Integer.class, type, "%" + settlementId + "%");
    }

    private <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** Bills are sent by the institution they name (a pharmacy's code starts with P); reversals by HOSPITAL. */
    private HttpResponse<String> post(String path, String body) {
        Matcher named = Pattern.compile("\"institutionCode\":\"([^\"]+)\"").matcher(body);
        String institution = named.find() ? named.group(1) : HOSPITAL;
        return api.as(institution.startsWith("P") ? TestCallers.pharmacy(institution) : TestCallers.his(institution))
                .post(path, body);
    }

    private HttpResponse<String> get(String path) {
        return api.get(path);
    }
}
