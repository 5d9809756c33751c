package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.SettlementClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The catalog downloads by version (目录下载): 1301 西药中成药, 1302 中药饮片, 1305 医疗服务项目, 1306 医用耗材.
 * The HIS sends the version it holds ({@code data.ver}, "0" for none) and is answered a file of the
 * entries of that kind changed after it, at most {@link #ROWS} of them, oldest change first (fetched
 * with 9102 by its {@code file_qury_no} and {@code filename}): a zip holding one tab-separated text file
 * without header, its columns in the layout's order ({@link #LAYOUTS}, as public clients read them by
 * position). The HIS repeats with the answer's {@code ver} (the last row's) until {@code data_cnt} is 0.
 * A removed entry comes with {@code vali_flag} 0. Also the mapping transactions 3301/3302 and the check
 * of fee details' own codes.
 */
@Component
class CatalogTransactions {

    /** The most lines one mapping check sends to settlement (its limit per request). */
    static final int CHECKED = 500;

    /** The most rows one download answers. */
    static final int ROWS = 3_000;

    private final SettlementClient settlement;
    private final Files files;
    private final NationalCodes codes;
    private final JsonMapper json;

    CatalogTransactions(SettlementClient settlement, Files files, NationalCodes codes, JsonMapper json) {
        this.settlement = settlement;
        this.files = files;
        this.codes = codes;
        this.json = json;
    }

    /**
     * The layouts of the download files, column by column, as public HIS clients read them by position
     * (no header; tab-separated): 1301 as a Guangzhou client reads it (the national columns up to ver_name,
     * then that province's eight, the last its 甲乙类 mark), 1302, 1305, 1306. Columns the platform does
     * not hold are empty. After a layout's last column come this platform's terms, which no layout carries
     * (extension): chrgitm_lv, hilist_pric_uplmt_amt, selfpay_prop.
     */
    static final Map<ItemCategory, List<String>> LAYOUTS = Map.of(
            ItemCategory.DRUG, List.of("med_list_codg", "drug_prodname", "genname_codg", "drug_genname", "chemname", "alis",
                    "eng_name", "reg_name", "drugstdcode", "drug_dosform", "drug_dosform_name", "drug_type", "drug_type_name",
                    "drug_spec", "drug_spec_code", "reg_dosform", "reg_spec", "reg_spec_code", "each_dos", "used_frqu", "acdbas",
                    "nat_drug_no", "used_mtd", "tcmpat_flag", "prodplac_type", "prodplac_type_name", "prcunt_type", "otc_flag",
                    "otc_flag_name", "pacmatl", "pacmatl_name", "pacspec", "pac_cnt", "efcc_atd", "rute", "manl", "begndate",
                    "enddate", "min_useunt", "min_salunt", "min_unt", "min_pac_cnt", "min_pacunt", "min_prepunt", "min_pacunt_name",
                    "min_prepunt_name", "convrat", "drug_expy", "min_prcunt", "wubi", "pinyin", "subpck_fcty", "prodentp_code",
                    "prodentp_name", "sp_lmtpric_drug_flag", "sp_drug_flag", "lmt_usescp", "lmt_used_flag", "drug_regcertno",
                    "drug_regcert_begndate", "drug_regcert_enddate", "aprvno", "aprvno_begndate", "aprvno_enddate",
                    "mkt_stas", "mkt_stas_name", "drug_reg_appv_letr_elec", "splm_appv_letr_fil_elec", "natl_hi_drugdic_memo",
                    "bas_medn_flag_name", "bas_medn_flag", "vat_adjm_drug_flag", "vat_adjm_drug_name", "lstd_drug_flag",
                    "hi_nego_drug_flag", "hi_nego_drug_name", "nhc_drug_codg", "memo", "vali_flag", "rid", "crte_time",
                    "updt_time", "ver", "ver_name", "chld_medc_flag", "company_name", "consevl_drug_flag", "dstr_entp",
                    "dstr_entp_cont", "dstr_entp_auth_elec", "natl_hi_drug_dosform", "natl_hi_drug_lv"),
            ItemCategory.TCM_HERBAL, List.of("med_list_codg", "tcmherb_name", "cpnd_flag", "qlt_lv", "tcmherb_year", "med_part",
                    "safe_mtr", "cnvl_used", "natfla", "mertpm", "cat", "begndate", "enddate", "vali_flag", "rid", "crte_time",
                    "updt_time", "ver", "ver_name", "medc_matl_name", "efcc_atd", "prcs_mtd", "efcc_type", "medc_matl_src",
                    "natl_hi_pay_polic", "prov_hi_pay_polic", "std_name", "std_pagenum", "std_elec"),
            ItemCategory.SERVICE, List.of("med_list_codg", "prcunt", "prcunt_name", "trt_item_dscr", "trt_exct_cont",
                    "trt_item_cont", "vali_flag", "memo", "servitem_type", "servitem_name", "servitem_dscr", "begndate", "enddate",
                    "rid", "ver", "ver_name"),
            ItemCategory.CONSUMABLE, List.of("med_list_codg", "mcs_name", "mcs_udi", "hi_genname_codg", "hi_genname", "prod_mol",
                    "spec_code", "spec", "mcs_type", "spec_mol", "matl_code", "mcs_matl", "pacspec", "pac_cnt", "prod_pacmatl",
                    "pacunt", "prod_convrat", "min_useunt", "prodplac_type", "prodplac_type_name", "prod_std", "prod_expy",
                    "perf_strc_ingr", "usescp", "prod_usemtd", "prod_pic_no", "prod_qlt_std", "manl", "oth_prfmatl",
                    "sp_mach_sp_flag", "sp_mach_name", "grp_name", "mach_set_flag", "lmt_used_flag", "hi_lmt_usescp", "min_salunt",
                    "highval_mcs_flag", "med_matl_type_code", "impt_matl_hmorgn_flag", "mj_flag", "mj_name", "impt_itvt_clss_flag",
                    "impt_itvt_clss_name", "dspo_used_flag", "dspo_used_name", "reg_fil_psn_name", "begndate", "enddate",
                    "medn_mgt_type", "medn_mgt_type_name", "reg_fil_no", "reg_fil_prod_name", "strc_comp", "oth_cont", "aprv_date",
                    "reg_fil_psn_addr", "regcert_begndate", "regcert_enddate", "prodentp_code", "prodentp_name", "prod_addr",
                    "agnt_entp", "agnt_entp_addr", "prod_cnty", "aftsal_serv_org", "reg_fil_elec", "prod_img", "vali_flag", "rid",
                    "ver", "ver_name"));

    /** A download of one kind: 1301 DRUG, 1302 TCM_HERBAL, 1305 SERVICE, 1306 CONSUMABLE. */
    JsonNode download(Call call, ItemCategory category) {
        Input data = call.input().object("data");
        String ver = data.text("ver").trim();
        if (!ver.matches("[0-9]{1,18}")) {
            throw HisException.field("data.ver", "must be the version the institution holds, digits only (0 for none)");
        }
        SettlementClient.CatalogPage page = settlement.catalogChanges(Long.parseLong(ver), category, ROWS);
        List<String> layout = LAYOUTS.get(category);
        String name = layout.get(category == ItemCategory.DRUG ? 3 : category == ItemCategory.SERVICE ? 9 : 1);
        StringBuilder text = new StringBuilder();
        for (SettlementClient.CatalogEntry e : page.items()) {
            Map<String, String> cells = new HashMap<>();
            cells.put("med_list_codg", e.code());
            cells.put(name, cell(e.name()));
            if (category == ItemCategory.DRUG) {
                cells.put("drug_prodname", cell(e.name()));
                cells.put("natl_hi_drug_lv", e.removed() ? "" : codes.itemClass(e.itemClass()));
            }
            cells.put("begndate", e.validFrom().toString());
            cells.put("enddate", e.validTo() == null ? "" : e.validTo().toString());
            cells.put("vali_flag", e.removed() ? "0" : "1");
            cells.put("rid", e.code() + "@" + e.validFrom() + "@" + e.ver());
            cells.put("ver", Long.toString(e.ver()));
            cells.put("ver_name", "V" + e.ver());
            for (String column : layout) {
                text.append(cells.getOrDefault(column, "")).append('\t');
            }
            text.append(e.removed() ? "" : codes.itemClass(e.itemClass())).append('\t')
                    .append(e.priceCeiling() == null ? "" : e.priceCeiling().amount().toPlainString()).append('\t')
                    .append(e.selfPayRatio() == null ? "" : e.selfPayRatio().toPlainString()).append('\n');
        }
        String base = call.envelope().infno() + "_" + ver + "_" + page.nextAfterVer();
        ObjectNode kept = files.keep(call.institution(), base + ".zip", zip(base + ".txt", text.toString()), call.msgid());
        ObjectNode output = json.createObjectNode();
        output.put("file_qury_no", kept.path("file_qury_no").asString());
        output.put("filename", kept.path("filename").asString());
        output.put("dld_end_time", kept.path("dld_endtime").asString());
        output.put("data_cnt", page.items().size());
        output.put("ver", Long.toString(page.nextAfterVer()));
        return output;
    }

    /** A name as a cell: no tab or line break inside. */
    private static String cell(String value) {
        return value == null ? "" : value.replaceAll("[\\t\\r\\n]", " ");
    }

    private static byte[] zip(String entry, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.size() > Files.MAX_BYTES) {
            throw new IllegalStateException("a catalog download of " + ROWS + " rows exceeded " + Files.MAX_BYTES + " bytes zipped");
        }
        return bytes.toByteArray();
    }

    /** 3301 目录对照上传: one of the institution's own items mapped to a national code, for the bureau's review. */
    JsonNode map(Call call) {
        Input data = call.input().object("data");
        LocalDate from = data.dateTime("begndate").toLocalDate();
        LocalDate to = data.optional("enddate") == null ? null : data.dateTime("enddate").toLocalDate();
        if (to != null && to.isBefore(from)) {
            throw HisException.field("data.enddate", "is before data.begndate");
        }
        try {
            settlement.submitMapping(call.institution(), new SettlementClient.MappingItem(data.text("fixmedins_hilist_id"),
                    data.text("fixmedins_hilist_name"), data.optional("list_type"), data.text("med_list_codg"), from, to));
        } catch (HisException e) {
            throw new HisException(nationalNames(e.getMessage()));
        }
        return json.createObjectNode();
    }

    /** 3302 目录对照撤销: the institution's mapping of its own code revoked. */
    JsonNode unmap(Call call) {
        Input data = call.input().object("data");
        if (!data.text("fixmedins_code").equals(call.institution())) {
            throw HisException.field("data.fixmedins_code", data.text("fixmedins_code") + " is not the calling institution");
        }
        try {
            settlement.revokeMapping(call.institution(), data.text("fixmedins_hilist_id"), data.text("med_list_codg"));
        } catch (HisException e) {
            if (!e.getMessage().contains("(404)")) {
                throw new HisException(nationalNames(e.getMessage().replace("ownCode", "data.fixmedins_hilist_id")
                        .replace("nationalCode", "data.med_list_codg")));
            }
            throw HisException.field("data.fixmedins_hilist_id", "has no submitted or approved mapping to data.med_list_codg "
                    + data.text("med_list_codg") + " at this institution");
        }
        return json.createObjectNode();
    }

    /** A refusal of settlement's mapping API with the interface's field names (3301's data node). */
    static String nationalNames(String message) {
        return message.replace("items[0].ownCode", "data.fixmedins_hilist_id")
                .replace("items[0].ownName", "data.fixmedins_hilist_name")
                .replace("items[0].listType", "data.list_type")
                .replace("items[0].nationalCode", "data.med_list_codg")
                .replace("items[0].validFrom", "data.begndate")
                .replace("items[0].validTo", "data.enddate");
    }

    /**
     * Refuses details whose own code (medins_list_codg) has no approved mapping in force on their day to
     * the national code they give, naming {@code <list>[n].medins_list_codg} (or med_list_codg).
     */
    void requireMapped(Call call, String list, List<Input> details) {
        requireMapped(call, list, details, null);
    }

    /**
     * The same, every detail checked on {@code day} when given (a pharmacy purchase is priced on its
     * begin time), else each on its own fee day; at most {@link #CHECKED} lines per request to settlement.
     */
    void requireMapped(Call call, String list, List<Input> details, LocalDate day) {
        List<SettlementClient.MappingLine> lines = details.stream()
                .map(d -> new SettlementClient.MappingLine(d.optional("medins_list_codg"), d.text("med_list_codg"))).toList();
        if (lines.stream().allMatch(l -> l.ownCode() == null)) {
            return;
        }
        // checked per day: a stay's details span days, and a mapping holds from its own date
        Map<LocalDate, List<Integer>> byDay = new TreeMap<>();
        for (int i = 0; i < details.size(); i++) {
            if (lines.get(i).ownCode() != null) {
                LocalDate on = day != null ? day : details.get(i).dateTime("fee_ocur_time").toLocalDate();
                byDay.computeIfAbsent(on, d -> new ArrayList<>()).add(i);
            }
        }
        for (var onDay : byDay.entrySet()) {
            List<Integer> all = onDay.getValue();
            for (int from = 0; from < all.size(); from += CHECKED) {
                List<Integer> indexes = all.subList(from, Math.min(all.size(), from + CHECKED));
                List<SettlementClient.MappingProblem> problems = settlement.checkMappings(call.institution(), onDay.getKey(),
                        indexes.stream().map(lines::get).toList());
                if (!problems.isEmpty()) {
                    SettlementClient.MappingProblem first = problems.get(0);
                    int n = indexes.get(first.index());
                    throw HisException.field(list + "[" + n + "]." + ("NATIONAL".equals(first.field()) ? "med_list_codg" : "medins_list_codg"),
                            first.reason());
                }
            }
        }
    }
}
