package org.yibao.casemix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DRG on a real PostgreSQL and Kafka, by hand: a county's passed lists grouped by the SAMPLE CHS-DRG tables
 * (drg-tables/chs-drg-1.1-sample.yml), its relative weights built from them (casemix-rules/411700-2021.yml: a DRG needs 5
 * cases, ASSUMPTION) and cases priced at the sample's base rate for 411700 (9,500.00, ASSUMPTION) at a level 3 hospital
 * (coefficient 1.00). The county (411760 to 411778) is new to each run.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrgFlowIT extends CasemixIntegrationTest {

    private static final LocalDate OUT = LocalDate.now(BEIJING).minusDays(10);
    private static final LocalDate IN = OUT.minusDays(5);
    private static final String ADULT = "19810101";
    private static final String CHILD = LocalDate.now(BEIJING).minusYears(8).minusMonths(1).toString().replace("-", "");

    /**
     * The county's history: five appendectomies without a CC (K35.800 + 47.0100: 8,000 to 12,000, GD25, mean 10,000.00);
     * one with pneumonia as a CC (14,000.00, GD23: fewer than 5, its ADRG GD2 pooled: 64,000 / 6 = 10,666.67); a child of 8
     * with pneumonia (3,000.00, ES19: the age split); a hip replacement on an appendicitis (20,000.00: 歧义组 GQY, left out).
     * The seven grouped: 67,000 / 7 = 9,571.43. Weights: GD25 10,000 / 9,571.43 = 1.0448; GD23 10,666.67 / 9,571.43 =
     * 1.1144; ES19 3,000 / 9,571.43 = 0.3134. The 10,000.00 appendectomy (ratio 1.0000): 1.0448 x 9,500 x 1.00 = 9,925.60;
     * the person paid 3,000.00: the pooling fund's DRG payment 6,925.60 against 7,000.00 item by item, a loss of −74.40.
     */
    @Test
    void weightsFromTheCountysHistoryAndCasesGroupedAndPriced() {
        String county = "4117" + (60 + ThreadLocalRandom.current().nextInt(19));
        String hospital = known(county);
        String priced = null;
        for (String cost : List.of("8000.00", "9000.00", "10000.00", "11000.00", "12000.00")) {
            String s = passed(hospital, ADULT, "K35.800", List.of(), "47.0100", cost);
            if (cost.equals("10000.00")) {
                priced = s;
            }
        }
        String withCc = passed(hospital, ADULT, "K35.800", List.of("J18.900"), "47.0100", "14000.00");
        String child = passed(hospital, CHILD, "J18.900", List.of(), null, "3000.00");
        String ambiguous = passed(hospital, ADULT, "K35.800", List.of(), "81.5100", "20000.00");

        JsonNode table = read(as(TestCallers.MANAGER).post("/api/casemix/drg/weights", body(county)), 201);
        assertThat(table.path("weightsId").asString()).startsWith(county + "-" + OUT.getYear() + "-drg-v");
        assertThat(table.path("edition").asString()).contains("SAMPLE");
        assertThat(List.of(table.path("cases").asInt(), table.path("ungroupable").asInt(), table.path("minCases").asInt())).containsExactly(7, 1, 5);
        assertThat(table.path("overallMean").asString()).isEqualTo("9571.43");
        assertThat(table.path("baseRate").decimalValue()).isEqualByComparingTo("9500.00");
        assertThat(weight(table, "GD25").path("weight").decimalValue()).isEqualByComparingTo("1.0448");
        assertThat(weight(table, "GD25").path("basis").asString()).isEqualTo("DRG");
        assertThat(weight(table, "GD23").path("weight").decimalValue()).isEqualByComparingTo("1.1144");
        assertThat(weight(table, "GD23").path("basis").asString()).isEqualTo("ADRG");
        assertThat(weight(table, "ES19").path("weight").decimalValue()).isEqualByComparingTo("0.3134");
        assertThat(table.path("weights")).hasSize(3);
        String weightsId = table.path("weightsId").asString();
        assertThat(read(as(TestCallers.AUDITOR).get("/api/casemix/drg/weights/" + weightsId), 200)).isEqualTo(table);

        JsonNode price = read(as(TestCallers.MANAGER).get("/api/casemix/drg/cases/" + priced + "?weightsId=" + weightsId), 200);
        assertThat(price.at("/grouping/drg").asString()).isEqualTo("GD25");
        assertThat(price.at("/grouping/mdc").asString()).isEqualTo("MDCG");
        assertThat(price.at("/grouping/trace").toString()).contains("main procedure 47.0100 takes surgical ADRG GD2");
        assertThat(price.at("/price/kind").asString()).isEqualTo("NORMAL");
        assertThat(price.at("/price/standard").asString()).isEqualTo("9925.60");
        assertThat(price.at("/price/fundPayment").asString()).isEqualTo("6925.60");
        assertThat(price.at("/price/difference").asString()).isEqualTo("-74.40");
        assertThat(price.at("/price/trace").toString()).contains("loss (超支) -74.40");

        // the CC case: GD23 on its ADRG's pooled mean (14,000 / 10,666.67 = 1.3125, normal): 1.1144 x 9,500 = 10,586.80
        JsonNode cc = read(as(TestCallers.AUDITOR).get("/api/casemix/drg/cases/" + withCc + "?weightsId=" + weightsId), 200);
        assertThat(cc.at("/grouping/drg").asString()).isEqualTo("GD23");
        assertThat(cc.at("/grouping/severity").asString()).isEqualTo("CC");
        assertThat(cc.at("/price/ratio").decimalValue()).isEqualByComparingTo("1.3125");
        assertThat(cc.at("/price/standard").asString()).isEqualTo("10586.80");
        // the child: ES19 by age; the hip replacement on an appendicitis: GQY, not priced, said why
        JsonNode young = read(as(TestCallers.MANAGER).get("/api/casemix/drg/cases/" + child + "?weightsId=" + weightsId), 200);
        assertThat(young.at("/grouping/drg").asString()).isEqualTo("ES19");
        assertThat(young.at("/grouping/trace").toString()).contains("age 8");
        JsonNode qy = read(as(TestCallers.MANAGER).get("/api/casemix/drg/cases/" + ambiguous + "?weightsId=" + weightsId), 200);
        assertThat(qy.at("/grouping/outcome").asString()).isEqualTo("AMBIGUOUS");
        assertThat(qy.at("/grouping/drg").asString()).isEqualTo("GQY");
        assertThat(qy.path("price").isNull()).isTrue();
        assertThat(qy.path("unpriced").asString()).contains("GQY");

        // the same history again: a new version with the same weights
        JsonNode again = read(as(TestCallers.MANAGER).post("/api/casemix/drg/weights", body(county)), 201);
        assertThat(again.path("weightsId").asString()).isNotEqualTo(weightsId);
        assertThat(again.path("weights")).isEqualTo(table.path("weights"));

        // pneumonia ventilated 100 hours (the list's ventilator hours): pre-MDC AH19, which had no case in the history
        String ventilated = passed(hospital, ADULT, "J18.900", List.of(), null, 100, "60000.00");
        JsonNode pre = read(as(TestCallers.MANAGER).get("/api/casemix/drg/cases/" + ventilated + "?weightsId=" + weightsId), 200);
        assertThat(pre.at("/grouping/mdc").asString()).isEqualTo("MDCA");
        assertThat(pre.at("/grouping/drg").asString()).isEqualTo("AH19");
        assertThat(pre.path("unpriced").asString()).contains("AH19 has no weight");

        // a hospital may not build or read weights; bad input is refused naming the field, changing nothing
        assertThat(as(TestCallers.his(hospital)).get("/api/casemix/drg/weights/" + weightsId).statusCode()).isEqualTo(403);
        long tables = count("select count(*) from drg_weight_table");
        assertThat(read(as(TestCallers.MANAGER).post("/api/casemix/drg/weights", """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(county, OUT.getYear(), OUT, OUT.minusDays(1))), 400)
                .toString()).contains("basisTo");
        assertThat(read(as(TestCallers.MANAGER).get("/api/casemix/drg/cases/" + priced + "?weightsId=v1"), 400).toString()).contains("weightsId");
        // a stay of another county's hospital is not priced by this county's weights
        String elsewhere = passed(known("411779"), ADULT, "K35.800", List.of(), "47.0100", "10000.00");
        assertThat(read(as(TestCallers.MANAGER).get("/api/casemix/drg/cases/" + elsewhere + "?weightsId=" + weightsId), 422).toString())
                .contains("weightsId");
        // a region without a base rate in the tables: refused naming regionCode
        assertThat(read(as(TestCallers.MANAGER).post("/api/casemix/drg/weights", body("410100")), 422).toString()).contains("regionCode");
        assertThat(count("select count(*) from drg_weight_table")).isEqualTo(tables);
    }

    /**
     * Last December in a county: hospital A paid by DRG (assigned by the bureau), hospital B by the region's default, DIP.
     * A: six appendectomies (K35.800 + 47.0100: 4,000, 9,000, 10,000, 11,000, 12,000, 30,000.00) and a hip replacement on an
     * appendicitis (歧义组 GQY); B: five at 10,000.00 and a child of 8 with pneumonia (3,000.00, ES19). The weights from the
     * county's twelve grouped stays: GD25 126,000 / 11 = 11,454.55, overall 129,000 / 12 = 10,750.00: 1.0655. December priced
     * by DRG takes A's stays only (B's by DIP): 4,000 / 11,454.55 = ratio 0.3492, a low outlier (低倍率) at 1.0655 x 0.3492 =
     * 0.3721 = 3,534.95 at the base rate 9,500.00; 30,000: ratio 2.6190, a high outlier (高倍率) at 1.0655 x 1.6190 = 1.7250 =
     * 16,387.50; the other four 10,122.25 each; the standards 60,411.45, the fund's 37,611.45 (less the 30% the person paid)
     * against 53,200.00 item by item: -15,588.55 announced. The year's DRG budget 63,591.00 over 6.3591 weighted weights:
     * a base rate of 10,000.0000; the fund pays 40,791.00: 3,179.55 more at the year-end.
     */
    @Test
    void aDrgHospitalsMonthPricedByWeightAndItsYearAtTheYearsBaseRate() {
        LocalDate out = LocalDate.of(LocalDate.now(BEIJING).getYear() - 1, 12, 15);
        int year = out.getYear();
        String county = "411784";
        String a = known(county);
        String b = known(county);
        ServiceClient bureau = as(TestCallers.MANAGER);
        // the bureau assigns A to DRG for the year (a hospital may not; an unknown institution is refused naming it)
        assertThat(as(TestCallers.his(a)).put("/api/casemix/payment-methods/" + year + "/" + a, "{\"method\":\"DRG\"}").statusCode())
                .isEqualTo(403);
        assertThat(read(bureau.put("/api/casemix/payment-methods/" + year + "/H411784NOBODY", "{\"method\":\"DRG\"}"), 422).toString())
                .contains("institutionCode");
        assertThat(read(bureau.put("/api/casemix/payment-methods/" + year + "/" + a, "{\"method\":\"CASE\"}"), 400).toString())
                .contains("method");
        JsonNode assigned = read(bureau.put("/api/casemix/payment-methods/" + year + "/" + a, "{\"method\":\"DRG\"}"), 200);
        assertThat(assigned.path("method").asString()).isEqualTo("DRG");
        assertThat(assigned.path("setBy").asString()).isEqualTo(TestCallers.MANAGER.clientId());
        assertThat(read(bureau.get("/api/casemix/payment-methods/" + year + "?regionCode=" + county), 200))
                .extracting(x -> x.path("institutionCode").asString()).containsExactly(a);

        List<String> aStays = new java.util.ArrayList<>();
        for (String cost : List.of("4000.00", "9000.00", "10000.00", "11000.00", "12000.00", "30000.00")) {
            aStays.add(passedOn(out, a, ADULT, "K35.800", List.of(), "47.0100", 0, cost));
        }
        passedOn(out, a, ADULT, "K35.800", List.of(), "81.5100", 0, "20000.00");
        for (int i = 0; i < 5; i++) {
            passedOn(out, b, ADULT, "K35.800", List.of(), "47.0100", 0, "10000.00");
        }
        String child = LocalDate.now(BEIJING).minusYears(9).withMonth(1).withDayOfMonth(10).toString().replace("-", "");
        passedOn(out, b, child, "J18.900", List.of(), null, 0, "3000.00");
        String history = """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(county, year, out.withDayOfMonth(1), out.withDayOfMonth(31));
        JsonNode weights = read(bureau.post("/api/casemix/drg/weights", history), 201);
        assertThat(weight(weights, "GD25").path("weight").decimalValue()).isEqualByComparingTo("1.0655");
        String base = "/api/casemix/drg/weights/" + weights.path("weightsId").asString();

        JsonNode december = read(bureau.post(base + "/months/" + YearMonth.from(out) + "/pricing", ""), 200);
        assertThat(december.path("method").asString()).isEqualTo("DRG");
        assertThat(december.path("priced").asInt()).isEqualTo(6);
        assertThat(december.path("notPricedCount").asInt()).isEqualTo(1);
        assertThat(december.path("notPriced").toString()).contains("GQY");
        assertThat(december.path("institutions")).hasSize(1);
        JsonNode sum = december.at("/institutions/0");
        assertThat(List.of(sum.path("institutionCode").asString(), sum.path("standard").asString(), sum.path("fundPayment").asString(),
                sum.path("itemFund").asString(), sum.path("difference").asString()))
                .containsExactly(a, "60411.45", "37611.45", "53200.00", "-15588.55");
        assertThat(adjustments(a)).containsExactly("DRG PROVISIONAL -15588.55");
        JsonNode low = read(bureau.get("/api/casemix/drg/cases/" + aStays.get(0) + "?weightsId=" + weights.path("weightsId").asString()), 200);
        assertThat(List.of(low.path("basis").asString(), low.at("/price/kind").asString(), low.at("/price/weight").decimalValue().toPlainString(),
                low.at("/price/standard").asString())).containsExactly("PROVISIONAL", "LOW_OUTLIER", "0.3721", "3534.95");

        // B's stays are DIP's: a DIP table of the same history prices B's six, not A's
        String dipTable = read(bureau.post("/api/casemix/dip/tables", history), 201).path("tableId").asString();
        JsonNode dipMonth = read(bureau.post("/api/casemix/dip/tables/" + dipTable + "/months/" + YearMonth.from(out) + "/pricing", ""), 200);
        assertThat(dipMonth.path("priced").asInt()).isEqualTo(6);
        assertThat(dipMonth.path("institutions")).extracting(x -> x.path("institutionCode").asString()).containsExactly(b);
        // A's year cannot now be moved to DIP: its stays are priced by DRG
        assertThat(read(bureau.put("/api/casemix/payment-methods/" + year + "/" + a, "{\"method\":\"DIP\"}"), 409).toString())
                .contains("method");

        JsonNode settled = read(bureau.post(base + "/years/" + year + "/base-rate", "{\"budget\":\"63591.00\"}"), 201);
        assertThat(settled.at("/pointValue/method").asString()).isEqualTo("DRG");
        assertThat(settled.at("/pointValue/weightedPoints").decimalValue()).isEqualByComparingTo("6.3591");
        assertThat(settled.at("/pointValue/pointValue").decimalValue()).isEqualByComparingTo("10000");
        assertThat(List.of(settled.path("standards").asString(), settled.path("rounding").asString())).containsExactly("63591.00", "0.00");
        assertThat(List.of(settled.at("/institutions/0/provisional").asString(), settled.at("/institutions/0/fin").asString(),
                settled.at("/institutions/0/adjustment").asString())).containsExactly("37611.45", "40791.00", "3179.55");
        assertThat(adjustments(a)).containsExactly("DRG PROVISIONAL -15588.55", "DRG FINAL 3179.55");
        assertThat(read(bureau.post(base + "/years/" + year + "/base-rate", "{\"budget\":\"1.00\"}"), 409).toString()).contains("year");
        // another version of the weights cannot price or settle the settled year again (a reviewer's case: it re-priced a month
        // of a settled year and clearing was owed final − provisional of the old version on top of the new)
        String v2 = "/api/casemix/drg/weights/" + read(bureau.post("/api/casemix/drg/weights", history), 201).path("weightsId").asString();
        assertThat(read(bureau.post(v2 + "/months/" + YearMonth.from(out) + "/pricing", ""), 422).toString()).contains("month");
        assertThat(read(bureau.post(v2 + "/years/" + year + "/base-rate", "{\"budget\":\"63591.00\"}"), 409).toString()).contains("year");
        assertThat(adjustments(a)).containsExactly("DRG PROVISIONAL -15588.55", "DRG FINAL 3179.55");
        // a case read after the year is priced at the year's base rate: 0.3721 x 10,000 = 3,721.00 (an independent tester's case)
        JsonNode lowFinal = read(bureau.get("/api/casemix/drg/cases/" + aStays.get(0) + "?weightsId=" + weights.path("weightsId").asString()), 200);
        assertThat(List.of(lowFinal.path("basis").asString(), lowFinal.at("/price/standard").asString())).containsExactly("FINAL", "3721.00");
        // what casemix told the fund clearing, per method, basis, institution, month and scheme: A's by DRG, B's by DIP
        JsonNode told = read(as(TestCallers.AUDITOR).get("/api/casemix/adjustments/" + year + "?regionCode=" + county), 200);
        assertThat(told).filteredOn(x -> x.path("institutionCode").asString().equals(a))
                .extracting(x -> x.path("method").asString() + " " + x.path("basis").asString() + " " + x.path("period").asString() + " "
                        + x.path("amount").asString() + " " + x.path("stays").asInt())
                .containsExactly("DRG PROVISIONAL " + YearMonth.from(out) + " -15588.55 6", "DRG FINAL " + YearMonth.from(out) + " 3179.55 6");
        assertThat(told).filteredOn(x -> x.path("institutionCode").asString().equals(b)).extracting(x -> x.path("method").asString())
                .containsOnly("DIP");
        assertThat(read(bureau.post(base + "/years/" + year + "/base-rate", "{\"budget\":\"0.00\"}"), 400).toString()).contains("budget");

        // the report: A's weights (CMI against the county's DRG stays), its outliers, its gain or loss; A reads its own lines
        JsonNode report = read(bureau.get(base + "/years/" + year + "/report?basis=FINAL"), 200);
        JsonNode whole = report.get(0);
        assertThat(List.of(whole.path("institutionCode").asString(), whole.path("stays").asText(), whole.path("points").decimalValue().toPlainString(),
                whole.path("highOutliers").asText(), whole.path("lowOutliers").asText(), whole.path("difference").asString()))
                .containsExactly(a, "6", "6.3591", "1", "1", "-12409.00");
        JsonNode own = read(as(TestCallers.his(a)).get("/api/casemix/institutions/" + a + "/drg/weights/" + weights.path("weightsId").asString()
                + "/years/" + year + "/report?basis=FINAL"), 200);
        assertThat(own.get(0)).isEqualTo(whole);
        assertThat(as(TestCallers.his(b)).get("/api/casemix/institutions/" + a + "/drg/weights/" + weights.path("weightsId").asString()
                + "/years/" + year + "/report").statusCode()).isEqualTo(403);
    }

    // --- fixtures

    private static String body(String region) {
        return """
                {"regionCode":"%s","year":%d,"basisFrom":"%s","basisTo":"%s"}""".formatted(region, OUT.getYear(), OUT.minusDays(30), OUT.plusDays(1));
    }

    private static JsonNode weight(JsonNode table, String drg) {
        for (JsonNode w : table.path("weights")) {
            if (w.path("drg").asString().equals(drg)) {
                return w;
            }
        }
        throw new AssertionError("no weight of " + drg + " in " + table);
    }

    /**
     * A man born on {@code birth} stays from IN to OUT (the pooling fund paid 70% item by item), settled; his hospital uploads
     * the list, which passes quality control.
     */
    private String passed(String hospital, String birth, String main, List<String> secondary, String procedure, String total) {
        return passed(hospital, birth, main, secondary, procedure, 0, total);
    }

    private String passed(String hospital, String birth, String main, List<String> secondary, String procedure, int ventilatorHours,
                          String total) {
        return passedOn(OUT, hospital, birth, main, secondary, procedure, ventilatorHours, total);
    }

    /** As above, discharged on {@code out} after five days. */
    private String passedOn(LocalDate out, String hospital, String birth, String main, List<String> secondary, String procedure,
                            int ventilatorHours, String total) {
        LocalDate in = out.minusDays(5);
        String id = "S-" + UUID.randomUUID();
        String person = "411702" + birth + String.format("%02d", ThreadLocalRandom.current().nextInt(100)) + "1";
        person = person + ResidentId.checkCharacter(person);
        settleStay(id, person, hospital, in, out, main, procedure, total,
                new BigDecimal(total).multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.HALF_UP).toPlainString());
        String procedures = procedure == null ? "[]" : """
                [{"code":"%s","date":"%s","main":true}]""".formatted(procedure, in.plusDays(1));
        String list = """
                {"settlementId":"%s","admissionDate":"%s","dischargeDate":"%s","mainDiagnosis":"%s","secondaryDiagnoses":%s,
                 "procedures":%s,"fees":[{"category":"SURGERY","amount":"%s"}],"ventilatorHours":%d,"newbornWeights":[],"department":"A03"}"""
                .formatted(id, in, out, main, json.writeValueAsString(secondary), procedures, total, ventilatorHours);
        JsonNode uploaded = read(as(TestCallers.his(hospital)).post("/api/casemix/institutions/" + hospital + "/settlement-lists", list), 201);
        assertThat(uploaded.path("state").asString()).as(uploaded.toString()).isEqualTo("PASSED");
        return id;
    }

}
