package org.yibao.settlement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 25 end to end on a real PostgreSQL and Kafka: a settled bill's calculation trace stored with it and read through
 * the API (and a pre-settlement's in its answer); the monthly spending report adding up to the yearly one, and the yearly
 * report's totals.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculationTraceIT {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String HOSPITAL = "H44170000025";   // Yangjiang, level 3
    private static final String OTHER_HOSPITAL = "H44170000026";
    private static final int YEAR = LocalDate.now().getYear();
    private static final List<String> MONEY = List.of("total", "fullSelfPay", "priorSelfPay", "policyScope", "basicFund",
            "catastrophic", "supplementary", "assistance", "personalAccount", "cash");

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;

    @BeforeAll
    void institutionsExist() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
        events = new EventPublisher(json);
        for (String code : List.of(HOSPITAL, OTHER_HOSPITAL)) {
            events.publish(new InstitutionStatusChanged(code, "阳江某医院", "441700", InstitutionKind.HOSPITAL, InstitutionLevel.LEVEL_3,
                    null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(distinct code) from institution_period where code in (?, ?)", Integer.class, HOSPITAL, OTHER_HOSPITAL) == 2);
    }

    @AfterAll
    void closeClients() {
        events.close();
    }

    @Test
    void aSettledBillsTraceIsStoredWithItAndReadThroughTheApi() {
        String person = enrolledResident();
        HttpResponse<String> preSettled = hospital().post("/api/settlement/pre-settlements", bill("msg-" + UUID.randomUUID(), person,
                "10700.00", LocalDate.now()));
        HttpResponse<String> settled = hospital().post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person,
                "10700.00", LocalDate.now()));
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
        JsonNode bill = json.readTree(settled.body());
        String id = bill.at("/id").asString();

        HttpResponse<String> read = hospital().get("/api/settlement/settlements/" + id + "/trace");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode trace = json.readTree(read.body());
        assertThat(trace.at("/settlementId").asString()).isEqualTo(id);
        assertThat(trace.at("/policyPack").asString()).isEqualTo(bill.at("/policyPack").asString()).startsWith("yangjiang-2019-resident@");
        JsonNode steps = trace.at("/steps");
        assertThat(steps.size()).isEqualTo(11);
        Map<String, JsonNode> byLayer = new TreeMap<>();
        steps.forEach(s -> byLayer.put(s.at("/layer").asString(), s));
        assertThat(byLayer.get("DEDUCTIBLE").at("/amount").asString()).isEqualTo("700.00");
        assertThat(byLayer.get("BASIC_FUND").at("/amount").asString()).isEqualTo("6000.00");
        assertThat(byLayer.get("BASIC_FUND").at("/base").asString()).isEqualTo("10000.00");
        assertThat(byLayer.get("BASIC_FUND").at("/explanation").asString()).contains("60% of 10,000.00 above the deductible");
        // the layers are the bill's amounts, and the paying ones add up to the total (summed here with BigDecimal)
        Map<String, String> field = Map.of("TOTAL", "total", "FULL_SELF_PAY", "fullSelfPay", "PRIOR_SELF_PAY", "priorSelfPay",
                "POLICY_SCOPE", "policyScope", "DEDUCTIBLE", "deductible", "BASIC_FUND", "basicFund", "CATASTROPHIC", "catastrophic",
                "SUPPLEMENTARY", "supplementary", "ASSISTANCE", "assistance", "PERSONAL_ACCOUNT", "personalAccount");
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode step : steps) {
            String layer = step.at("/layer").asString();
            String amountField = field.getOrDefault(layer, "cash");
            assertThat(step.at("/amount").asString()).as(layer).isEqualTo(bill.at("/amounts/" + amountField).asString());
            if (List.of("BASIC_FUND", "CATASTROPHIC", "SUPPLEMENTARY", "ASSISTANCE", "PERSONAL_ACCOUNT", "CASH").contains(layer)) {
                paid = paid.add(new BigDecimal(step.at("/amount").asString()));
            }
        }
        assertThat(paid).isEqualByComparingTo(bill.at("/amounts/total").asString());
        // the same trace for staff who may read it, and in the pre-settlement's answer
        assertThat(json.readTree(api.as(TestCallers.ASSISTANCE_OFFICER).get("/api/settlement/settlements/" + id + "/trace").body()))
                .isEqualTo(trace);
        assertThat(preSettled.statusCode()).as(preSettled.body()).isEqualTo(200);
        assertThat(json.readTree(preSettled.body()).at("/trace")).isEqualTo(steps);
        assertThat(bill.has("trace")).as("a settled bill's trace is read at its own address").isFalse();
        assertThat(jdbc.queryForObject("select jsonb_array_length(calculation_trace) from settlement where id = ?::uuid",
                Integer.class, id)).isEqualTo(11);
    }

    @Test
    void aForeignHospitalMayNotReadTheTraceAndAnUnknownOrOlderBillHasNone() {
        String person = enrolledResident();
        String id = json.readTree(hospital().post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "800.00",
                LocalDate.now())).body()).at("/id").asString();

        HttpResponse<String> foreign = api.as(TestCallers.his(OTHER_HOSPITAL)).get("/api/settlement/settlements/" + id + "/trace");
        HttpResponse<String> unknown = hospital().get("/api/settlement/settlements/" + UUID.randomUUID() + "/trace");
        jdbc.update("update settlement set calculation_trace = null where id = ?::uuid", id); // as if settled before V15
        HttpResponse<String> older = hospital().get("/api/settlement/settlements/" + id + "/trace");
        HttpResponse<String> olderForeign = api.as(TestCallers.his(OTHER_HOSPITAL)).get("/api/settlement/settlements/" + id + "/trace");

        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("BASIC_FUND").doesNotContain("explanation");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(older.statusCode()).isEqualTo(404);
        assertThat(older.body()).contains("settled before calculation traces were stored");
        assertThat(olderForeign.statusCode()).as("ownership before anything about the bill").isEqualTo(403);
    }

    @Test
    void theMonthlyRowsAddUpToTheYearlyReportAndTheTotalsToItsRows() {
        String person = enrolledResident();
        LocalDate earlier = LocalDate.of(YEAR, 1, 2).isAfter(LocalDate.now()) ? LocalDate.now() : LocalDate.of(YEAR, 1, 2);
        String undone = json.readTree(hospital().post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person,
                "1200.00", earlier)).body()).at("/id").asString();
        assertThat(hospital().post("/api/settlement/settlements/" + undone + "/reversal", "{\"reason\":\"billed in error\"}")
                .statusCode()).isEqualTo(200);
        assertThat(hospital().post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "2000.00", earlier))
                .statusCode()).isEqualTo(201);
        assertThat(hospital().post("/api/settlement/settlements", bill("msg-" + UUID.randomUUID(), person, "4000.00", LocalDate.now()))
                .statusCode()).isEqualTo(201);

        HttpResponse<String> monthly = api.get("/api/settlement/reports/" + YEAR + "/months?region=441700");
        HttpResponse<String> yearly = api.get("/api/settlement/reports/" + YEAR + "?region=441700");
        HttpResponse<String> asAHospital = hospital().get("/api/settlement/reports/" + YEAR + "/months");
        HttpResponse<String> badRegion = api.get("/api/settlement/reports/" + YEAR + "/months?region=4417");

        assertThat(monthly.statusCode()).as(monthly.body()).isEqualTo(200);
        assertThat(yearly.statusCode()).as(yearly.body()).isEqualTo(200);
        assertThat(asAHospital.statusCode()).isEqualTo(403);
        assertThat(badRegion.statusCode()).isEqualTo(400);
        JsonNode months = json.readTree(monthly.body()).at("/months");
        JsonNode report = json.readTree(yearly.body());
        assertThat(months.size()).isPositive();
        // the months of each scheme and visit type add up, to the fen, to the yearly row
        Map<String, BigDecimal[]> summed = new TreeMap<>();
        Map<String, Long> counted = new TreeMap<>();
        for (JsonNode row : months) {
            assertThat(row.at("/month").asString()).startsWith(YEAR + "-");
            String key = row.at("/scheme").asString() + "/" + row.at("/visitType").asString();
            add(summed.computeIfAbsent(key, k -> zeros()), row);
            counted.merge(key, row.at("/settlements").asLong(), Long::sum);
        }
        Map<String, BigDecimal[]> yearRows = new TreeMap<>();
        for (JsonNode row : report.at("/spending")) {
            String key = row.at("/scheme").asString() + "/" + row.at("/visitType").asString();
            add(yearRows.computeIfAbsent(key, k -> zeros()), row);
            assertThat(counted.get(key)).as(key + " settlements").isEqualTo(row.at("/settlements").asLong());
        }
        assertThat(summed.keySet()).isEqualTo(yearRows.keySet());
        yearRows.forEach((key, sums) -> {
            for (int i = 0; i < MONEY.size(); i++) {
                assertThat(summed.get(key)[i]).as(key + " " + MONEY.get(i)).isEqualByComparingTo(sums[i]);
            }
        });
        // the reversed bill is left out of its month as of the year; this person's month rows hold 2,000.00 and 4,000.00
        assertThat(months.toString()).contains(earlier.toString().substring(0, 7));
        // the totals: per scheme, the sum of its rows; over all, the sum of every row
        Map<String, BigDecimal[]> byScheme = new TreeMap<>();
        BigDecimal[] all = zeros();
        for (JsonNode row : report.at("/spending")) {
            add(byScheme.computeIfAbsent(row.at("/scheme").asString(), k -> zeros()), row);
            add(all, row);
        }
        JsonNode totalsByScheme = report.at("/totalsByScheme");
        assertThat(totalsByScheme.size()).isEqualTo(byScheme.size());
        for (JsonNode total : totalsByScheme) {
            assertThat(total.at("/visitType").isNull()).isTrue();
            BigDecimal[] expected = byScheme.get(total.at("/scheme").asString());
            BigDecimal[] actual = zeros();
            add(actual, total);
            for (int i = 0; i < MONEY.size(); i++) {
                assertThat(actual[i]).as(total.at("/scheme").asString() + " " + MONEY.get(i)).isEqualByComparingTo(expected[i]);
            }
        }
        BigDecimal[] overall = zeros();
        add(overall, report.at("/totals"));
        for (int i = 0; i < MONEY.size(); i++) {
            assertThat(overall[i]).as("totals " + MONEY.get(i)).isEqualByComparingTo(all[i]);
        }
        assertThat(report.at("/totals/scheme").isNull()).isTrue();
        long bills = 0;
        for (JsonNode row : report.at("/spending")) {
            bills += row.at("/settlements").asLong();
        }
        assertThat(report.at("/totals/settlements").asLong()).isEqualTo(bills);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] sums = new BigDecimal[MONEY.size()];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        return sums;
    }

    private static void add(BigDecimal[] sums, JsonNode row) {
        for (int i = 0; i < MONEY.size(); i++) {
            sums[i] = sums[i].add(new BigDecimal(row.at("/" + MONEY.get(i)).asString()));
        }
    }

    private ServiceClient hospital() {
        return api.as(TestCallers.his(HOSPITAL));
    }

    private String enrolledResident() {
        String first17 = "441702" + "19750101" + String.format("%03d", PEOPLE.incrementAndGet() + 500);
        String person = first17 + ResidentId.checkCharacter(first17);
        events.publish(new PersonEnrolled(person, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, YEAR, LocalDate.of(YEAR, 1, 1),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(distinct year) from enrollment_period where person_id = ?", Integer.class, person) == 1);
        return person;
    }

    /** An inpatient bill of haemodialysis (血液透析, class A, 400.00 a session) adding up to {@code amount}. */
    private static String bill(String messageId, String person, String amount, LocalDate serviceDate) {
        String sessions = new BigDecimal(amount).divide(new BigDecimal("400")).toPlainString();
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"INPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],
                 "lines":[{"itemCode":"S311201001","quantity":%s,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOSPITAL, serviceDate, sessions);
    }
}
