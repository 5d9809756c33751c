package org.yibao.settlement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the national catalog's item file (医保目录信息, the 1312 layout with its national field names,
 * extra columns of the layout included) imported whole or not at all, and a re-import a no-op.
 */
@PlatformIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogImportIT {

    @Autowired
    private Environment environment;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private JsonMapper json;

    private ServiceClient manager;
    private String prefix;

    @BeforeAll
    void client() {
        manager = new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), TestCallers.MANAGER);
        prefix = "XIMP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A file as downloaded: tab-separated, the layout's management columns beside the ones priced by. */
    private String file(String... rows) {
        StringBuilder text = new StringBuilder(
                "hilist_code\thilist_name\tbegndate\tenddate\tmed_chrgitm_type\tchrgitm_lv\tlmt_used_flag\tlist_type\tvali_flag\trid\tupdt_time\n");
        for (String row : rows) {
            text.append(row).append('\n');
        }
        return text.toString();
    }

    @Test
    void anItemFileIsAppliedWholeAndAgainChangesNothing() {
        String items = file(
                prefix + "01\t苯磺酸氨氯地平片\t2026-01-01\t\t09\t01\t0\t101\t1\tR1\t2026-01-01 00:00:00",
                prefix + "02\t阿卡波糖片\t2026-01-01\t2026-06-30\t09\t02\t0\t101\t1\tR2\t2026-01-01 00:00:00",
                prefix + "02\t阿卡波糖片\t2026-07-01\t\t09\t01\t0\t101\t1\tR3\t2026-07-01 00:00:00",
                prefix + "03\t血液透析\t2026-01-01 00:00:00\t\t05\t01\t0\t201\t1\tR4\t2026-01-01 00:00:00",
                prefix + "04\t撤销的耗材\t2026-01-01\t\t08\t03\t0\t301\t0\tR5\t2026-01-01 00:00:00");

        HttpResponse<String> first = manager.post("/api/settlement/catalog/imports/items", "text/tab-separated-values", items);
        HttpResponse<String> again = manager.post("/api/settlement/catalog/imports/items", "text/tab-separated-values", items);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode report = json.readTree(first.body());
        assertThat(report.at("/rows").asLong()).isEqualTo(5);
        assertThat(report.at("/added").asLong()).isEqualTo(4);
        assertThat(report.at("/withdrawn").asLong()).isEqualTo(1);
        JsonNode second = json.readTree(again.body());
        assertThat(second.at("/added").asLong()).isZero();
        assertThat(second.at("/changed").asLong()).isZero();
        assertThat(second.at("/unchanged").asLong()).isEqualTo(4);
        assertThat(jdbc.queryForList("select item_class from catalog_item where code = ? order by valid_from", String.class,
                prefix + "02")).containsExactly("B", "A");
        assertThat(jdbc.queryForObject("select category from catalog_item where code = ?", String.class, prefix + "03"))
                .isEqualTo("SERVICE");
        assertThat(jdbc.queryForObject("select count(*) from catalog_item where code = ?", Integer.class, prefix + "04")).isZero();
    }

    @Test
    void aChangedEntryIsChangedAndItsCeilingKept() {
        manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + prefix + "10,某药,2026-01-01,02,101\n");
        jdbc.update("update catalog_item set price_ceiling = 9.99 where code = ?", prefix + "10");

        HttpResponse<String> renamed = manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + prefix + "10,\"某药, 新名\",2026-01-01,02,101\n");

        assertThat(json.readTree(renamed.body()).at("/changed").asLong()).as(renamed.body()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select name, price_ceiling::text as ceiling from catalog_item where code = ?", prefix + "10"))
                .containsEntry("name", "某药, 新名").containsEntry("ceiling", "9.99");
    }

    @Test
    void aFileWithABadRowChangesNothingAndNamesEveryBadRow() {
        HttpResponse<String> refused = manager.post("/api/settlement/catalog/imports/items", "text/csv", String.join("\n",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type",
                prefix + "20,好药,2026-01-01,01,101",
                prefix + "21,坏等级,2026-01-01,09,101",
                prefix + "22,坏日期,2026-13-01,01,101",
                prefix + "20,重复,2026-01-01,01,101") + "\n");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode report = json.readTree(refused.body());
        assertThat(report.at("/applied").asBoolean()).isFalse();
        assertThat(report.at("/rejectedRows/0/line").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/field").asString()).isEqualTo("chrgitm_lv");
        assertThat(report.at("/rejectedRows/1/field").asString()).isEqualTo("begndate");
        assertThat(report.at("/rejectedRows/2/reason").asString()).contains("repeats line 2");
        assertThat(jdbc.queryForObject("select count(*) from catalog_item where code = ?", Integer.class, prefix + "20")).isZero();
    }

    @Test
    void aFileWithoutTheLayoutsColumnsIsRefusedNamingThem() {
        HttpResponse<String> refused = manager.post("/api/settlement/catalog/imports/items", "text/csv", "code,name\nX,Y\n");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).at("/errors/0/field").asString()).isEqualTo("header");
        assertThat(refused.body()).contains("hilist_code");
    }
}
