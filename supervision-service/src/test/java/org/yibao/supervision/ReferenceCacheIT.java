package org.yibao.supervision;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.institution.Institution;
import org.yibao.supervision.institution.InstitutionService;
import org.yibao.supervision.nationalcatalog.CatalogEntry;
import org.yibao.supervision.nationalcatalog.NationalCatalogService;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Institutions and catalog entries kept in memory between bills (issue 26) on a real PostgreSQL: a kept
 * value is answered without the database (a row changed behind the service's back is not seen within the
 * ttl of 5 s), and every change this instance makes is seen at once after it. The rows written behind the
 * service's back are this test's own (codes HRC..., XRC...): the database is shared with the module's
 * other tests.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceCacheIT {

    private static final LocalDate JAN_2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);
    private static final AtomicInteger CODES = new AtomicInteger();
    private static final AtomicLong VERSIONS = new AtomicLong(1_000);

    @Autowired
    private InstitutionService institutions;
    @Autowired
    private NationalCatalogService catalog;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Environment environment;
    @Autowired
    private JsonMapper json;

    private ServiceClient api;

    @BeforeAll
    void client() {
        api = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.MANAGER);
    }

    @Test
    void aKeptInstitutionIsReadAgainAfterItsAgreementChangesHere() {
        String code = registered();
        assertThat(institutions.find(code).map(Institution::status)).contains(AgreementStatus.ACTIVE);
        assertThat(check(code).at("/outcome").asString()).isNotEqualTo("BLOCK");
        // kept: a row changed behind the service's back is not read within the ttl
        jdbc.update("update institution set name = '改名' where code = ?", code);
        assertThat(institutions.find(code).map(Institution::name)).contains("缓存测试医院");

        HttpResponse<String> suspended = api.post("/api/supervision/institutions/" + code + "/agreement", """
                {"status":"SUSPENDED","effectiveFrom":"%s","reason":"cache test"}""".formatted(LocalDate.now()));

        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(institutions.find(code).map(Institution::status)).contains(AgreementStatus.SUSPENDED);
        assertThat(institutions.find(code).map(Institution::name)).as("read again").contains("改名");
        JsonNode verdict = check(code);
        assertThat(verdict.at("/outcome").asString()).isEqualTo("BLOCK");
        assertThat(verdict.at("/reasons/0").asString()).isEqualTo("institution " + code + "'s agreement is SUSPENDED");
    }

    @Test
    void anInstitutionNotRegisteredIsKeptAsAbsentUntilItIsRegisteredHere() {
        String code = String.format("HRC%07d", CODES.incrementAndGet());
        assertThat(institutions.find(code)).isEmpty();
        // kept: a row written behind the service's back is not read within the ttl
        jdbc.update("insert into institution (code, name, region_code, kind, level, status) values (?, '后补', '441700', 'HOSPITAL',"
                + " 'LEVEL_1', 'ACTIVE')", code);
        assertThat(institutions.find(code)).isEmpty();
        jdbc.update("delete from institution where code = ?", code);

        HttpResponse<String> response = api.post("/api/supervision/institutions", """
                {"code":"%s","name":"登记后","regionCode":"441700","kind":"HOSPITAL","level":"LEVEL_2",
                 "agreementFrom":"2019-01-01"}""".formatted(code));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(institutions.find(code).map(Institution::name)).as("registered here: read again").contains("登记后");
    }

    @Test
    void theCatalogAnswersTheNewEntriesRightAfterACatalogChange() {
        String code = "XRC" + CODES.incrementAndGet();
        String unlisted = "XRC" + CODES.incrementAndGet();
        catalog.changed(part(entry(code, JAN_2025, "20.00", null, Map.of()),
                entry(code, JAN_2026, "12.00", null, Map.of(InstitutionLevel.LEVEL_2, Money.of("10.00"), InstitutionLevel.LEVEL_3, Money.of("11.00")),
                        new CatalogChanged.Restriction("DIAGNOSES", "E10,E11", "限糖尿病患者"),
                        new CatalogChanged.Restriction("INPATIENT_ONLY", null, "限住院患者"),
                        new CatalogChanged.Restriction("MIN_LEVEL", "LEVEL_2", "限二级及以上医疗机构"))));

        Map<String, CatalogEntry> march = catalog.inForce(List.of(code, unlisted, code), LocalDate.of(2026, 3, 2));
        assertThat(march).containsOnlyKeys(code);
        CatalogEntry entry = march.get(code);
        assertThat(entry.validFrom()).isEqualTo(JAN_2026);
        assertThat(entry.priceCeiling()).isEqualTo(Money.of("12.00"));
        assertThat(entry.levelCeilings()).isEqualTo(Map.of(InstitutionLevel.LEVEL_2, Money.of("10.00"), InstitutionLevel.LEVEL_3,
                Money.of("11.00")));
        assertThat(entry.restrictions()).extracting(CatalogEntry.Restriction::kind).containsExactly("DIAGNOSES", "INPATIENT_ONLY",
                "MIN_LEVEL");
        assertThat(entry.restrictions().get(1).parameter()).isNull();
        assertThat(catalog.inForce(List.of(code), LocalDate.of(2025, 6, 1)).get(code).priceCeiling()).isEqualTo(Money.of("20.00"));
        assertThat(catalog.inForce(List.of(code), LocalDate.of(2024, 12, 31))).isEmpty();
        // kept: a row changed behind the service's back is not read within the ttl
        jdbc.update("update national_catalog_entry set price_ceiling = 99 where code = ?", code);
        assertThat(catalog.inForce(List.of(code), LocalDate.of(2026, 3, 2)).get(code).priceCeiling()).isEqualTo(Money.of("12.00"));

        catalog.changed(part(entry(code, JAN_2026, "15.00", LocalDate.of(2026, 2, 28), Map.of()),
                entry(unlisted, JAN_2026, "3.00", null, Map.of())));

        Map<String, CatalogEntry> after = catalog.inForce(List.of(code, unlisted), LocalDate.of(2026, 2, 1));
        assertThat(after.get(code).priceCeiling()).isEqualTo(Money.of("15.00"));
        assertThat(after.get(code).levelCeilings()).isEmpty();
        assertThat(after.get(code).restrictions()).isEmpty();
        assertThat(after.get(unlisted).priceCeiling()).as("a code kept as unlisted, listed since").isEqualTo(Money.of("3.00"));
        assertThat(catalog.inForce(List.of(code), LocalDate.of(2026, 3, 2))).as("ended, and the 2025 entry does not come back")
                .isEmpty();

        catalog.changed(part(removed(code, JAN_2026)));

        assertThat(catalog.inForce(List.of(code), LocalDate.of(2026, 3, 2)).get(code).validFrom())
                .as("the removed entry's earlier one is in force again").isEqualTo(JAN_2025);
    }

    // --- helpers ---

    private String registered() {
        String code = String.format("HRC%07d", CODES.incrementAndGet());
        HttpResponse<String> response = api.post("/api/supervision/institutions", """
                {"code":"%s","name":"缓存测试医院","regionCode":"441700","kind":"HOSPITAL","level":"LEVEL_2",
                 "agreementFrom":"2019-01-01"}""".formatted(code));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return code;
    }

    /** A pre-check of a plain consultation the rule library passes. */
    private JsonNode check(String institution) {
        String first17 = "441702" + "19800101" + String.format("%03d", 100 + CODES.incrementAndGet() % 400);
        HttpResponse<String> response = api.as(TestCallers.his(institution)).post("/api/supervision/pre-checks", """
                {"personId":"%s","institutionCode":"%s","visitType":"GENERAL_OUTPATIENT","serviceDate":"2026-03-02",
                 "diagnosisCodes":["J06.9"],"total":"20.00",
                 "lines":[{"itemCode":"001102000010000","itemClass":"A","quantity":1,"unitPrice":"20.00","amount":"20.00"}]}"""
                .formatted(first17 + ResidentId.checkCharacter(first17), institution));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static CatalogChanged part(CatalogChanged.Entry... entries) {
        return new CatalogChanged("test-" + UUID.randomUUID(), 1, 1, List.of(entries), Instant.now());
    }

    private static CatalogChanged.Entry entry(String code, LocalDate from, String ceiling, LocalDate to,
                                              Map<InstitutionLevel, Money> levelCeilings, CatalogChanged.Restriction... restrictions) {
        return new CatalogChanged.Entry(code, from, VERSIONS.incrementAndGet(), false, "缓存测试药品", ItemCategory.DRUG, ItemClass.B, to,
                Money.of(ceiling), levelCeilings, new BigDecimal("0.1"), false, List.of(restrictions));
    }

    private static CatalogChanged.Entry removed(String code, LocalDate from) {
        return new CatalogChanged.Entry(code, from, VERSIONS.incrementAndGet(), true, null, null, null, null, null, null, null, false,
                null);
    }
}
