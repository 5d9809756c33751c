package org.yibao.casemix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Settlement lists, their quality control and a DIP table built from them, on a real PostgreSQL and Kafka, by hand
 * (casemix-rules/411700-2021.yml, ASSUMPTION: core groups from 5 stays, 100 points scale, 95 yuan a point, level 3
 * coefficient 1.00). Each test's institutions are of a county of its own (411781 to 411783, 411799), so no test's stays
 * enter another's DIP table.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasemixFlowIT extends CasemixIntegrationTest {

    private static final LocalDate OUT = LocalDate.now(BEIJING).minusDays(10);
    private static final LocalDate IN = OUT.minusDays(5);
    private static final String COUNTY = "411799";

    @Test
    void aListIsCheckedAgainstItsStayCorrectedAndReadByTheBureau() {
        String hospital = known();
        String settlement = stay(hospital, "K35.800", "47.0100", "10000.00", "7000.00");
        ServiceClient his = as(TestCallers.his(hospital));
        String path = "/api/casemix/institutions/" + hospital + "/settlement-lists";

        JsonNode passed = read(his.post(path, list(settlement, IN, "K35.800", "47.0100", "10000.00")), 201);
        assertThat(passed.path("state").asString()).isEqualTo("PASSED");
        assertThat(passed.path("version").asInt()).isEqualTo(1);

        // the list says admitted a day early: held at 质控未完成 with that finding; a corrected list replaces it
        JsonNode early = read(his.post(path, list(settlement, IN.minusDays(1), "K35.800", "47.0100", "10000.00")), 201);
        assertThat(early.path("state").asString()).isEqualTo("INCOMPLETE");
        assertThat(early.path("version").asInt()).isEqualTo(2);
        assertThat(early.at("/findings/0/field").asString()).isEqualTo("admissionDate");
        assertThat(read(his.post(path, list(settlement, IN, "K35.800", "47.0100", "10000.00")), 201).path("state").asString())
                .isEqualTo("PASSED");

        // another hospital cannot upload or read it; a bad code is refused naming the field, before anything is written
        String other = known();
        HttpResponse<String> foreign = as(TestCallers.his(other)).post("/api/casemix/institutions/" + other + "/settlement-lists",
                list(settlement, IN, "K35.800", "47.0100", "10000.00"));
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(read(his.post(path, list(settlement, IN, "K35.8", "47.0100", "10000.00")), 400).toString()).contains("mainDiagnosis");
        assertThat(read(as(TestCallers.MANAGER).get(path + "/" + settlement), 200).path("version").asInt()).isEqualTo(3);

        // submitted (已提交, national 4102): once only a passed list; then it is not replaced
        JsonNode submitted = read(his.post(path + "/" + settlement + "/submission", ""), 200);
        assertThat(submitted.path("submittedAt").isNull()).isFalse();
        assertThat(read(his.post(path + "/" + settlement + "/submission", ""), 200).path("submittedAt").asString())
                .isEqualTo(submitted.path("submittedAt").asString());
        assertThat(read(his.post(path, list(settlement, IN, "K35.800", "47.0100", "10000.00")), 409).toString()).contains("settlementId");

        // a list before its settlement waits unchecked, and is checked when the settlement arrives
        String early2 = "S-" + UUID.randomUUID();
        assertThat(read(his.post(path, list(early2, IN, "J18.900", null, "5000.00")), 201).path("state").asString()).isEqualTo("UNCHECKED");
        // an unchecked list is not submitted
        assertThat(read(his.post(path + "/" + early2 + "/submission", ""), 409).toString()).contains("settlementId");
        stay(hospital, early2, "J18.900", null, "5000.00", "3500.00");
        await().atMost(Duration.ofSeconds(60)).until(() -> "PASSED".equals(jdbc.queryForObject(
                "select state from settlement_list where settlement_id = ?", String.class, early2)));

        JsonNode quality = read(as(TestCallers.MANAGER).get("/api/casemix/quality/" + YearMonth.from(OUT) + "?regionCode=" + COUNTY), 200);
        JsonNode mine = null;
        for (JsonNode q : quality) {
            if (q.path("institutionCode").asString().equals(hospital)) {
                mine = q;
            }
        }
        assertThat(mine).as(quality.toString()).isNotNull();
        assertThat(List.of(mine.path("lists").asLong(), mine.path("passed").asLong())).containsExactly(2L, 2L);
        assertThat(mine.path("passedPercent").decimalValue()).isEqualByComparingTo("100");
    }

    /**
     * A county's history: six K35.800 stays with 47.0100 (8,000, 9,000, 10,000, 11,000, 12,000, 10,000: mean 10,000.00) and
     * one J18.900 stay without a procedure (6,000.00, too few: the catch-all). All: 66,000 / 7 = 9,428.57. K35+47.0100:
     * 10,000.00 / 9,428.57 x 100 = 106.0606 points. The 10,000.00 stay (ratio 1.0000) at a level 3 hospital: 106.0606 x 95 x
     * 1.00 = 10,075.76; the person paid 3,000.00: the pooling fund's DIP payment 7,075.76 against 7,000.00 item by item, a
     * gain of 75.76.
     */
    @Test
    void aDipTableFromTheCountysHistoryAndAStayPricedByIt() {
        String county = "411781";
        String hospital = known(county);
        ServiceClient his = as(TestCallers.his(hospital));
        String path = "/api/casemix/institutions/" + hospital + "/settlement-lists";
        String priced = null;
        for (String cost : List.of("8000.00", "9000.00", "10000.00", "11000.00", "12000.00", "10000.00")) {
            String s = stay(hospital, "K35.800", "47.0100", cost, new java.math.BigDecimal(cost).multiply(new java.math.BigDecimal("0.7"))
                    .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            assertThat(read(his.post(path, list(s, IN, "K35.800", "47.0100", cost)), 201).path("state").asString()).isEqualTo("PASSED");
            priced = s;
        }
        String j18 = stay(hospital, "J18.900", null, "6000.00", "4200.00");
        read(his.post(path, list(j18, IN, "J18.900", null, "6000.00")), 201);

        JsonNode table = read(as(TestCallers.MANAGER).post("/api/casemix/dip/tables", """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(county, OUT.getYear(), OUT.minusDays(30),
                OUT.plusDays(1))), 201);
        assertThat(table.path("cases").asInt()).isEqualTo(7);
        assertThat(table.path("overallMean").asString()).isEqualTo("9428.57");
        JsonNode k35 = null;
        for (JsonNode g : table.path("groups")) {
            if (g.path("code").asString().equals("K35+47.0100")) {
                k35 = g;
            }
        }
        assertThat(k35).as(table.toString()).isNotNull();
        assertThat(k35.path("points").decimalValue()).isEqualByComparingTo("106.0606");
        String tableId = table.path("tableId").asString();

        JsonNode price = read(as(TestCallers.MANAGER).get("/api/casemix/dip/cases/" + priced + "?tableId=" + tableId), 200);
        assertThat(price.at("/group/code").asString()).isEqualTo("K35+47.0100");
        assertThat(price.at("/price/kind").asString()).isEqualTo("NORMAL");
        assertThat(price.at("/price/standard").asString()).isEqualTo("10075.76");
        assertThat(price.at("/price/fundPayment").asString()).isEqualTo("7075.76");
        assertThat(price.at("/price/difference").asString()).isEqualTo("75.76");
        assertThat(price.path("grouping").toString()).contains("core group (核心病种) K35+47.0100");

        // the same history again: a new version with the same groups and points
        JsonNode again = read(as(TestCallers.MANAGER).post("/api/casemix/dip/tables", """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(county, OUT.getYear(), OUT.minusDays(30),
                OUT.plusDays(1))), 201);
        assertThat(again.path("tableId").asString()).isNotEqualTo(tableId);
        assertThat(again.path("groups")).isEqualTo(table.path("groups"));
        // a hospital may not build or read tables
        assertThat(as(TestCallers.his(hospital)).get("/api/casemix/dip/tables/" + tableId).statusCode()).isEqualTo(403);
    }

    /**
     * Last December's stays of a county (the same seven as above: six K35+47.0100 at 106.0606 points, one J18 in the catch-all
     * at 6,000.00 / 9,428.57 x 100 = 63.6364 points), priced in December at the provisional 95 yuan a point: the K35 stays
     * 10,075.76 each, the J18 stay 6,045.46; the pooling fund's DIP payments (the standard less the 30% the person paid)
     * 46,700.02 in all. The year's DIP budget 70,000.00 over 6 x 106.0606 + 63.6364 = 700.0000 weighted points: 100.0000 a
     * point; the standards 10,606.06 x 6 + 6,363.64 = 70,000.00 (no rounding left); the fund pays 50,200.00: 3,499.98 more
     * than the provisional months, due to the hospital at the year-end. CMI: K35 106.0606 / the county's 100.0000 average.
     */
    @Test
    void aMonthPricedProvisionallyAndTheYearSettledAtItsPointValue() {
        LocalDate out = LocalDate.of(LocalDate.now(BEIJING).getYear() - 1, 12, 15);
        String county = "411782";
        String hospital = known(county);
        ServiceClient his = as(TestCallers.his(hospital));
        String path = "/api/casemix/institutions/" + hospital + "/settlement-lists";
        for (String cost : List.of("8000.00", "9000.00", "10000.00", "11000.00", "12000.00", "10000.00")) {
            String s = stayOn(hospital, out, "K35.800", "47.0100", cost, new java.math.BigDecimal(cost).multiply(new java.math.BigDecimal("0.7"))
                    .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            read(his.post(path, listOn(s, out, "K35.800", "47.0100", cost)), 201);
        }
        String j18 = stayOn(hospital, out, "J18.900", null, "6000.00", "4200.00");
        read(his.post(path, listOn(j18, out, "J18.900", null, "6000.00")), 201);
        ServiceClient bureau = as(TestCallers.MANAGER);
        String tableId = read(bureau.post("/api/casemix/dip/tables", """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(county, out.getYear(), out.withDayOfMonth(1),
                out.withDayOfMonth(31))), 201).path("tableId").asString();
        String base = "/api/casemix/dip/tables/" + tableId;

        // the year cannot be settled before its months are priced; a month not ended is refused naming it
        assertThat(read(bureau.post(base + "/years/" + out.getYear() + "/point-value", "{\"budget\":\"70000.00\"}"), 422).toString())
                .contains("year");
        assertThat(read(bureau.post(base + "/months/" + YearMonth.now(BEIJING) + "/pricing", ""), 422).toString()).contains("month");

        JsonNode december = read(bureau.post(base + "/months/" + YearMonth.from(out) + "/pricing", ""), 200);
        assertThat(december.path("priced").asInt()).isEqualTo(7);
        assertThat(december.at("/institutions/0/fundPayment").asString()).isEqualTo("46700.02");
        // announced to the fund clearing: 46,700.02 against 46,200.00 item by item (70% of 66,000.00): 500.02 more; pricing it
        // again changes nothing and announces nothing
        assertThat(adjustments(hospital)).containsExactly("PROVISIONAL 500.02");
        assertThat(read(bureau.post(base + "/months/" + YearMonth.from(out) + "/pricing", ""), 200).at("/institutions/0/fundPayment")
                .asString()).isEqualTo("46700.02");
        assertThat(adjustments(hospital)).containsExactly("PROVISIONAL 500.02");
        // the same history built again (v2) and December priced under it: its prices replace v1's, nothing new is owed
        String v2 = read(bureau.post("/api/casemix/dip/tables", """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(county, out.getYear(), out.withDayOfMonth(1),
                out.withDayOfMonth(31))), 201).path("tableId").asString();
        base = "/api/casemix/dip/tables/" + v2;
        assertThat(read(bureau.post(base + "/months/" + YearMonth.from(out) + "/pricing", ""), 200).path("priced").asInt()).isEqualTo(7);
        assertThat(adjustments(hospital)).containsExactly("PROVISIONAL 500.02");
        // a month of another year than the table's is refused naming it
        assertThat(read(bureau.post(base + "/months/" + YearMonth.from(out).minusMonths(12) + "/pricing", ""), 422).toString())
                .contains("month");

        JsonNode year = read(bureau.post(base + "/years/" + out.getYear() + "/point-value", "{\"budget\":\"70000.00\"}"), 201);
        assertThat(year.at("/pointValue/pointValue").decimalValue()).isEqualByComparingTo("100");
        assertThat(year.at("/pointValue/weightedPoints").decimalValue()).isEqualByComparingTo("700");
        assertThat(year.path("standards").asString()).isEqualTo("70000.00");
        assertThat(year.path("rounding").asString()).isEqualTo("0.00");
        assertThat(List.of(year.at("/institutions/0/provisional").asString(), year.at("/institutions/0/fin").asString(),
                year.at("/institutions/0/adjustment").asString())).containsExactly("46700.02", "50200.00", "3499.98");
        assertThat(adjustments(hospital)).containsExactly("PROVISIONAL 500.02", "FINAL 3499.98");
        // once only; the month is priced at the year's value now, not again provisionally
        assertThat(read(bureau.post(base + "/years/" + out.getYear() + "/point-value", "{\"budget\":\"80000.00\"}"), 409).toString())
                .contains("year");
        assertThat(read(bureau.post(base + "/months/" + YearMonth.from(out) + "/pricing", ""), 422).toString()).contains("month");

        JsonNode report = read(bureau.get(base + "/years/" + out.getYear() + "/report?basis=FINAL"), 200);
        JsonNode whole = report.get(0);
        assertThat(whole.path("department").isNull()).isTrue();
        assertThat(whole.path("stays").asInt()).isEqualTo(7);
        assertThat(whole.path("averagePoints").decimalValue()).isEqualByComparingTo("100");
        assertThat(whole.path("cmi").decimalValue()).isEqualByComparingTo("1");
        assertThat(whole.path("fundPayment").asString()).isEqualTo("50200.00");
        assertThat(read(bureau.get(base + "/years/" + out.getYear() + "/report?basis=SOMETIME"), 400).toString()).contains("basis");
        // the hospital reads its own lines: its whole line and its department's (A03)
        JsonNode own = read(his.get("/api/casemix/institutions/" + hospital + "/dip/" + base.substring("/api/casemix/dip/".length())
                + "/years/" + out.getYear() + "/report?basis=FINAL"), 200);
        assertThat(own).extracting(l -> l.path("department").isNull() ? "ALL" : l.path("department").asString()).containsExactly("ALL", "A03");
        assertThat(own.get(0).path("difference").asString()).isEqualTo(whole.path("difference").asString());
    }

    /**
     * A stay reversed after its month was priced: six K35+47.0100 stays of last December (8,000 to 12,000, mean 10,000.00 =
     * the mean of all: 100 points each, 9,500.00 at 95 a point); each one's DIP payment less item by item is 9,500.00 - cost:
     * -3,000.00 announced. The 12,000.00 stay reversed and the month priced again: its -2,500.00 is no longer owed: +2,500.00.
     * Another hospital's list of a settlement not arrived yet is dropped when it arrives, and its own hospital uploads it.
     */
    @Test
    void aStayReversedAfterPricingIsTakenBackAndAListOfAnotherHospitalIsDropped() {
        LocalDate out = LocalDate.of(LocalDate.now(BEIJING).getYear() - 1, 12, 10);
        String county = "411783";
        String hospital = known(county);
        ServiceClient his = as(TestCallers.his(hospital));
        String path = "/api/casemix/institutions/" + hospital + "/settlement-lists";
        String reversed = null;
        for (String cost : List.of("8000.00", "9000.00", "10000.00", "11000.00", "12000.00", "10000.00")) {
            String s = stayOn(hospital, out, "K35.800", "47.0100", cost, new java.math.BigDecimal(cost).multiply(new java.math.BigDecimal("0.7"))
                    .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            read(his.post(path, listOn(s, out, "K35.800", "47.0100", cost)), 201);
            if (cost.equals("12000.00")) {
                reversed = s;
            }
        }
        ServiceClient bureau = as(TestCallers.MANAGER);
        String base = "/api/casemix/dip/tables/" + read(bureau.post("/api/casemix/dip/tables", """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(county, out.getYear(), out.withDayOfMonth(1),
                out.withDayOfMonth(31))), 201).path("tableId").asString();
        read(bureau.post(base + "/months/" + YearMonth.from(out) + "/pricing", ""), 200);
        assertThat(adjustments(hospital)).containsExactly("PROVISIONAL -3000.00");

        String reversal = "R-" + UUID.randomUUID();
        String gone = reversed;
        events.publish(new org.yibao.contracts.events.ClaimReversed(reversal, gone, "411702198101010011", hospital, "411702", Scheme.RESIDENT,
                VisitType.INPATIENT, out.getYear(), out.plusDays(20).atTime(9, 0).atZone(BEIJING).toInstant(), "billed in error",
                new SettlementAmounts(Money.of("12000.00"), Money.ZERO, Money.ZERO, Money.of("12000.00"), Money.ZERO, Money.of("8400.00"),
                        Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.of("3600.00")), List.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select reversed from inpatient_case where settlement_id = ?",
                Boolean.class, gone));
        assertThat(read(bureau.post(base + "/months/" + YearMonth.from(out) + "/pricing", ""), 200).path("priced").asInt()).isEqualTo(5);
        assertThat(adjustments(hospital)).containsExactly("PROVISIONAL -3000.00", "PROVISIONAL 2500.00");

        // another hospital uploads a list of this hospital's settlement before it arrives: dropped when it arrives
        String other = known(county);
        String early = "S-" + UUID.randomUUID();
        read(as(TestCallers.his(other)).post("/api/casemix/institutions/" + other + "/settlement-lists",
                listOn(early, out, "K35.800", "47.0100", "10000.00")), 201);
        stay(hospital, early, out.minusDays(5), out, "K35.800", "47.0100", "10000.00", "7000.00");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from settlement_list where settlement_id = ?", early) == 0);
        assertThat(read(his.post(path, listOn(early, out, "K35.800", "47.0100", "10000.00")), 201).path("state").asString()).isEqualTo("PASSED");
    }

    // --- fixtures

    private String known() {
        return known(COUNTY);
    }

    private String stay(String hospital, String diagnosis, String procedure, String total, String basic) {
        return stay(hospital, "S-" + UUID.randomUUID(), diagnosis, procedure, total, basic);
    }

    private String stayOn(String hospital, LocalDate out, String diagnosis, String procedure, String total, String basic) {
        return stay(hospital, "S-" + UUID.randomUUID(), out.minusDays(5), out, diagnosis, procedure, total, basic);
    }

    private String stay(String hospital, String id, String diagnosis, String procedure, String total, String basic) {
        return stay(hospital, id, IN, OUT, diagnosis, procedure, total, basic);
    }

    /** A man born 1 January 1981 stays from in to out; settled; awaited. */
    private String stay(String hospital, String id, LocalDate in, LocalDate out, String diagnosis, String procedure, String total,
                        String basic) {
        String person = "41170219810101" + String.format("%02d", ThreadLocalRandom.current().nextInt(100)) + "1";
        person = person + ResidentId.checkCharacter(person);
        settleStay(id, person, hospital, in, out, diagnosis, procedure, total, basic);
        return id;
    }

    private static String listOn(String settlement, LocalDate out, String main, String procedure, String total) {
        return list(settlement, out.minusDays(5), out, main, procedure, total);
    }

    private static String list(String settlement, LocalDate admission, String main, String procedure, String total) {
        return list(settlement, admission, OUT, main, procedure, total);
    }

    private static String list(String settlement, LocalDate admission, LocalDate out, String main, String procedure, String total) {
        String procedures = procedure == null ? "[]" : """
                [{"code":"%s","date":"%s","main":true}]""".formatted(procedure, admission.plusDays(1));
        return """
                {"settlementId":"%s","admissionDate":"%s","dischargeDate":"%s","mainDiagnosis":"%s","secondaryDiagnoses":[],
                 "procedures":%s,"fees":[{"category":"SURGERY","amount":"%s"}],"ventilatorHours":0,"newbornWeights":[],"department":"A03"}"""
                .formatted(settlement, admission, out, main, procedures, total);
    }

}
