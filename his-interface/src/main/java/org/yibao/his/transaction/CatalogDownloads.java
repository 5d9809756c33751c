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
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The catalog downloads by version (目录下载): 1301 西药中成药, 1302 中药饮片, 1305 医疗服务项目, 1306 医用耗材.
 * The HIS sends the version it holds ({@code data.ver}, "0" for none) and is answered a file of the
 * entries of that kind changed after it, at most {@link #ROWS} of them, oldest change first (fetched
 * with 9102 by its {@code file_qury_no} and {@code filename}): a zip holding one tab-separated text file
 * whose header names the layout's fields and whose last column is each row's {@code ver}. The HIS
 * repeats with the last row's ver until {@code data_cnt} is 0. A removed entry comes with
 * {@code vali_flag} 0. ASSUMPTION: the fields are the layouts' (med_list_codg, the kind's name field,
 * begndate, enddate, chrgitm_lv, vali_flag, ver) plus the platform's terms (hilist_pric_uplmt_amt,
 * selfpay_prop); public clients read these files by header.
 */
@Component
class CatalogDownloads {

    /** The most rows one download answers. */
    static final int ROWS = 3_000;

    private final SettlementClient settlement;
    private final Files files;
    private final NationalCodes codes;
    private final JsonMapper json;

    CatalogDownloads(SettlementClient settlement, Files files, NationalCodes codes, JsonMapper json) {
        this.settlement = settlement;
        this.files = files;
        this.codes = codes;
        this.json = json;
    }

    /** A download of one kind: 1301 DRUG, 1302 TCM_HERBAL, 1305 SERVICE, 1306 CONSUMABLE. */
    JsonNode download(Call call, ItemCategory category) {
        Input data = call.input().object("data");
        String ver = data.text("ver").trim();
        if (!ver.matches("[0-9]{1,18}")) {
            throw HisException.field("data.ver", "must be the version the institution holds, digits only (0 for none)");
        }
        SettlementClient.CatalogPage page = settlement.catalogChanges(Long.parseLong(ver), category, ROWS);
        String name = switch (category) {
            case DRUG -> "drug_genname";
            case TCM_HERBAL -> "tcmherb_name";
            case SERVICE -> "servitem_name";
            case CONSUMABLE -> "mcs_name";
        };
        StringBuilder text = new StringBuilder("med_list_codg\t" + name
                + "\tbegndate\tenddate\tchrgitm_lv\tlist_type\thilist_pric_uplmt_amt\tselfpay_prop\tvali_flag\tver\n");
        for (SettlementClient.CatalogEntry e : page.items()) {
            text.append(e.code()).append('\t').append(cell(e.name())).append('\t').append(e.validFrom()).append('\t')
                    .append(e.validTo() == null ? "" : e.validTo().toString()).append('\t')
                    .append(e.removed() ? "" : codes.itemClass(e.itemClass())).append('\t').append(listType(e.category())).append('\t')
                    .append(e.priceCeiling() == null ? "" : e.priceCeiling().amount().toPlainString()).append('\t')
                    .append(e.selfPayRatio() == null ? "" : e.selfPayRatio().toPlainString()).append('\t')
                    .append(e.removed() ? "0" : "1").append('\t').append(e.ver()).append('\n');
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

    private static String listType(ItemCategory category) {
        return switch (category) {
            case DRUG -> "101";
            case TCM_HERBAL -> "102";
            case SERVICE -> "201";
            case CONSUMABLE -> "301";
        };
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
        settlement.submitMapping(call.institution(), new SettlementClient.MappingItem(data.text("fixmedins_hilist_id"),
                data.text("fixmedins_hilist_name"), data.optional("list_type"), data.text("med_list_codg"), from, to));
        return json.createObjectNode();
    }

    /** 3302 目录对照撤销: the institution's mapping of its own code revoked. */
    JsonNode unmap(Call call) {
        Input data = call.input().object("data");
        if (!data.text("fixmedins_code").equals(call.institution())) {
            throw HisException.field("data.fixmedins_code", data.text("fixmedins_code") + " is not the calling institution");
        }
        settlement.revokeMapping(call.institution(), data.text("fixmedins_hilist_id"), data.text("med_list_codg"));
        return json.createObjectNode();
    }

    /**
     * Refuses details whose own code (medins_list_codg) has no approved mapping in force on their day to
     * the national code they give, naming {@code <list>[n].medins_list_codg} (or med_list_codg).
     */
    void requireMapped(Call call, String list, List<Input> details) {
        List<SettlementClient.MappingLine> lines = details.stream()
                .map(d -> new SettlementClient.MappingLine(d.optional("medins_list_codg"), d.text("med_list_codg"))).toList();
        if (lines.stream().allMatch(l -> l.ownCode() == null)) {
            return;
        }
        // checked per day: a stay's details span days, and a mapping holds from its own date
        java.util.Map<LocalDate, List<Integer>> byDay = new java.util.TreeMap<>();
        for (int i = 0; i < details.size(); i++) {
            if (lines.get(i).ownCode() != null) {
                byDay.computeIfAbsent(details.get(i).dateTime("fee_ocur_time").toLocalDate(), d -> new java.util.ArrayList<>()).add(i);
            }
        }
        for (var day : byDay.entrySet()) {
            List<Integer> indexes = day.getValue();
            List<SettlementClient.MappingProblem> problems = settlement.checkMappings(call.institution(), day.getKey(),
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
