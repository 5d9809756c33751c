package org.yibao.supervision;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peer comparison on a real PostgreSQL: six level-2 hospitals of one prefecture, thirty stays
 * each, one billing twice its peers per stay; drug amounts and laboratory lines only in the kept
 * lines (claims kept before ClaimSettled v2); a reversed claim, a pharmacy and a readmission.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerComparisonIT {

    private static final String[] HOSPITALS = {"H419901000001", "H419902000002", "H419901000003", "H419902000004",
            "H419901000005", "H419902000006"};
    /** Yuan per stay: the sixth bills about twice its peers. */
    private static final String[] COST = {"1010.00", "1020.00", "1030.00", "1040.00", "1050.00", "2060.00"};
    private static final LocalDate MARCH = LocalDate.of(2035, 3, 1);

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;

    @BeforeAll
    void claims() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.AUDITOR);
        for (int h = 0; h < HOSPITALS.length; h++) {
            institution(HOSPITALS[h], HOSPITALS[h].substring(1, 7), "HOSPITAL", "LEVEL_2");
            for (int i = 0; i < 30; i++) {
                stay(HOSPITALS[h] + "-" + i, "PC35" + h + "%02d".formatted(i), HOSPITALS[h], MARCH.plusDays(i % 28), null, null,
                        new BigDecimal(COST[h]), false);
            }
        }
        // the first hospital's first patient is admitted again at the second hospital 10 days after discharge
        jdbc.sql("update audited_claim set admitted_at = ?, discharged_at = ? where settlement_id = ?")
                .params(LocalDateTime.of(2035, 2, 25, 8, 0), LocalDateTime.of(2035, 3, 1, 10, 0), HOSPITALS[0] + "-0").update();
        jdbc.sql("update audited_claim set person_id = ?, admitted_at = ?, discharged_at = ?, service_date = ? where settlement_id = ?")
                .params("PC35000", LocalDateTime.of(2035, 3, 11, 9, 0), LocalDateTime.of(2035, 3, 15, 9, 0),
                        LocalDate.of(2035, 3, 15), HOSPITALS[1] + "-0").update();
        // the third hospital's first patient comes back 36 days later (service dates only): not a readmission
        stay(HOSPITALS[2] + "-late", "PC35200", HOSPITALS[2], MARCH.plusDays(36), null, null, new BigDecimal(COST[2]), false);
        // a reversed claim counts for nothing
        stay(HOSPITALS[0] + "-reversed", "PC35999", HOSPITALS[0], MARCH, null, null, new BigDecimal("99999.00"), true);
        // a pharmacy of the same prefecture is no hospital's peer
        institution("P419901000009", "419901", "PHARMACY", "UNGRADED");
        for (int i = 0; i < 30; i++) {
            jdbc.sql("""
                            insert into audited_claim (settlement_id, person_id, institution, region_code, visit_type, service_date,
                                                       diagnosis_codes, total, reversed)
                            values (?, ?, 'P419901000009', '419901', 'PHARMACY', ?, '', 50.00, false)""")
                    .params("P419901000009-" + i, "PC35P" + i, MARCH).update();
        }
    }

    @Test
    void theHospitalBillingTwiceItsPeersPerStayIsListedAsAnOutlierWithItsScore() throws Exception {
        HttpResponse<String> answer = api.get("/api/supervision/peer-comparison?year=2035&month=3&regionCode=419902");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode comparison = json.readTree(answer.body());
        assertThat(comparison.at("/groups")).hasSize(1);
        JsonNode group = comparison.at("/groups/0");
        assertThat(group.at("/prefecture").asString()).isEqualTo("419900");
        assertThat(group.at("/level").asString()).isEqualTo("LEVEL_2");
        assertThat(group.at("/institutions")).hasSize(6); // the pharmacy is not among them
        // 1010 1020 1030 1040 1050 2060: median 1035, MAD 15, M = 0.6745 * (2060 - 1035) / 15 = 46.09
        JsonNode inpatient = metric(group, "INPATIENT_COST_PER_CASE");
        assertThat(inpatient.at("/median").decimalValue()).isEqualByComparingTo("1035");
        assertThat(inpatient.at("/mad").decimalValue()).isEqualByComparingTo("15");
        JsonNode first = comparison.at("/outliers/0");
        assertThat(first.at("/institution").asString()).isEqualTo("H419902000006");
        assertThat(first.at("/metric").asString()).isEqualTo("INPATIENT_COST_PER_CASE");
        assertThat(first.at("/value").decimalValue()).isEqualByComparingTo("2060.00");
        assertThat(first.at("/median").decimalValue()).isEqualByComparingTo("1035");
        assertThat(first.at("/score").decimalValue()).isEqualByComparingTo("46.09");
        assertThat(first.at("/direction").asString()).isEqualTo("HIGH");

        JsonNode h1 = institution(group, "H419901000001");
        assertThat(h1.at("/cases").asLong()).as("the reversed claim is left out").isEqualTo(30);
        assertThat(value(h1, "INPATIENT_COST_PER_CASE").at("/value").decimalValue()).isEqualByComparingTo("1010.00");
        assertThat(value(h1, "DRUG_SHARE").at("/value").decimalValue()).as("from the kept lines").isEqualByComparingTo("0.3000");
        assertThat(value(h1, "TESTS_PER_VISIT").at("/value").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(value(h1, "OUTPATIENT_COST_PER_CASE").at("/standing").asString()).isEqualTo("NO_CASES");
        // one of thirty stays readmitted within 30 days, at another hospital
        assertThat(value(h1, "READMISSION_RATE_30D").at("/value").decimalValue()).isEqualByComparingTo("0.0333");
        assertThat(value(institution(group, "H419901000003"), "READMISSION_RATE_30D").at("/value").decimalValue())
                .as("36 days later is no readmission").isEqualByComparingTo("0");
        // its peers had none: MAD is 0 and the mean absolute deviation stands in,
        // M = 0.0333 / (1.253314 * 0.0333 / 6) = 4.79
        JsonNode readmission = metric(group, "READMISSION_RATE_30D");
        assertThat(readmission.at("/spread").asString()).isEqualTo("MEAN_ABSOLUTE_DEVIATION");
        JsonNode second = comparison.at("/outliers/1");
        assertThat(second.at("/institution").asString()).isEqualTo("H419901000001");
        assertThat(second.at("/metric").asString()).isEqualTo("READMISSION_RATE_30D");
        assertThat(second.at("/score").decimalValue()).isEqualByComparingTo("4.79");
        assertThat(comparison.at("/outliers")).hasSize(2);
        assertThat(comparison.at("/thresholds/minInstitutions").asInt()).isEqualTo(5);
    }

    @Test
    void aHospitalsOwnSystemMayNotSeeItsPeersAndBadParametersAreNamed() throws Exception {
        HttpResponse<String> his = api.as(TestCallers.his("H419901000001")).get("/api/supervision/peer-comparison?year=2035");
        HttpResponse<String> month = api.get("/api/supervision/peer-comparison?year=2035&month=13");
        HttpResponse<String> year = api.get("/api/supervision/peer-comparison?year=1999");
        HttpResponse<String> region = api.get("/api/supervision/peer-comparison?year=2035&regionCode=41990");
        HttpResponse<String> investigator = api.as(org.yibao.security.CallerIdentity.staff("inv-1", org.yibao.security.Role.INVESTIGATOR))
                .get("/api/supervision/peer-comparison?year=2035&regionCode=419901");

        assertThat(his.statusCode()).isEqualTo(403);
        assertThat(month.statusCode()).isEqualTo(400);
        assertThat(json.readTree(month.body()).at("/errors/0/field").asString()).isEqualTo("month");
        assertThat(json.readTree(year.body()).at("/errors/0/field").asString()).isEqualTo("year");
        assertThat(json.readTree(region.body()).at("/errors/0/field").asString()).isEqualTo("regionCode");
        assertThat(investigator.statusCode()).as(investigator.body()).isEqualTo(200);
    }

    private void institution(String code, String region, String kind, String level) {
        jdbc.sql("insert into institution (code, name, region_code, kind, level, status) values (?, '某机构', ?, ?, ?, 'ACTIVE')")
                .params(code, region, kind, level).update();
    }

    /** A stay kept without drug amount or test count (before ClaimSettled v2): a drug line of 30% and one laboratory line. */
    private void stay(String id, String person, String institution, LocalDate day, LocalDateTime admitted, LocalDateTime discharged,
                      BigDecimal total, boolean reversed) {
        jdbc.sql("""
                        insert into audited_claim (settlement_id, person_id, institution, region_code, visit_type, service_date,
                                                   diagnosis_codes, total, reversed, admitted_at, discharged_at)
                        values (?, ?, ?, ?, 'INPATIENT', ?, 'J18.9', ?, ?, ?, ?)""")
                .params(id, person, institution, institution.substring(1, 7), day, total, reversed, admitted, discharged).update();
        BigDecimal drugs = total.multiply(new BigDecimal("0.3")).setScale(2, java.math.RoundingMode.HALF_UP);
        jdbc.sql("""
                        insert into audited_line (settlement_id, line_no, item_code, category, item_class, quantity, unit_price, amount)
                        values (?, 1, 'XJ01CAA001A001010100001', 'DRUG', 'A', 1, ?, ?), (?, 2, 'S250101001', 'SERVICE', 'A', 1, ?, ?)""")
                .params(id, drugs, drugs, id, total.subtract(drugs), total.subtract(drugs)).update();
    }

    private static JsonNode metric(JsonNode group, String metric) {
        return StreamSupport.stream(group.at("/metrics").spliterator(), false)
                .filter(m -> m.at("/metric").asString().equals(metric)).findFirst().orElseThrow();
    }

    private static JsonNode institution(JsonNode group, String code) {
        return StreamSupport.stream(group.at("/institutions").spliterator(), false)
                .filter(i -> i.at("/institution").asString().equals(code)).findFirst().orElseThrow();
    }

    private static JsonNode value(JsonNode institution, String metric) {
        return StreamSupport.stream(institution.at("/metrics").spliterator(), false)
                .filter(m -> m.at("/metric").asString().equals(metric)).findFirst().orElseThrow();
    }
}
