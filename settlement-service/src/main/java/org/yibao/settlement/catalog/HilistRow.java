package org.yibao.settlement.catalog;

import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the national catalog's item layout (医保目录信息, as transaction 1312 answers it and its
 * downloaded file carries it: the national field names as the header). Only the fields the platform
 * prices by are read; the others of the layout (wubi, pinyin, rid, crter_id, ...) may stand in the file.
 *
 * <p>Field names from public HIS clients' models of the 1312 answer (hilist_code, hilist_name, begndate,
 * enddate, chrgitm_lv, list_type, vali_flag, ...). Codes: {@code chrgitm_lv} 收费项目等级 01 甲类, 02 乙类,
 * 03 丙类 (as his-interface's dictionaries; ASSUMPTION: no public source confirmed them); {@code list_type}
 * 目录类别 101 西药中成药, 102 中药饮片, 103 医疗机构制剂, 201 医疗服务项目, 301 医用耗材 (ASSUMPTION: read
 * as 1xx drugs, 2xx services, 3xx consumables);
 * {@code vali_flag} 有效标志 1 valid, 0 withdrawn (a withdrawn row removes its entry). Column names are
 * read in any case (HILIST_CODE from a database export).
 *
 * @param validTo empty when the entry is open-ended
 */
public record HilistRow(long line, String code, String name, ItemCategory category, ItemClass itemClass, LocalDate validFrom,
                        Optional<LocalDate> validTo, boolean valid) {

    /** The columns a file must have, whatever else it carries. */
    public static final List<String> REQUIRED = List.of("hilist_code", "hilist_name", "begndate", "chrgitm_lv", "list_type");

    /** A row refused: the field (its national name) and the reason. */
    public static final class Refused extends Exception {
        private final String field;

        Refused(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Reads a row by its column names. */
    public static HilistRow read(long line, Map<String, String> cells) throws Refused {
        String code = text(cells, "hilist_code", 50);   // med_list_codg's length
        if (!code.matches("[0-9A-Za-z.\\-_]+")) {
            throw new Refused("hilist_code", "must be a catalog code (letters, digits, . - _)");
        }
        String name = text(cells, "hilist_name", 200);
        // "1" as a spreadsheet leaves "01" once it has read it as a number
        ItemClass itemClass = switch (cells.getOrDefault("chrgitm_lv", "").trim().replaceFirst("^0+(?=[0-9])", "")) {
            case "1" -> ItemClass.A;
            case "2" -> ItemClass.B;
            case "3" -> ItemClass.C;
            default -> throw new Refused("chrgitm_lv", "must be 01 (甲), 02 (乙) or 03 (丙)");
        };
        String listType = cells.getOrDefault("list_type", "").trim();
        ItemCategory category;
        if (listType.matches("1[0-9]{2}")) {
            category = ItemCategory.DRUG;
        } else if (listType.matches("2[0-9]{2}")) {
            category = ItemCategory.SERVICE;
        } else if (listType.matches("3[0-9]{2}")) {
            category = ItemCategory.CONSUMABLE;
        } else {
            throw new Refused("list_type", "must be a catalog type such as 101 (drugs), 201 (services) or 301 (consumables)");
        }
        LocalDate from = date(cells, "begndate").orElseThrow(() -> new Refused("begndate", "is required"));
        Optional<LocalDate> to = date(cells, "enddate");
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new Refused("enddate", "is before begndate");
        }
        String flag = cells.getOrDefault("vali_flag", "1").trim();
        if (!flag.isEmpty() && !flag.equals("1") && !flag.equals("0")) {
            throw new Refused("vali_flag", "must be 1 (valid) or 0 (withdrawn)");
        }
        return new HilistRow(line, code, name, category, itemClass, from, to, !flag.equals("0"));
    }

    private static String text(Map<String, String> cells, String field, int max) throws Refused {
        String value = cells.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            throw new Refused(field, "is required");
        }
        if (value.length() > max) {
            throw new Refused(field, "is longer than " + max + " characters");
        }
        return value;
    }

    /** A date as files carry it: 2026-01-01, 2026/1/1 (a spreadsheet's), 20260101, each maybe with a time. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendOptional(DateTimeFormatter.ofPattern("uuuu-M-d"))
            .appendOptional(DateTimeFormatter.ofPattern("uuuu/M/d"))
            .appendOptional(DateTimeFormatter.ofPattern("uuuuMMdd"))
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private static Optional<LocalDate> date(Map<String, String> cells, String field) throws Refused {
        String value = cells.getOrDefault(field, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String day = value.split("[ T]", 2)[0];
        try {
            return Optional.of(LocalDate.parse(day, DATE));
        } catch (DateTimeParseException e) {
            throw new Refused(field, "must be a date such as 2026-01-01");
        }
    }
}
