package org.yibao.settlement.catalog;

import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One item row of the national catalog, in any of the layouts its downloads carry (the national field
 * names as the header):
 * <ul>
 *   <li>医保目录信息 (transaction 1312): {@code hilist_code}, {@code hilist_name};</li>
 *   <li>the medical catalogs by kind, keyed by {@code med_list_codg}: 西药中成药 (1301, {@code drug_genname}),
 *       中药饮片 (1302, {@code tcmherb_name}), 医疗服务项目 (1305, {@code servitem_name}), 医用耗材 (1306,
 *       {@code mcs_name}); their {@code list_type} is the layout's (101, 102, 201, 301) where the file has none.</li>
 * </ul>
 * Every layout needs {@code begndate} and the insurance class {@code chrgitm_lv}, which the provinces'
 * exports of 1301-1306 carry beside the item (ASSUMPTION: the bare national medical catalog has no class;
 * a file without it is refused naming the column). The other fields of a layout (wubi, pinyin, rid,
 * aprvno, ...) may stand in the file and are not read. Ceilings and self-pay ratios come in their own
 * files (1318, 1319: {@link TermRow}).
 *
 * <p>Codes: {@code chrgitm_lv} 收费项目等级 01 甲类, 02 乙类, 03 丙类 (as his-interface's dictionaries;
 * ASSUMPTION: no public source confirmed them); {@code list_type} 目录类别 101 西药中成药, 102 中药饮片,
 * 103 医疗机构制剂, 201 医疗服务项目, 301 医用耗材 (read as 102 herbal pieces, other 1xx drugs, 2xx
 * services, 3xx consumables); {@code vali_flag} 有效标志 1 valid, 0 withdrawn (a withdrawn row removes its entry).
 *
 * @param validTo empty when the entry is open-ended
 */
public record HilistRow(long line, String code, String name, ItemCategory category, ItemClass itemClass, LocalDate validFrom,
                        Optional<LocalDate> validTo, boolean valid) {

    /** The name columns of the layouts, each with the list type it implies (null: the file must say). */
    private static final List<Map.Entry<String, String>> NAMES = List.of(
            Map.entry("hilist_name", ""), Map.entry("drug_genname", "101"), Map.entry("tcmherb_name", "102"),
            Map.entry("servitem_name", "201"), Map.entry("mcs_name", "301"));

    /** The item layouts, read by the columns a file's header names. */
    static final CatalogFile.Layout<HilistRow> LAYOUT = new CatalogFile.Layout<>() {
        @Override
        public Optional<String> missing(List<String> columns) {
            if (!columns.contains("hilist_code") && !columns.contains("med_list_codg")) {
                return Optional.of("missing hilist_code (1312) or med_list_codg (1301-1306)");
            }
            if (NAMES.stream().noneMatch(n -> columns.contains(n.getKey()))) {
                return Optional.of("missing a name: hilist_name, drug_genname, tcmherb_name, servitem_name or mcs_name");
            }
            List<String> missing = List.of("begndate", "chrgitm_lv").stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                return Optional.of("missing " + missing);
            }
            boolean typed = columns.contains("list_type") || NAMES.stream().anyMatch(n -> !n.getValue().isEmpty() && columns.contains(n.getKey()));
            return typed ? Optional.empty() : Optional.of("missing list_type");
        }

        @Override
        public HilistRow read(long line, Map<String, String> cells) throws CatalogFile.Refused {
            return HilistRow.read(line, cells);
        }
    };

    /** Reads a row by its column names. */
    public static HilistRow read(long line, Map<String, String> cells) throws CatalogFile.Refused {
        String code = CatalogFile.code(cells, cells.containsKey("hilist_code") ? "hilist_code" : "med_list_codg");
        Map.Entry<String, String> nameColumn = NAMES.stream().filter(n -> cells.containsKey(n.getKey())).findFirst().orElseThrow();
        String name = CatalogFile.text(cells, nameColumn.getKey(), 200);
        // "1" as a spreadsheet leaves "01" once it has read it as a number
        ItemClass itemClass = switch (cells.getOrDefault("chrgitm_lv", "").trim().replaceFirst("^0+(?=[0-9])", "")) {
            case "1" -> ItemClass.A;
            case "2" -> ItemClass.B;
            case "3" -> ItemClass.C;
            default -> throw new CatalogFile.Refused("chrgitm_lv", "must be 01 (甲), 02 (乙) or 03 (丙)");
        };
        String listType = cells.getOrDefault("list_type", "").trim();
        if (listType.isEmpty()) {
            listType = nameColumn.getValue();
        }
        ItemCategory category;
        if (listType.equals("102")) {
            category = ItemCategory.TCM_HERBAL;
        } else if (listType.matches("1[0-9]{2}")) {
            category = ItemCategory.DRUG;
        } else if (listType.matches("2[0-9]{2}")) {
            category = ItemCategory.SERVICE;
        } else if (listType.matches("3[0-9]{2}")) {
            category = ItemCategory.CONSUMABLE;
        } else {
            throw new CatalogFile.Refused("list_type", "must be a catalog type such as 101 (drugs), 102 (herbal pieces), 201 (services) or 301 (consumables)");
        }
        LocalDate[] period = CatalogFile.period(cells);
        return new HilistRow(line, code, name, category, itemClass, period[0], Optional.ofNullable(period[1]), CatalogFile.valid(cells));
    }
}
