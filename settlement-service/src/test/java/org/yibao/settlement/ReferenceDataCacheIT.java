package org.yibao.settlement;

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
import org.yibao.contracts.events.ItemClass;
import org.yibao.settlement.catalog.CatalogCache;
import org.yibao.settlement.catalog.CatalogItem;
import org.yibao.settlement.readmodel.Institution;
import org.yibao.settlement.readmodel.InstitutionPeriods;
import org.yibao.settlement.readmodel.ReadModelService;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26: the catalog entries and institutions a settlement reads are kept in memory for a few seconds,
 * and what this instance changes is read again at once: an import of the catalog, an institution's
 * agreement announced (the other instance's lag is the ttl, docs/adr/0032).
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceDataCacheIT {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CatalogCache catalog;
    @Autowired
    private InstitutionPeriods institutions;
    @Autowired
    private ReadModelService readModels;

    private ServiceClient manager;
    private String prefix;

    @BeforeAll
    void client() {
        manager = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.MANAGER);
        prefix = "XRC" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void anImportIsReadAtOnceWhileAChangeBehindTheServicesBackIsNot() {
        String code = prefix + "01";
        String unknown = prefix + "99";
        imported(code + ",某药,2026-01-01,02,101");
        assertThat(catalog.find(List.of(code, unknown), DAY)).containsOnlyKeys(code);
        assertThat(catalog.find(List.of(code), DAY).get(code).itemClass()).isEqualTo(ItemClass.B);

        jdbc.update("update catalog_item set name = '背后改名' where code = ?", code);
        assertThat(catalog.find(List.of(code), DAY).get(code).name()).as("kept within the ttl").isEqualTo("某药");

        imported(code + ",某药,2026-01-01,01,101", unknown + ",新药,2026-01-01,03,101");
        CatalogItem now = catalog.find(List.of(code, unknown), DAY).get(code);
        assertThat(now.itemClass()).as("the import is read at once").isEqualTo(ItemClass.A);
        assertThat(catalog.find(List.of(unknown), DAY).get(unknown).itemClass()).as("an unknown code kept as absent is read again")
                .isEqualTo(ItemClass.C);
    }

    @Test
    void anInstitutionsAgreementAnnouncedHereIsReadAtOnce() {
        String code = prefix + "H1";
        assertThat(institutions.known(code)).isFalse();
        announce(code, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1));
        assertThat(institutions.on(code, DAY).map(Institution::status)).contains(AgreementStatus.ACTIVE);

        announce(code, AgreementStatus.SUSPENDED, DAY);

        assertThat(institutions.on(code, DAY).map(Institution::status)).contains(AgreementStatus.SUSPENDED);
        assertThat(institutions.on(code, DAY.minusDays(1)).map(Institution::status)).as("the day before, as it was")
                .contains(AgreementStatus.ACTIVE);
        assertThat(institutions.on(code, LocalDate.of(2018, 12, 31))).as("before its agreement").isEmpty();
    }

    private void imported(String... rows) {
        HttpResponse<String> response = manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + String.join("\n", rows) + "\n");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void announce(String code, AgreementStatus status, LocalDate from) {
        readModels.institutionStatusChanged(new InstitutionStatusChanged(code, "缓存测试医院", "441700", InstitutionKind.HOSPITAL,
                InstitutionLevel.LEVEL_2, null, status, from, null, Instant.now()));
    }
}
