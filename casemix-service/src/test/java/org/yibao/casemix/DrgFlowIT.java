package org.yibao.casemix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
        String id = "S-" + UUID.randomUUID();
        String person = "411702" + birth + String.format("%02d", ThreadLocalRandom.current().nextInt(100)) + "1";
        person = person + ResidentId.checkCharacter(person);
        settleStay(id, person, hospital, IN, OUT, main, procedure, total,
                new BigDecimal(total).multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.HALF_UP).toPlainString());
        String procedures = procedure == null ? "[]" : """
                [{"code":"%s","date":"%s","main":true}]""".formatted(procedure, IN.plusDays(1));
        String list = """
                {"settlementId":"%s","admissionDate":"%s","dischargeDate":"%s","mainDiagnosis":"%s","secondaryDiagnoses":%s,
                 "procedures":%s,"fees":[{"category":"SURGERY","amount":"%s"}],"ventilatorHours":%d,"newbornWeights":[],"department":"A03"}"""
                .formatted(id, IN, OUT, main, json.writeValueAsString(secondary), procedures, total, ventilatorHours);
        JsonNode uploaded = read(as(TestCallers.his(hospital)).post("/api/casemix/institutions/" + hospital + "/settlement-lists", list), 201);
        assertThat(uploaded.path("state").asString()).as(uploaded.toString()).isEqualTo("PASSED");
        return id;
    }

}
