package org.yibao.procurement;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Procurement on a real PostgreSQL and Kafka: a batch and its price cuts, agreed volumes applied
 * whole or not at all, consumption from claims counted exactly once and taken back by a reversal,
 * completion, VBP share and savings, and a recommended catalog published for settlement.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcurementFlowIT {

    private static final String AMLODIPINE = "XC08CAA001A001010100001";
    private static final String AMLODIPINE_BRAND = "XC08CAA001A001010100099";
    private static final String METFORMIN = "XA10BAA001A001010100002";
    private static final int YEAR = 2026;

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;
    private EventPublisher events;

    @BeforeAll
    void batch() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.PROCUREMENT_OFFICER);
        events = new EventPublisher(json);
        HttpResponse<String> created = api.post("/api/procurement/batches", """
                {"batchId":"NATIONAL-4","name":"第四批国家组织药品集中采购","level":"NATIONAL","kind":"DRUG",
                 "startsOn":"2026-01-01","endsOn":"2026-12-31",
                 "products":[
                   {"itemCode":"%s","genericName":"氨氯地平","specification":"5mg","manufacturer":"甲药业","winningPrice":0.30,"previousPrice":0.90},
                   {"itemCode":"%s","genericName":"二甲双胍","specification":"0.5g","manufacturer":"乙药业","winningPrice":0.10,"previousPrice":0.40}],
                 "sameGenericItems":[{"itemCode":"%s","genericName":"氨氯地平"}]}""".formatted(AMLODIPINE, METFORMIN, AMLODIPINE_BRAND));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // the national catalog lists the products (NationalCatalogIT may have sent procurement a catalog already,
        // and a recommended catalog's items must then be listed on its effectiveFrom)
        events.publish(new CatalogChanged("flow-" + UUID.randomUUID(), 1, 1, List.of(
                listed(AMLODIPINE, "苯磺酸氨氯地平片"), listed(METFORMIN, "盐酸二甲双胍片")), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from national_catalog_entry where code in (?, ?)", Integer.class, AMLODIPINE, METFORMIN) == 2);
    }

    private static CatalogChanged.Entry listed(String code, String name) {
        return new CatalogChanged.Entry(code, LocalDate.of(2025, 1, 1), 1, false, name, ItemCategory.DRUG, ItemClass.A, null, null,
                null, null, true, List.of());
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void aBatchShowsItsPriceCuts() {
        JsonNode batch = json.readTree(api.get("/api/procurement/batches/NATIONAL-4").body());

        assertThat(batch.at("/products/0/price_cut_percent").decimalValue()).isEqualByComparingTo("75.00"); // metformin 0.40 -> 0.10
        assertThat(batch.at("/average_price_cut_percent").decimalValue()).isEqualByComparingTo("70.84");   // (66.67 + 75.00) / 2 = 70.835, half up
        // dates are dates, whatever the server's zone (they were midnight of the JVM's zone written in UTC)
        assertThat(batch.at("/starts_on").asString()).isEqualTo("2026-01-01");
        assertThat(batch.at("/ends_on").asString()).isEqualTo("2026-12-31");
    }

    /** The console's batch list (issue 25): the batches in force in a year, each as the batch's own page answers it. */
    @Test
    void theBatchesOfAYearAreListedWithTheirProductsAndCuts() {
        HttpResponse<String> later = api.post("/api/procurement/batches", """
                {"batchId":"ALLIANCE-2028","name":"2028 联盟采购","level":"ALLIANCE","kind":"CONSUMABLE",
                 "startsOn":"2028-03-01","endsOn":"2029-02-28",
                 "products":[{"itemCode":"C0101010100000000002028","genericName":"冠脉支架","specification":"3.0x18mm","manufacturer":"戊器械",
                   "winningPrice":700.00,"previousPrice":13000.00}]}""");
        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);

        HttpResponse<String> of2026 = api.as(TestCallers.MANAGER).get("/api/procurement/batches?year=2026");
        JsonNode of2029 = json.readTree(api.get("/api/procurement/batches?year=2029").body());
        JsonNode all = json.readTree(api.get("/api/procurement/batches").body());

        assertThat(of2026.statusCode()).as(of2026.body()).isEqualTo(200);
        JsonNode list = json.readTree(of2026.body());
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(b -> ids.add(b.at("/batch_id").asString()));
        assertThat(ids).contains("NATIONAL-4").doesNotContain("ALLIANCE-2028");
        JsonNode national = list.get(ids.indexOf("NATIONAL-4"));
        assertThat(national).isEqualTo(json.readTree(api.get("/api/procurement/batches/NATIONAL-4").body()));
        assertThat(national.at("/products").size()).isEqualTo(2);
        assertThat(national.at("/average_price_cut_percent").decimalValue()).isEqualByComparingTo("70.84");
        assertThat(of2029.toString()).contains("ALLIANCE-2028").doesNotContain("NATIONAL-4");
        assertThat(of2029.get(0).at("/products/0/generic_name").asString()).isEqualTo("冠脉支架");
        assertThat(all.size()).isEqualTo(jdbc.queryForObject("select count(*) from batch", Integer.class));
        for (String bad : new String[] {"1999", "2101", "twenty"}) {
            HttpResponse<String> refused = api.get("/api/procurement/batches?year=" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"year\"");
        }
        assertThat(api.as(TestCallers.his("H41170000081")).get("/api/procurement/batches?year=2026").statusCode()).isEqualTo(403);
    }

    @Test
    void aVolumeFileWithBadRowsAppliesNothingAndAGoodOneAppliesWhole() {
        HttpResponse<String> bad = api.post("/api/procurement/agreed-volumes/" + YEAR, "text/csv",
                "institution,itemCode,volume\nH41170000001," + AMLODIPINE + ",1000\nH41170000001,NOPE,10\nH41170000002," + METFORMIN + ",-5\n");

        assertThat(bad.statusCode()).isEqualTo(422);
        JsonNode report = json.readTree(bad.body());
        assertThat(report.at("/applied").asBoolean()).isFalse();
        assertThat(report.at("/errors/0/line").asLong()).isEqualTo(3);
        assertThat(report.at("/errors/0/field").asString()).isEqualTo("itemCode");
        assertThat(report.at("/errors/1/field").asString()).isEqualTo("volume");
        assertThat(jdbc.queryForObject("select count(*) from agreed_volume where institution = 'H41170000001'", Integer.class)).isZero();
    }

    @Test
    void claimsMoveCompletionOnceAndAReversalMovesItBack() {
        api.post("/api/procurement/agreed-volumes/" + YEAR, "text/csv",
                "institution,itemCode,volume\nH41170000009," + AMLODIPINE + ",1000\nH41170000009," + METFORMIN + ",500\n");
        ClaimSettled claim = claim("H41170000009", line(AMLODIPINE, "28", "0.30"), line(AMLODIPINE_BRAND, "14", "0.90"),
                line("S120100001", "1", "40.00"));
        EventEnvelope<IntegrationEvent> envelope = events.publish(claim);
        events.publish(envelope); // delivered twice
        // a later claim of the same person (same partition, so consumed after both deliveries): once it shows, the
        // duplicate has been processed too, and must not have counted (issue 19: waiting for 28 alone was already
        // true after the first delivery, so the test could not fail)
        events.publish(claim("H41170000009", line(METFORMIN, "10", "0.10")));

        await().atMost(Duration.ofSeconds(30)).until(() -> row("H41170000009", METFORMIN).at("/consumed").decimalValue()
                .compareTo(new BigDecimal("10")) == 0);
        JsonNode amlodipine = row("H41170000009", AMLODIPINE);
        assertThat(amlodipine.at("/consumed").decimalValue()).as("the duplicate delivery counted once").isEqualByComparingTo("28");
        assertThat(amlodipine.at("/completionPercent").decimalValue()).isEqualByComparingTo("2.80");
        assertThat(amlodipine.at("/vbpSharePercent").decimalValue()).isEqualByComparingTo("66.67"); // 28 of 42
        assertThat(amlodipine.at("/savings").asString()).isEqualTo("16.80");                        // 0.60 x 28
        assertThat(amlodipine.at("/behind").asBoolean()).isEqualTo(amlodipine.at("/elapsedPercent").decimalValue()
                .compareTo(new BigDecimal("2.80")) > 0);

        events.publish(new ClaimReversed(UUID.randomUUID().toString(), claim.settlementId(), claim.personId(), "H41170000009", "441700",
                Scheme.RESIDENT, VisitType.GENERAL_OUTPATIENT, YEAR, Instant.now(), "wrong patient", claim.amounts(), claim.lines()));
        await().atMost(Duration.ofSeconds(30)).until(() -> row("H41170000009", AMLODIPINE).at("/consumed").decimalValue().signum() == 0);
        assertThat(api.get("/api/procurement/batches/NATIONAL-4/report.csv?year=" + YEAR).body())
                .startsWith("\uFEFFinstitution,itemCode").contains("H41170000009," + AMLODIPINE);
    }

    /** Found by the independent review: 1.23456789 was stored as 1.235, and 1e12 refused without its line. */
    @Test
    void volumesAreNeverRoundedAndARefusalNamesItsLine() {
        HttpResponse<String> refused = api.post("/api/procurement/agreed-volumes/" + YEAR, "text/csv",
                "institution,itemCode,volume\nH41170000082," + AMLODIPINE + ",1.23456789\nH41170000082," + METFORMIN + ",1e12\n"
                        + "\"H41170000083\",\"" + METFORMIN + "\",\"10\"\n");

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode errors = json.readTree(refused.body()).at("/errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).at("/line").asLong()).isEqualTo(2);
        assertThat(errors.get(0).at("/reason").asString()).contains("more than 3 decimals");
        assertThat(errors.get(1).at("/line").asLong()).isEqualTo(3);
        assertThat(errors.get(1).at("/field").asString()).isEqualTo("volume");
        assertThat(jdbc.queryForObject("select count(*) from agreed_volume where institution like 'H4117000008%'", Integer.class)).isZero();
    }

    @Test
    void theCsvReportQuotesACommaAndNeutralisesAFormulaInAName() throws IOException {
        String formula = "=HYPERLINK(\"http://x\")";
        HttpResponse<String> created = api.post("/api/procurement/batches", """
                {"batchId":"PROVINCIAL-CSV","name":"CSV export","level":"PROVINCIAL","kind":"DRUG",
                 "startsOn":"2026-01-01","endsOn":"2026-12-31",
                 "products":[
                   {"itemCode":"XC08CAA001A001010100701","genericName":"氨氯地平, 苯磺酸盐","specification":"5mg","manufacturer":"丙药业","winningPrice":0.20,"previousPrice":0.50},
                   {"itemCode":"XA10BAA001A001010100702","genericName":"%s","specification":"0.5g","manufacturer":"丁药业","winningPrice":0.10,"previousPrice":0.30}]}"""
                .formatted(formula.replace("\"", "\\\"")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> formulaInstitution = api.post("/api/procurement/agreed-volumes/" + YEAR, "text/csv",
                "institution,itemCode,volume\n\"" + formula.replace("\"", "\"\"") + "\",XC08CAA001A001010100701,100\n");
        HttpResponse<String> volumes = api.post("/api/procurement/agreed-volumes/" + YEAR, "text/csv",
                "institution,itemCode,volume\nH41170000081,XC08CAA001A001010100701,100\nH41170000081,XA10BAA001A001010100702,200\n");
        assertThat(formulaInstitution.statusCode()).isEqualTo(422);
        assertThat(formulaInstitution.body()).contains("\"field\":\"institution\"");
        assertThat(volumes.statusCode()).as(volumes.body()).isEqualTo(200);

        String csv = api.get("/api/procurement/batches/PROVINCIAL-CSV/report.csv?year=" + YEAR).body();
        assertThat(csv).as("a UTF-8 mark, so that Excel on Chinese Windows shows the names").startsWith("\uFEFF");
        csv = csv.substring(1);
        List<CSVRecord> records = CSVParser.parse(csv, CSVFormat.RFC4180).getRecords();

        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.size()).isEqualTo(12));
        assertThat(records.get(0).get(0)).isEqualTo("institution");
        // rows by institution and item code: XA10... before XC08...
        assertThat(records.get(1).values()).startsWith("H41170000081", "XA10BAA001A001010100702", "'" + formula, "200.000");
        assertThat(records.get(2).values()).startsWith("H41170000081", "XC08CAA001A001010100701", "氨氯地平, 苯磺酸盐", "100.000");
        assertThat(csv).doesNotContain("," + formula).doesNotStartWith(formula);
    }

    @Test
    void purchaseReportsCountBesideClaimsAndLaggingInstitutionsAreListed() {
        api.post("/api/procurement/agreed-volumes/" + YEAR, "text/csv", "institution,itemCode,volume\nH41170000007," + METFORMIN + ",100000\n");
        HttpResponse<String> bad = api.post("/api/procurement/purchase-reports", "text/csv",
                "institution,itemCode,quantity,purchasedOn\nH41170000007," + METFORMIN + ",500,2026-02-01\nH41170000007," + METFORMIN + ",0,2026-02-02\n");
        HttpResponse<String> good = api.post("/api/procurement/purchase-reports", "text/csv",
                "institution,itemCode,quantity,purchasedOn\nH41170000007," + METFORMIN + ",500,2026-02-01\n");

        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(row("H41170000007", METFORMIN).at("/purchased").decimalValue()).isEqualByComparingTo("500");
        JsonNode behind = json.readTree(api.get("/api/procurement/batches/NATIONAL-4/institutions-behind?year=" + YEAR).body());
        assertThat(behind.toString()).contains("\"institution\":\"H41170000007\"");
    }

    @Test
    void aRecommendedCatalogIsPublishedForSettlementAsANewVersionEachTime() {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from outbox_event", Long.class);
        HttpResponse<String> first = api.post("/api/procurement/recommended-catalogs", """
                {"catalogCode":"LIANGBING","name":"两病用药推荐目录","regionCode":"500116","effectiveFrom":"2026-01-01",
                 "itemCodes":["%s","%s"]}""".formatted(AMLODIPINE, METFORMIN));
        HttpResponse<String> second = api.post("/api/procurement/recommended-catalogs", """
                {"catalogCode":"LIANGBING","name":"两病用药推荐目录","regionCode":"500116","effectiveFrom":"2026-07-01",
                 "itemCodes":["%s"]}""".formatted(AMLODIPINE));
        HttpResponse<String> unknown = api.post("/api/procurement/recommended-catalogs", """
                {"catalogCode":"LIANGBING","name":"x","regionCode":"500116","effectiveFrom":"2026-07-01","itemCodes":["NOPE"]}""");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json.readTree(second.body()).at("/version").asInt()).isEqualTo(2);
        assertThat(json.readTree(unknown.body()).at("/errors/0/field").asString()).isEqualTo("itemCodes");
        // the events this test caused, not every catalog of the shared database
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'VbpCatalogPublished' and id > ?",
                Integer.class, before)).isEqualTo(2);
    }

    // --- helpers ---

    private JsonNode row(String institution, String item) {
        for (JsonNode r : json.readTree(api.get("/api/procurement/batches/NATIONAL-4/report?year=" + YEAR).body())) {
            if (r.at("/institution").asString().equals(institution) && r.at("/itemCode").asString().equals(item)) {
                return r;
            }
        }
        throw new AssertionError("no report row for " + institution + " " + item);
    }

    private static ClaimSettled claim(String institution, ClaimLine... lines) {
        String first17 = "44170219700101" + "555";
        Money total = Money.sum(List.of(lines).stream().map(ClaimLine::amount).toList());
        SettlementAmounts amounts = new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, total, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        return new ClaimSettled(UUID.randomUUID().toString(), first17 + ResidentId.checkCharacter(first17), institution, "441700",
                Scheme.RESIDENT, VisitType.GENERAL_OUTPATIENT, YEAR, LocalDate.of(YEAR, 3, 1), List.of("I10"), Instant.now(),
                "bench", amounts, null, List.of(lines));
    }

    private static ClaimLine line(String code, String quantity, String price) {
        Money unit = Money.of(price);
        return new ClaimLine(code, "item", ItemCategory.DRUG, ItemClass.A, new BigDecimal(quantity), unit,
                Money.rounded(unit.amount().multiply(new BigDecimal(quantity)), java.math.RoundingMode.HALF_UP), Money.ZERO, true);
    }
}
