package org.yibao.settlement.mapping;

import org.yibao.settlement.catalog.CatalogFile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of an institution's mapping file, in the fields of transaction 3301 目录对照上传 (as public HIS
 * clients model its input: fixmedins_hilist_id 定点医药机构目录编号, fixmedins_hilist_name 定点医药机构目录名称,
 * list_type 目录类别, med_list_codg 医疗目录编码, begndate, enddate; aprvno, dosform, spec, memo ... may
 * stand and are not read).
 */
record MappingRow(long line, ItemMappings.Submission submission) {

    static final CatalogFile.Layout<MappingRow> LAYOUT = new CatalogFile.Layout<>() {
        @Override
        public Optional<String> missing(List<String> columns) {
            List<String> missing = List.of("fixmedins_hilist_id", "fixmedins_hilist_name", "med_list_codg", "begndate").stream()
                    .filter(c -> !columns.contains(c)).toList();
            return missing.isEmpty() ? Optional.empty() : Optional.of("missing " + missing);
        }

        @Override
        public MappingRow read(long line, Map<String, String> cells) throws CatalogFile.Refused {
            String own = CatalogFile.text(cells, "fixmedins_hilist_id", 150);
            if (!own.matches(MappingController.OWN_CODE)) {
                throw new CatalogFile.Refused("fixmedins_hilist_id", MappingController.OWN_CODE_RULE);
            }
            String name = CatalogFile.text(cells, "fixmedins_hilist_name", 200);
            String listType = CatalogFile.optionalText(cells, "list_type", 3);
            if (listType != null && !listType.matches("[1-9][0-9]{2}")) {
                throw new CatalogFile.Refused("list_type", "must be a catalog type such as 101, 102, 201 or 301");
            }
            String national = CatalogFile.code(cells, "med_list_codg");
            LocalDate[] period = CatalogFile.period(cells);
            return new MappingRow(line, new ItemMappings.Submission(own, name, listType, national, period[0], period[1]));
        }
    };
}
