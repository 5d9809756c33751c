package org.yibao.settlement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.settlement.catalog.CatalogItem;
import org.yibao.settlement.catalog.CatalogStore;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import org.yibao.testsupport.spring.PlatformIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    @Autowired
    private CatalogStore catalog;

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

    /**
     * Review of issue 20: a new begin date in the national file must not lose what the file does not
     * carry (the bureau's ceilings, VBP flag, own ratio, restrictions) — else a seeded ceiling would stop
     * applying and a 两病 VBP drug stop being paid in full.
     */
    @Test
    void aNewBeginDateCarriesWhatTheFileDoesNotState() {
        String code = prefix + "30";
        jdbc.update("""
                insert into catalog_item (code, name, category, item_class, price_ceiling, vbp, selfpay_prop, valid_from)
                values (?, '某药', 'DRUG', 'B', 2.50, true, 0.20, date '2026-01-01')""", code);
        jdbc.update("insert into catalog_level_ceiling values (?, date '2026-01-01', 'LEVEL_3', 3.00)", code);
        jdbc.update("insert into catalog_restriction values (?, date '2026-01-01', 'INPATIENT_ONLY', null, '限住院')", code);

        HttpResponse<String> imported = manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "HILIST_CODE,HILIST_NAME,BEGNDATE,CHRGITM_LV,LIST_TYPE\n" + code + ",某药,2026/7/1,2,101\n"); // as a spreadsheet saves it

        assertThat(json.readTree(imported.body()).at("/added").asLong()).as(imported.body()).isEqualTo(1);
        CatalogItem july = catalog.find(List.of(code), LocalDate.of(2026, 7, 2)).get(code);
        assertThat(july.priceCeiling()).hasValue(org.yibao.contracts.money.Money.of("2.50"));
        assertThat(july.vbp()).isTrue();
        assertThat(july.selfPayRatio()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0.20"));
        assertThat(july.ceilingsByLevel()).containsEntry(org.yibao.contracts.events.InstitutionLevel.LEVEL_3,
                org.yibao.contracts.money.Money.of("3.00"));
        assertThat(july.restrictions()).extracting(r -> r.description()).containsExactly("限住院");
    }

    /** An item leaves the catalog: when its latest entry ends an earlier open one never comes back; a withdrawn row removes its entry. */
    @Test
    void anEndedOrWithdrawnEntryTakesTheItemOutOfTheCatalog() {
        String code = prefix + "40";
        manager.post("/api/settlement/catalog/imports/items", "text/csv", String.join("\n",
                "hilist_code,hilist_name,begndate,enddate,chrgitm_lv,list_type",
                code + ",旧药,2026-01-01,,01,101",
                code + ",旧药,2026-07-01,2026-08-31,01,101") + "\n");

        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 8, 31))).containsKey(code);
        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 9, 1))).as("the January entry does not come back").isEmpty();

        HttpResponse<String> withdrawn = manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type,vali_flag\n" + code + ",旧药,2026-07-01,01,101,0\n");
        assertThat(json.readTree(withdrawn.body()).at("/removed").asLong()).as(withdrawn.body()).isEqualTo(1);
        assertThat(jdbc.queryForList("select valid_from::text from catalog_item where code = ?", String.class, code))
                .containsExactly("2026-01-01");
    }

    /**
     * Distribution by version (issue 20): a hospital holding the catalog up to version v gets only what
     * changed after v, page by page; an entry changed by an import comes again with a newer version.
     */
    @Test
    void aHospitalGetsOnlyWhatChangedAfterTheVersionItHolds() {
        ServiceClient hospital = manager.as(TestCallers.his("H44170000003"));
        long held = json.readTree(hospital.get("/api/settlement/catalog/items?afterVer=0&limit=5000").body()).at("/nextAfterVer").asLong();
        JsonNode drained = json.readTree(hospital.get("/api/settlement/catalog/items?afterVer=" + held + "&limit=5000").body());
        while (drained.at("/items").size() > 0) {
            held = drained.at("/nextAfterVer").asLong();
            drained = json.readTree(hospital.get("/api/settlement/catalog/items?afterVer=" + held + "&limit=5000").body());
        }
        String code = prefix + "60";
        manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + code + ",新药,2026-01-01,02,101\n");

        JsonNode page = json.readTree(hospital.get("/api/settlement/catalog/items?afterVer=" + held + "&limit=1").body());
        assertThat(page.at("/items").size()).isEqualTo(1);
        assertThat(page.at("/items/0/code").asString()).isEqualTo(code);
        assertThat(page.at("/items/0/itemClass").asString()).isEqualTo("B");
        long newer = page.at("/nextAfterVer").asLong();
        assertThat(newer).isGreaterThan(held);
        assertThat(json.readTree(hospital.get("/api/settlement/catalog/items?afterVer=" + newer).body()).at("/items").size()).isZero();

        manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + code + ",新药,2026-01-01,01,101\n"); // now 甲
        JsonNode changed = json.readTree(hospital.get("/api/settlement/catalog/items?afterVer=" + newer).body());
        assertThat(changed.at("/items/0/itemClass").asString()).isEqualTo("A");
        assertThat(hospital.get("/api/settlement/catalog/items?limit=0").statusCode()).isEqualTo(400);
    }

    /** A condition settlement could not read is refused when written, never at a hospital's bill (review of issue 20). */
    @Test
    void aRestrictionSettlementCannotReadIsRefusedByTheDatabase() {
        String code = prefix + "50";
        jdbc.update("insert into catalog_item (code, name, category, item_class, valid_from) values (?, '药', 'DRUG', 'A', date '2026-01-01')", code);
        for (Map.Entry<String, String> bad : Map.of("MIN_LEVEL", "LEVEL2", "MAX_DAYS_SUPPLY", "0,30", "DIAGNOSES", "高血压").entrySet()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                    "insert into catalog_restriction values (?, date '2026-01-01', ?, ?, '限')", code, bad.getKey(), bad.getValue()))
                    .as(bad.toString()).isInstanceOf(org.springframework.dao.DataAccessException.class);
        }
    }

    @Test
    void aFileWithABadRowChangesNothingAndNamesEveryBadRow() {
        HttpResponse<String> refused = manager.post("/api/settlement/catalog/imports/items", "text/csv", String.join("\n",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type",
                prefix + "20,好药,2026-01-01,01,101",
                prefix + "21,坏等级,2026-01-01,09,101",
                prefix + "22,坏日期,2026-13-01,01,101",
                prefix + "23,零年,0000-01-01,01,101",
                prefix + "20,重复,2026-01-01,01,101") + "\n");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode report = json.readTree(refused.body());
        assertThat(report.at("/applied").asBoolean()).isFalse();
        assertThat(report.at("/rejectedRows/0/line").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/field").asString()).isEqualTo("chrgitm_lv");
        assertThat(report.at("/rejectedRows/1/field").asString()).isEqualTo("begndate");
        assertThat(report.at("/rejectedRows/2/field").asString()).as("a year the database does not take").isEqualTo("begndate");
        assertThat(report.at("/rejectedRows/3/reason").asString()).contains("repeats line 2");
        assertThat(jdbc.queryForObject("select count(*) from catalog_item where code = ?", Integer.class, prefix + "20")).isZero();
    }

    @Test
    void aFileWithoutTheLayoutsColumnsIsRefusedNamingThem() {
        HttpResponse<String> refused = manager.post("/api/settlement/catalog/imports/items", "text/csv", "code,name\nX,Y\n");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).at("/errors/0/field").asString()).isEqualTo("header");
        assertThat(refused.body()).contains("hilist_code");
    }

    /**
     * Ceilings (1318), own ratios (1319) and restrictions set from a date: a term beginning after the
     * entry's begin date starts a new entry carrying the rest, so a bill before that date keeps the old
     * terms; the same files again change nothing (no version moves).
     */
    @Test
    void termsFromADateStartANewEntryAndAgainChangeNothing() {
        String code = prefix + "70";
        assertThat(manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + code + ",阿卡波糖片,2026-01-01,02,101\n").statusCode())
                .isEqualTo(200);
        String ceilings = String.join("\n",
                "hilist_code,hilist_lmtpric_type,overlmt_dspo_way,insu_admdvs,begndate,enddate,hilist_pric_uplmt_amt,vali_flag,medins_lv",
                code + ",1,1,441700,2026-01-01,,10.00,1,",
                code + ",1,1,441700,2026-01-01,,8.00,1,LEVEL_3",
                code + ",1,1,441700,2026-03-01,,9.00,1,") + "\n";
        String ratios = "hilist_code,selfpay_prop_psn_type,selfpay_prop_type,begndate,enddate,selfpay_prop,vali_flag\n"
                + code + ",310,1,2026-01-01,,0.15,1\n";
        String restrictions = "hilist_code,begndate,kind,parameter,description\n"
                + code + ",2026-01-01,DIAGNOSES,\"E10,E11\",限糖尿病\n"
                + code + ",2026-01-01,MIN_LEVEL,LEVEL_2,限二级及以上\n";

        HttpResponse<String> c = manager.post("/api/settlement/catalog/imports/ceilings", "text/csv", ceilings);
        HttpResponse<String> r = manager.post("/api/settlement/catalog/imports/selfpay-ratios", "text/csv", ratios);
        HttpResponse<String> x = manager.post("/api/settlement/catalog/imports/restrictions", "text/csv", restrictions);

        assertThat(c.statusCode()).as(c.body()).isEqualTo(200);
        assertThat(json.readTree(c.body()).at("/added").asLong()).as("the March ceiling starts an entry").isOne();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(x.statusCode()).as(x.body()).isEqualTo(200);
        CatalogItem february = catalog.find(List.of(code), LocalDate.of(2026, 2, 1)).get(code);
        CatalogItem april = catalog.find(List.of(code), LocalDate.of(2026, 4, 1)).get(code);
        assertThat(february.priceCeiling()).contains(org.yibao.contracts.money.Money.of("10.00"));
        assertThat(april.priceCeiling()).contains(org.yibao.contracts.money.Money.of("9.00"));
        assertThat(april.ceilingAt(org.yibao.contracts.events.InstitutionLevel.LEVEL_3))
                .as("the level's ceiling carried into the new entry").contains(org.yibao.contracts.money.Money.of("8.00"));
        assertThat(february.selfPayRatio()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.15"));
        assertThat(april.selfPayRatio()).as("a term holds from its date on, into the entries that begin later")
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.15"));
        assertThat(february.restrictions()).extracting(x2 -> x2.kind().name()).containsExactly("DIAGNOSES", "MIN_LEVEL");
        assertThat(april.restrictions()).extracting(x2 -> x2.kind().name()).containsExactly("DIAGNOSES", "MIN_LEVEL");

        long ver = jdbc.queryForObject("select max(ver) from catalog_item where code = ?", Long.class, code);
        for (String[] again : new String[][]{{"ceilings", ceilings}, {"selfpay-ratios", ratios}, {"restrictions", restrictions}}) {
            JsonNode report = json.readTree(manager.post("/api/settlement/catalog/imports/" + again[0], "text/csv", again[1]).body());
            assertThat(report.at("/added").asLong() + report.at("/changed").asLong()).as(again[0]).isZero();
        }
        assertThat(jdbc.queryForObject("select max(ver) from catalog_item where code = ?", Long.class, code)).isEqualTo(ver);

        // NONE: no condition from a date on
        assertThat(manager.post("/api/settlement/catalog/imports/restrictions", "text/csv",
                "hilist_code,begndate,kind,parameter,description\n" + code + ",2026-01-01,NONE,,取消限定\n").statusCode()).isEqualTo(200);
        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 2, 1)).get(code).restrictions()).isEmpty();
    }

    @Test
    void aTermFileWithABadRowChangesNothingAndNamesEveryBadRow() {
        String code = prefix + "71";
        manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + code + ",药,2026-01-01,02,101\n");

        HttpResponse<String> ceilings = manager.post("/api/settlement/catalog/imports/ceilings", "text/csv", String.join("\n",
                "hilist_code,begndate,hilist_pric_uplmt_amt,medins_lv",
                code + ",2026-01-01,5.00,",
                prefix + "NOPE,2026-01-01,5.00,",
                code + ",2025-06-01,5.00,",
                code + ",2026-01-01,5.001,LEVEL_3",
                code + ",2026-01-01,6.00,") + "\n");
        HttpResponse<String> ratios = manager.post("/api/settlement/catalog/imports/selfpay-ratios", "text/csv",
                "hilist_code,begndate,selfpay_prop\n" + code + ",2026-01-01,1.5\n");
        HttpResponse<String> restrictions = manager.post("/api/settlement/catalog/imports/restrictions", "text/csv",
                "hilist_code,begndate,kind,parameter,description\n" + code + ",2026-01-01,MIN_LEVEL,LEVEL2,限二级\n"
                        + code + ",2026-01-01,INPATIENT_ONLY,X,限住院\n");

        assertThat(ceilings.statusCode()).as(ceilings.body()).isEqualTo(422);
        JsonNode report = json.readTree(ceilings.body());
        assertThat(report.at("/rejectedRows/0/line").asLong()).isEqualTo(3);
        assertThat(report.at("/rejectedRows/0/reason").asString()).contains("no catalog entry in force on 2026-01-01");
        assertThat(report.at("/rejectedRows/1/line").asLong()).as("before the item's first entry").isEqualTo(4);
        assertThat(report.at("/rejectedRows/2/field").asString()).isEqualTo("hilist_pric_uplmt_amt");
        assertThat(report.at("/rejectedRows/3/reason").asString()).contains("repeats line 2");
        assertThat(json.readTree(ratios.body()).at("/rejectedRows/0/field").asString()).isEqualTo("selfpay_prop");
        assertThat(json.readTree(restrictions.body()).at("/rejectedRows/0/field").asString()).isEqualTo("parameter");
        assertThat(json.readTree(restrictions.body()).at("/rejectedRows/1/field").asString()).isEqualTo("parameter");
        assertThat(jdbc.queryForObject("select price_ceiling from catalog_item where code = ?", java.math.BigDecimal.class, code)).isNull();
    }

    /** The medical catalogs by kind (1302 herbal pieces, 1305 services), keyed by med_list_codg, their type from the layout. */
    @Test
    void theKindLayoutsAreReadByTheirOwnColumns() {
        HttpResponse<String> herbs = manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "med_list_codg,tcmherb_name,begndate,enddate,chrgitm_lv,vali_flag,rid\n" + prefix + "T1,黄芪,2026-01-01,,01,1,R\n");
        HttpResponse<String> services = manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "med_list_codg,servitem_name,begndate,chrgitm_lv,prcunt\n" + prefix + "S1,普通门诊诊查费,2026-01-01,01,次\n");
        HttpResponse<String> noClass = manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "med_list_codg,drug_genname,begndate\n" + prefix + "X1,药,2026-01-01\n");

        assertThat(herbs.statusCode()).as(herbs.body()).isEqualTo(200);
        assertThat(services.statusCode()).as(services.body()).isEqualTo(200);
        assertThat(catalog.find(List.of(prefix + "T1"), LocalDate.of(2026, 2, 1)).get(prefix + "T1").category().name()).isEqualTo("TCM_HERBAL");
        assertThat(catalog.find(List.of(prefix + "S1"), LocalDate.of(2026, 2, 1)).get(prefix + "S1").category().name()).isEqualTo("SERVICE");
        assertThat(noClass.statusCode()).isEqualTo(400);
        assertThat(noClass.body()).contains("chrgitm_lv");
    }

    /**
     * A removed entry reaches whoever follows the catalog: the distribution lists it as removed, and
     * CatalogChanged (in the outbox, committed with the import) carries each change once.
     */
    @Test
    void aRemovalIsDistributedAndEveryChangePublished() {
        String code = prefix + "80";
        long held = jdbc.queryForObject("select greatest((select max(ver) from catalog_item), (select coalesce(max(ver), 0) from catalog_removed))",
                Long.class);
        manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + code + ",将撤销的药,2026-01-01,02,101\n");
        manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type,vali_flag\n" + code + ",将撤销的药,2026-01-01,02,101,0\n");

        JsonNode page = json.readTree(manager.as(TestCallers.his("H44170000003"))
                .get("/api/settlement/catalog/items?afterVer=" + held + "&limit=5000").body());
        List<JsonNode> mine = new java.util.ArrayList<>();
        page.at("/items").forEach(n -> {
            if (n.at("/code").asString().equals(code)) {
                mine.add(n);
            }
        });
        assertThat(mine).as("what stands now: the entry removed").extracting(n -> n.at("/removed").asBoolean()).containsExactly(true);
        List<String> published = jdbc.queryForList(
                "select envelope from outbox_event where event_type = 'CatalogChanged' and envelope like ? order by id",
                String.class, "%" + code + "%");
        assertThat(published).hasSize(2);
        assertThat(published.get(1)).contains("\"removed\":true");
        assertThat(jdbc.queryForObject("select published from catalog_publication", Long.class))
                .isGreaterThanOrEqualTo(mine.get(0).at("/ver").asLong());
    }

    /**
     * Found by the independent evidence (issue 20): a later begin date left the earlier entry open-ended
     * in what hospitals download; an entry now ends the day before the next begins, and gets its own end
     * back when the next is withdrawn. Either way the same file again changes nothing.
     */
    @Test
    void anEntryEndsTheDayBeforeTheNextBeginsAndGetsItsEndBackWhenTheNextIsWithdrawn() {
        String code = prefix + "90";
        String header = "hilist_code,hilist_name,begndate,enddate,chrgitm_lv,list_type,vali_flag\n";
        String first = code + ",氯雷他定片,2026-01-01,,01,101,1\n";
        String later = code + ",氯雷他定片,2026-11-01,,03,101,1\n";
        manager.post("/api/settlement/catalog/imports/items", "text/csv", header + first);
        manager.post("/api/settlement/catalog/imports/items", "text/csv", header + later);

        assertThat(ends(code)).containsExactly("2026-01-01..2026-10-31", "2026-11-01..");
        JsonNode again = json.readTree(manager.post("/api/settlement/catalog/imports/items", "text/csv", header + first + later).body());
        assertThat(again.at("/added").asLong() + again.at("/changed").asLong()).isZero();
        assertThat(ends(code)).containsExactly("2026-01-01..2026-10-31", "2026-11-01..");

        manager.post("/api/settlement/catalog/imports/items", "text/csv", header + later.replace(",1\n", ",0\n"));
        assertThat(ends(code)).containsExactly("2026-01-01..");
        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 11, 15)).get(code).itemClass().name()).isEqualTo("A");
    }

    /**
     * Found by review (issue 20): an entry a term file began continues the national entry before it, so a
     * later change of that entry in the national file (class, end, withdrawal) reaches it.
     */
    @Test
    void anEntryATermFileBeganFollowsTheNationalEntryItContinues() {
        String code = prefix + "91";
        String header = "hilist_code,hilist_name,begndate,enddate,chrgitm_lv,list_type,vali_flag\n";
        manager.post("/api/settlement/catalog/imports/items", "text/csv", header + code + ",药,2026-01-01,,02,101,1\n");
        manager.post("/api/settlement/catalog/imports/ceilings", "text/csv",
                "hilist_code,begndate,hilist_pric_uplmt_amt\n" + code + ",2026-03-01,10.00\n");

        manager.post("/api/settlement/catalog/imports/items", "text/csv", header + code + ",药,2026-01-01,2026-06-30,01,101,1\n");

        CatalogItem april = catalog.find(List.of(code), LocalDate.of(2026, 4, 1)).get(code);
        assertThat(april.itemClass().name()).as("the national class change reaches the March entry").isEqualTo("A");
        assertThat(april.priceCeiling()).contains(org.yibao.contracts.money.Money.of("10.00"));
        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 8, 1))).as("ended with the national entry").isEmpty();

        manager.post("/api/settlement/catalog/imports/items", "text/csv", header + code + ",药,2026-01-01,2026-06-30,01,101,0\n");
        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 4, 1))).as("withdrawn with the national entry").isEmpty();
    }

    /** Found by review: a correction of an earlier date's ceiling does not overwrite a later date's own. */
    @Test
    void aTermForAnEarlierDateStopsAtTheNextEntryThatStatesItsOwn() {
        String code = prefix + "92";
        manager.post("/api/settlement/catalog/imports/items", "text/csv",
                "hilist_code,hilist_name,begndate,chrgitm_lv,list_type\n" + code + ",药,2026-01-01,02,101\n");
        manager.post("/api/settlement/catalog/imports/ceilings", "text/csv",
                "hilist_code,begndate,hilist_pric_uplmt_amt\n" + code + ",2026-03-01,10.00\n");
        manager.post("/api/settlement/catalog/imports/ceilings", "text/csv",
                "hilist_code,begndate,hilist_pric_uplmt_amt\n" + code + ",2026-01-01,8.00\n");

        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 2, 1)).get(code).priceCeiling())
                .contains(org.yibao.contracts.money.Money.of("8.00"));
        assertThat(catalog.find(List.of(code), LocalDate.of(2026, 4, 1)).get(code).priceCeiling())
                .contains(org.yibao.contracts.money.Money.of("10.00"));
    }

    private List<String> ends(String code) {
        return jdbc.queryForList("select valid_from || '..' || coalesce(valid_to::text, '') from catalog_item where code = ? order by valid_from",
                String.class, code);
    }
}
