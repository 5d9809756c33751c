package org.yibao.procurement;

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
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Procurement's copy of settlement's reimbursement catalog, fed by CatalogChanged on a real PostgreSQL
 * and Kafka: per (code, validFrom) the highest version wins, a removal drops the entry for good, a
 * replay changes nothing; a recommended catalog is refused an item the national catalog does not list
 * on its effectiveFrom, and a batch's products and a catalog's items show the national class and name.
 * Item codes here (XNC...) are this test's own: the database is shared with the module's other tests.
 * (Before any catalog is received nothing is refused: ListingTest, as the shared database may already
 * hold another test's catalog.)
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalCatalogIT {

    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 1);
    private static final String LISTED = "XNCP0001";
    private static final String UNLISTED = "XNCP0002";
    private static final String ENDED = "XNCP0003";

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
                {"batchId":"NC-1","name":"目录对照测试批次","level":"PROVINCIAL","kind":"DRUG",
                 "startsOn":"2026-01-01","endsOn":"2026-12-31",
                 "products":[
                   {"itemCode":"%s","genericName":"瑞舒伐他汀","specification":"10mg","manufacturer":"甲药业","winningPrice":0.20,"previousPrice":1.00},
                   {"itemCode":"%s","genericName":"阿托伐他汀","specification":"20mg","manufacturer":"乙药业","winningPrice":0.30,"previousPrice":1.50},
                   {"itemCode":"%s","genericName":"辛伐他汀","specification":"20mg","manufacturer":"丙药业","winningPrice":0.10,"previousPrice":0.50}]}"""
                .formatted(LISTED, UNLISTED, ENDED));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        events.publish(part(entry(LISTED, JAN_2026, 21, "瑞舒伐他汀钙片", ItemClass.B, null),
                entry(ENDED, JAN_2026, 22, "辛伐他汀片", ItemClass.A, LocalDate.of(2026, 3, 31))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(LISTED) + count(ENDED) == 2);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void theHighestVersionWinsARemovalIsFinalAndAReplayChangesNothing() {
        EventEnvelope<IntegrationEvent> first = events.publish(part(
                entry("XNC001", JAN_2026, 12, "新名称", ItemClass.B, null),
                entry("XNC002", JAN_2026, 12, "将被移除", ItemClass.A, null)));
        events.publish(part(entry("XNC001", JAN_2026, 11, "旧名称", ItemClass.C, null))); // older, late
        events.publish(part(removed("XNC002", JAN_2026, 13)));
        events.publish(part(entry("XNC002", JAN_2026, 12, "将被移除", ItemClass.A, null))); // the removed entry's older version, again
        events.publish(first); // redelivered as it was
        events.publish(part(entry("XNC001", JAN_2026, 12, "同版本", ItemClass.C, null))); // the same version, a new event
        events.publish(part(entry("XNC009", JAN_2026, 14, "标记", ItemClass.A, null)));  // one partition: when this is in, all is

        await().atMost(Duration.ofSeconds(30)).until(() -> count("XNC009") == 1);
        assertThat(jdbc.queryForList("""
                        select code || ' ver ' || ver || (case when removed then ' removed' else '' end) || ' class '
                            || coalesce(item_class, '-') || ' ' || coalesce(name, '-')
                        from national_catalog_entry where code in ('XNC001', 'XNC002') order by code""", String.class))
                .containsExactly("XNC001 ver 12 class B 新名称", "XNC002 ver 13 removed class - -");
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                first.eventId())).isEqualTo(1);
    }

    @Test
    void aRecommendedCatalogIsRefusedAnItemTheNationalCatalogDoesNotListOnItsEffectiveFrom() {
        HttpResponse<String> unlisted = publish("2026-02-01", LISTED, UNLISTED);
        HttpResponse<String> afterItsEnd = publish("2026-04-01", ENDED);
        HttpResponse<String> beforeItsBegin = publish("2025-12-31", LISTED);
        HttpResponse<String> listed = publish("2026-02-01", LISTED, ENDED);

        assertThat(unlisted.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unlisted.body()).at("/errors/0/field").asString()).isEqualTo("itemCodes");
        assertThat(unlisted.body()).contains(UNLISTED + " is not in the national reimbursement catalog on 2026-02-01");
        assertThat(afterItsEnd.statusCode()).as(afterItsEnd.body()).isEqualTo(400);
        assertThat(beforeItsBegin.statusCode()).as(beforeItsBegin.body()).isEqualTo(400);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
        JsonNode items = json.readTree(listed.body()).at("/catalogItems");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).at("/itemCode").asString()).isEqualTo(LISTED);
        assertThat(items.get(0).at("/genericName").asString()).isEqualTo("瑞舒伐他汀");
        assertThat(items.get(0).at("/nationalName").asString()).isEqualTo("瑞舒伐他汀钙片");
        assertThat(items.get(0).at("/itemClass").asString()).isEqualTo("B");
        assertThat(items.get(1).at("/itemClass").asString()).isEqualTo("A");
        assertThat(jdbc.queryForObject("select count(*) from recommended_catalog where catalog_code = 'STATINS'", Integer.class))
                .as("only the listed publication was recorded").isEqualTo(1);
    }

    @Test
    void aBatchShowsTheNationalClassAndNameOfItsProductsWhereTheCatalogListsThem() {
        JsonNode products = json.readTree(api.get("/api/procurement/batches/NC-1").body()).at("/products");

        assertThat(products.size()).isEqualTo(3);
        JsonNode listed = products.get(0);  // by item code: XNCP0001, XNCP0002, XNCP0003
        assertThat(listed.at("/item_code").asString()).isEqualTo(LISTED);
        assertThat(listed.at("/item_class").asString()).isEqualTo("B");
        assertThat(listed.at("/national_name").asString()).isEqualTo("瑞舒伐他汀钙片");
        assertThat(listed.at("/price_cut_percent").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(products.get(1).at("/item_class").isNull()).as(products.get(1).toString()).isTrue();
        // the entry of XNCP0003 ended on 2026-03-31: today it is out of the catalog
        assertThat(products.get(2).at("/item_class").isNull()).as(products.get(2).toString())
                .isEqualTo(LocalDate.now().isAfter(LocalDate.of(2026, 3, 31)));
    }

    // --- helpers ---

    private HttpResponse<String> publish(String effectiveFrom, String... codes) {
        return api.post("/api/procurement/recommended-catalogs", """
                {"catalogCode":"STATINS","name":"他汀类推荐目录","regionCode":"441700","effectiveFrom":"%s","itemCodes":[%s]}"""
                .formatted(effectiveFrom, String.join(",", List.of(codes).stream().map(c -> "\"" + c + "\"").toList())));
    }

    private static CatalogChanged part(CatalogChanged.Entry... entries) {
        return new CatalogChanged("test-" + UUID.randomUUID(), 1, 1, List.of(entries), Instant.now());
    }

    private static CatalogChanged.Entry entry(String code, LocalDate from, long ver, String name, ItemClass itemClass, LocalDate to) {
        return new CatalogChanged.Entry(code, from, ver, false, name, ItemCategory.DRUG, itemClass, to, null, null, null, true,
                List.of());
    }

    private static CatalogChanged.Entry removed(String code, LocalDate from, long ver) {
        return new CatalogChanged.Entry(code, from, ver, true, null, null, null, null, null, null, null, false, null);
    }

    private int count(String code) {
        return jdbc.queryForObject("select count(*) from national_catalog_entry where code = ? and not removed", Integer.class, code);
    }
}
