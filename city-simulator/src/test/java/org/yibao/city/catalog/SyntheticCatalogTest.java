package org.yibao.city.catalog;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yibao.city.model.Item;
import org.yibao.contracts.events.ItemClass;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The synthetic catalog: its size and shares, its determinism, and every row of its four files read back
 * by the layouts settlement imports (read here with a parser and rules of this test's own, not the
 * generator's).
 */
class SyntheticCatalogTest {

    private static SyntheticCatalog catalog;
    private static Map<String, List<Map<String, String>>> files;

    @BeforeAll
    static void generate() {
        catalog = SyntheticCatalog.standard();
        files = new HashMap<>();
        new CatalogFiles(catalog).contents().forEach((name, text) -> files.put(name, read(text)));
    }

    @Test
    void theDefaultCatalogHasMoreThanFiftyThousandCodesInForceThisYear() {
        assertThat(catalog.entries()).hasSize(SyntheticCatalog.DEFAULT_ITEMS);
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThat(catalog.entries().stream().filter(e -> e.inForce(day)).count()).isGreaterThanOrEqualTo(50_000);
        Map<Category, Integer> quota = SyntheticCatalog.quota(SyntheticCatalog.DEFAULT_ITEMS);
        for (Category c : Category.values()) {
            assertThat(catalog.entries().stream().filter(e -> e.category() == c).count()).as("%s", c).isEqualTo((long) quota.get(c));
        }
        assertThat(quota.get(Category.WESTERN_MEDICINE)).isEqualTo(23_920);
        assertThat(quota.get(Category.CONSUMABLE)).isEqualTo(4_680);
        // a few ended with the 2024 NRDL, none in the future
        long ended = catalog.entries().stream().filter(e -> e.validTo() != null).count();
        assertThat(ended).isBetween(50L, 400L);
        assertThat(catalog.entries()).allSatisfy(e -> assertThat(e.validFrom()).isBeforeOrEqualTo(LocalDate.of(2025, 7, 1)));
    }

    @Test
    void classSharesArePlausiblePartByPart() {
        share(Category.WESTERN_MEDICINE, ItemClass.A, 0.18, 0.32);
        share(Category.WESTERN_MEDICINE, ItemClass.B, 0.50, 0.68);
        share(Category.WESTERN_MEDICINE, ItemClass.C, 0.10, 0.26);
        share(Category.CHINESE_PATENT_MEDICINE, ItemClass.A, 0.05, 0.25);
        share(Category.CHINESE_PATENT_MEDICINE, ItemClass.B, 0.48, 0.80);
        share(Category.CHINESE_PATENT_MEDICINE, ItemClass.C, 0.12, 0.36);
        share(Category.HERBAL_PIECES, ItemClass.A, 0.45, 0.72);
        share(Category.HERBAL_PIECES, ItemClass.C, 0.08, 0.28);
        share(Category.MEDICAL_SERVICE, ItemClass.A, 0.45, 0.70);
        share(Category.MEDICAL_SERVICE, ItemClass.C, 0.04, 0.16);
        share(Category.CONSUMABLE, ItemClass.A, 0.15, 0.40);
        share(Category.CONSUMABLE, ItemClass.B, 0.45, 0.70);
    }

    private static void share(Category c, ItemClass itemClass, double low, double high) {
        List<CatalogEntry> part = catalog.entries().stream().filter(e -> e.category() == c).toList();
        double share = part.stream().filter(e -> e.itemClass() == itemClass).count() / (double) part.size();
        assertThat(share).as("%s class %s", c, itemClass).isBetween(low, high);
    }

    @Test
    void classBItemsCarryTheirOwnRatiosAndMedicinesTheirConditions() {
        List<CatalogEntry> classB = catalog.entries().stream().filter(e -> e.itemClass() == ItemClass.B).toList();
        double ownRatio = classB.stream().filter(e -> e.selfPayRatio() != null).count() / (double) classB.size();
        assertThat(ownRatio).isBetween(0.65, 0.85);
        assertThat(classB).filteredOn(e -> e.selfPayRatio() != null).allSatisfy(e -> assertThat(e.selfPayRatio())
                .isBetween(new BigDecimal("0.05"), new BigDecimal("0.30")));
        List<CatalogEntry> medicines = classB.stream().filter(e -> e.category().isDrug()).toList();
        double restricted = medicines.stream().filter(e -> !e.restrictions().isEmpty()).count() / (double) medicines.size();
        assertThat(restricted).isBetween(0.20, 0.40);
        // every kind of condition occurs, diagnosis lists most
        Map<Restriction.Kind, Long> kinds = new HashMap<>();
        medicines.forEach(e -> e.restrictions().forEach(r -> kinds.merge(r.kind(), 1L, Long::sum)));
        assertThat(kinds).containsOnlyKeys(Restriction.Kind.values());
        assertThat(kinds.get(Restriction.Kind.DIAGNOSES)).isGreaterThan(kinds.get(Restriction.Kind.MAX_DAYS_SUPPLY));
        // conditions only on class 乙 medicines, level ceilings only on services, VBP for a few
        assertThat(catalog.entries()).filteredOn(e -> !e.restrictions().isEmpty())
                .allSatisfy(e -> assertThat(e.itemClass() == ItemClass.B && e.category().isDrug()).isTrue());
        long levelPriced = catalog.entries().stream().filter(e -> !e.levelCeilings().isEmpty()).count();
        assertThat(levelPriced).isBetween(1_000L, 5_000L);
        assertThat(catalog.entries()).filteredOn(e -> !e.levelCeilings().isEmpty())
                .allSatisfy(e -> assertThat(e.category()).isEqualTo(Category.MEDICAL_SERVICE));
        long vbp = catalog.entries().stream().filter(CatalogEntry::vbp).count();
        assertThat(vbp).isBetween(50L, 1_000L);
    }

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOthers() {
        Map<String, String> a = new CatalogFiles(SyntheticCatalog.generate(7, 5_000)).contents();
        Map<String, String> b = new CatalogFiles(SyntheticCatalog.generate(7, 5_000)).contents();
        Map<String, String> other = new CatalogFiles(SyntheticCatalog.generate(8, 5_000)).contents();
        assertThat(b).isEqualTo(a);
        assertThat(other.get(CatalogFiles.ITEMS)).isNotEqualTo(a.get(CatalogFiles.ITEMS));
        assertThat(read(a.get(CatalogFiles.ITEMS))).hasSize(5_000);
        assertThatThrownBy(() -> SyntheticCatalog.generate(7, 999)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- the layouts, checked row by row

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+\\.[0-9]{2}");
    /** The national code shapes: 23 characters for medicines, 10 for herbal pieces and services, 27 for consumables. */
    private static final Map<String, Pattern> CODE_BY_LIST_TYPE = Map.of(
            "101", Pattern.compile("[XZ][A-Z][0-9]{2}[A-Z]{2}[A-Z][0-9]{3}[A-C][0-9]{3}[0-9]{9}"),
            "102", Pattern.compile("T[0-9]{9}"),
            "201", Pattern.compile("S[0-9]{9}"),
            "301", Pattern.compile("C[0-9]{26}"));
    /** The checks settlement's database makes of a condition's parameter (V8__catalog_versions_and_restrictions.sql). */
    private static final Map<String, Predicate<String>> PARAMETER = Map.of(
            "DIAGNOSES", p -> p.matches(" *[A-Za-z][0-9]{2}[0-9A-Za-z.]* *(, *[A-Za-z][0-9]{2}[0-9A-Za-z.]* *)*"),
            "MIN_LEVEL", p -> Set.of("COMMUNITY", "LEVEL_1", "LEVEL_2", "LEVEL_3").contains(p),
            "MAX_DAYS_SUPPLY", p -> p.matches(" *[0-9]+(\\.[0-9]+)? *, *[0-9]+ *")
                    && new BigDecimal(p.split(",")[0].trim()).signum() > 0 && new BigDecimal(p.split(",")[1].trim()).signum() > 0,
            "RETIREES_ONLY", String::isEmpty,
            "INPATIENT_ONLY", String::isEmpty);

    @Test
    void eachFileHasTheNationalFieldNamesAsHeader() {
        Map<String, String> contents = new CatalogFiles(SyntheticCatalog.generate(5, 1_000)).contents();
        assertThat(contents.get(CatalogFiles.ITEMS)).startsWith("hilist_code,hilist_name,begndate,enddate,chrgitm_lv,list_type,vali_flag\n");
        assertThat(contents.get(CatalogFiles.CEILINGS)).startsWith(
                "hilist_code,hilist_lmtpric_type,overlmt_dspo_way,begndate,enddate,hilist_pric_uplmt_amt,vali_flag,medins_lv\n");
        assertThat(contents.get(CatalogFiles.RATIOS)).startsWith(
                "hilist_code,selfpay_prop_psn_type,selfpay_prop_type,begndate,enddate,selfpay_prop,vali_flag\n");
        assertThat(contents.get(CatalogFiles.RESTRICTIONS)).startsWith("hilist_code,begndate,kind,parameter,description\n");
        assertThat(contents).allSatisfy((name, text) -> assertThat(text).endsWith("\n").doesNotContain("\r"));
    }

    @Test
    void everyItemRowIsValidByThe1312Layout() {
        List<Map<String, String>> items = files.get(CatalogFiles.ITEMS);
        assertThat(items).hasSize(SyntheticCatalog.DEFAULT_ITEMS);
        Set<String> codes = new HashSet<>();
        for (Map<String, String> row : items) {
            String code = row.get("hilist_code");
            assertThat(codes.add(code + "/" + row.get("begndate"))).as("repeated %s", code).isTrue();
            assertThat(row.get("list_type")).isIn("101", "102", "201", "301");
            assertThat(code).as("code of list_type %s", row.get("list_type")).matches(CODE_BY_LIST_TYPE.get(row.get("list_type")));
            assertThat(row.get("hilist_name")).isNotBlank().hasSizeLessThanOrEqualTo(200).contains("模拟");
            assertThat(row.get("begndate")).matches(DATE);
            assertThat(row.get("enddate")).satisfiesAnyOf(d -> assertThat(d).isEmpty(),
                    d -> assertThat(LocalDate.parse(d)).isAfterOrEqualTo(LocalDate.parse(row.get("begndate"))));
            assertThat(row.get("chrgitm_lv")).isIn("01", "02", "03");
            assertThat(row.get("vali_flag")).isEqualTo("1");
        }
    }

    @Test
    void everyCeilingRowIsValidByThe1318LayoutAndNamesAPricedEntry() {
        Map<String, Map<String, String>> items = byCodeAndDate(files.get(CatalogFiles.ITEMS));
        Set<String> general = new HashSet<>();
        Set<String> keys = new HashSet<>();
        List<Map<String, String>> rows = files.get(CatalogFiles.CEILINGS);
        for (Map<String, String> row : rows) {
            Map<String, String> item = items.get(row.get("hilist_code") + "/" + row.get("begndate"));
            assertThat(item).as("the entry of ceiling row %s", row).isNotNull();
            assertThat(item.get("chrgitm_lv")).as("a class 丙 item has no ceiling").isIn("01", "02");
            assertThat(row.get("enddate")).isEqualTo(item.get("enddate"));
            assertThat(row.get("hilist_lmtpric_type")).isEqualTo("1");
            assertThat(row.get("overlmt_dspo_way")).isEqualTo("1");
            assertThat(row.get("hilist_pric_uplmt_amt")).matches(AMOUNT);
            assertThat(new BigDecimal(row.get("hilist_pric_uplmt_amt"))).isPositive();
            assertThat(row.get("vali_flag")).isEqualTo("1");
            assertThat(row.get("medins_lv")).isIn("", "COMMUNITY", "LEVEL_1", "LEVEL_2", "LEVEL_3");
            assertThat(keys.add(row.get("hilist_code") + "/" + row.get("begndate") + "/" + row.get("medins_lv"))).isTrue();
            if (row.get("medins_lv").isEmpty()) {
                general.add(row.get("hilist_code"));
            } else {
                assertThat(item.get("list_type")).isEqualTo("201");
            }
        }
        // every priced entry has its general ceiling, and a level's ceiling comes with one
        long priced = files.get(CatalogFiles.ITEMS).stream().filter(i -> !i.get("chrgitm_lv").equals("03")).count();
        assertThat(general).hasSize((int) priced);
        assertThat(rows).filteredOn(r -> !r.get("medins_lv").isEmpty()).allSatisfy(r -> assertThat(general.contains(r.get("hilist_code")))
                .as("the general ceiling of %s", r.get("hilist_code")).isTrue());
        assertThat(rows.size()).isGreaterThan((int) priced);
    }

    @Test
    void everyRatioRowIsValidByThe1319LayoutAndNamesAClassBEntry() {
        Map<String, Map<String, String>> items = byCodeAndDate(files.get(CatalogFiles.ITEMS));
        List<Map<String, String>> rows = files.get(CatalogFiles.RATIOS);
        assertThat(rows).hasSizeGreaterThan(10_000);
        Set<String> keys = new HashSet<>();
        for (Map<String, String> row : rows) {
            Map<String, String> item = entryOf(items, row, "02");
            assertThat(keys.add(row.get("hilist_code") + "/" + row.get("begndate"))).isTrue();
            assertThat(row.get("selfpay_prop_psn_type")).isNotBlank();
            assertThat(row.get("selfpay_prop_type")).isNotBlank();
            assertThat(row.get("enddate")).isEqualTo(item.get("enddate"));
            assertThat(row.get("selfpay_prop")).matches("0\\.[0-9]{1,4}");
            assertThat(new BigDecimal(row.get("selfpay_prop"))).isBetween(new BigDecimal("0.05"), new BigDecimal("0.30"));
            assertThat(row.get("vali_flag")).isEqualTo("1");
        }
    }

    @Test
    void everyRestrictionRowIsValidByTheBureausLayoutAndNamesAClassBMedicine() {
        Map<String, Map<String, String>> items = byCodeAndDate(files.get(CatalogFiles.ITEMS));
        List<Map<String, String>> rows = files.get(CatalogFiles.RESTRICTIONS);
        assertThat(rows).hasSizeGreaterThan(5_000);
        Set<String> keys = new HashSet<>();
        for (Map<String, String> row : rows) {
            assertThat(entryOf(items, row, "02").get("list_type")).isEqualTo("101");
            assertThat(keys.add(row.get("hilist_code") + "/" + row.get("begndate") + "/" + row.get("kind"))).as("a kind twice").isTrue();
            assertThat(PARAMETER).containsKey(row.get("kind"));
            assertThat(PARAMETER.get(row.get("kind")).test(row.get("parameter"))).as("parameter of %s", row).isTrue();
            assertThat(row.get("description")).isNotBlank().hasSizeLessThanOrEqualTo(200).startsWith("限");
        }
    }

    @Test
    void theCitysOwnItemsAreNotInTheFiles() throws Exception {
        // the codes seeded by settlement's migration and the city's Item constants keep their class, ceiling and VBP flag
        String seeded = Files.readString(Path.of("").toAbsolutePath().getParent()
                .resolve("settlement-service/src/main/resources/db/migration/settlement/V2__catalog.sql"));
        Set<String> reserved = new HashSet<>();
        Matcher m = Pattern.compile("\\('([A-Z][0-9A-Z]+)'").matcher(seeded);
        while (m.find()) {
            reserved.add(m.group(1));
        }
        assertThat(reserved).hasSizeGreaterThanOrEqualTo(30).contains("S110200001", "XC08CAA001A001010100001");
        for (Field f : Item.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Item.class) {
                reserved.add(((Item) f.get(null)).code());
            }
        }
        assertThat(reserved).contains("XL01XEG001A001010100099", "C0901010000000000000023");
        for (String file : List.of(CatalogFiles.ITEMS, CatalogFiles.CEILINGS, CatalogFiles.RATIOS, CatalogFiles.RESTRICTIONS)) {
            assertThat(files.get(file)).as(file).noneMatch(row -> reserved.contains(row.get("hilist_code")));
        }
        // nor those of another seed or size: the code shapes keep them apart
        assertThat(SyntheticCatalog.generate(99, 150_000).entries()).noneMatch(e -> reserved.contains(e.code()));
    }

    @Test
    void theFilesSayTheyAreSynthetic(@TempDir Path directory) throws Exception {
        List<Path> written = new CatalogFiles(SyntheticCatalog.generate(3, 2_000)).write(directory);
        assertThat(written).hasSize(5).allSatisfy(p -> assertThat(p.getFileName().toString()).containsIgnoringCase("synthetic"));
        assertThat(Files.readString(directory.resolve(CatalogFiles.README))).startsWith("SYNTHETIC DATA - NOT A REAL CATALOG")
                .contains("2,000 codes");
        assertThat(Files.readString(directory.resolve(CatalogFiles.ITEMS))).startsWith(CatalogFiles.ITEMS_HEADER + "\n");
    }

    /** The item row a term row names by code and begin date, of the class it must be. */
    private static Map<String, String> entryOf(Map<String, Map<String, String>> items, Map<String, String> row, String chrgitmLv) {
        Map<String, String> item = items.get(row.get("hilist_code") + "/" + row.get("begndate"));
        assertThat(item).as("the entry of row %s", row).isNotNull();
        assertThat(item.get("chrgitm_lv")).as("the class of %s", row.get("hilist_code")).isEqualTo(chrgitmLv);
        return item;
    }

    private static Map<String, Map<String, String>> byCodeAndDate(List<Map<String, String>> items) {
        Map<String, Map<String, String>> out = new HashMap<>();
        items.forEach(i -> out.put(i.get("hilist_code") + "/" + i.get("begndate"), i));
        return out;
    }

    /** A comma-separated file with a header, read row by row by column name (quoted cells as RFC 4180 writes them). */
    private static List<Map<String, String>> read(String text) {
        List<String> lines = text.lines().toList();
        List<String> header = cells(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = cells(lines.get(i));
            assertThat(cells).as("line %d: %s", i + 1, lines.get(i)).hasSameSizeAs(header);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
