package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.national.NationalTime;
import org.yibao.his.platform.SettlementClient;
import org.yibao.his.visit.VisitSettlement;
import org.yibao.his.visit.VisitStore;
import org.yibao.web.text.TextUpload;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciliation of an institution's settlements for a period against what the platform settled
 * (settlement-service's ledger, not this interface's own records): 3201 对总账 compares the totals,
 * 3202 对明细账 compares a detail file (uploaded by 9101) bill by bill and names every setl_id that does
 * not match.
 *
 * <p>What counts (ASSUMPTION, no public source states the rule): the period is days in Beijing time,
 * inclusive. With refd_setl_flag 0 (the default) 3201 counts the settlements made in the period that
 * are still in force; with 1, every settlement made in the period and every reversal made in it (its
 * amounts negative, as 2208/2305 answered them). 3202's file lists every settlement made in the period
 * (refd_setl_flag 0) and every reversal (1). A settlement made outside this interface is named by the
 * platform's id. Filtered by insutype (310/390) and clr_type (11 outpatient, 21 inpatient, 41 pharmacy).
 */
@Component
class Reconciliation {

    private final SettlementClient settlement;
    private final VisitStore visits;
    private final Files files;
    private final NationalCodes codes;
    private final JsonMapper json;

    Reconciliation(SettlementClient settlement, VisitStore visits, Files files, NationalCodes codes, JsonMapper json) {
        this.settlement = settlement;
        this.visits = visits;
        this.files = files;
        this.codes = codes;
        this.json = json;
    }

    /** One bill as the platform has it. */
    record Row(String setlId, String personId, boolean reversal, BigDecimal total, BigDecimal funds, BigDecimal account,
               boolean reversed) {
    }

    /** The platform's settlements and reversals of an institution in a period, filtered by insutype and clr_type. */
    private List<Row> platformRows(String institution, LocalDate from, LocalDate to, String insutype, String clrType) {
        List<Row> rows = new ArrayList<>();
        for (SettlementClient.LedgerEntry s : settlement.ofInstitution(institution, from, to)) {
            String scheme = codes.insutype(s.scheme().name());
            String clr = codes.clearingTypeOfVisit(s.visitType());
            if (insutype != null && !insutype.equals(scheme) || clrType != null && !clrType.equals(clr)) {
                continue;
            }
            BigDecimal total = s.total().amount();
            BigDecimal funds = s.funds().amount();
            BigDecimal account = s.personalAccount().amount();
            LocalDate settled = s.settledAt().atZone(NationalTime.BEIJING).toLocalDate();
            if (!settled.isBefore(from) && !settled.isAfter(to)) {
                rows.add(new Row(visits.setlIdOf(s.id(), VisitSettlement.Kind.SETTLEMENT).orElse(s.id().toString()), s.personId(),
                        false, total, funds, account, s.reversedAt() != null));
            }
            if (s.reversedAt() != null) {
                LocalDate reversed = s.reversedAt().atZone(NationalTime.BEIJING).toLocalDate();
                if (!reversed.isBefore(from) && !reversed.isAfter(to)) {
                    rows.add(new Row(visits.setlIdOf(s.reversalId(), VisitSettlement.Kind.REVERSAL).orElse(s.reversalId().toString()),
                            s.personId(), true, total.negate(), funds.negate(), account.negate(), false));
                }
            }
        }
        return rows;
    }

    static LocalDate[] period(Input data) {
        LocalDate from = LocalDate.parse(data.text("stmt_begndate"));
        LocalDate to = LocalDate.parse(data.text("stmt_enddate"));
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw HisException.field("data.stmt_enddate", "must be on or after stmt_begndate and at most 366 days after it");
        }
        return new LocalDate[] {from, to};
    }

    /** 3201 医药机构费用结算对总账. */
    JsonNode totals(Call call) {
        Input data = call.input().object("data");
        LocalDate[] period = period(data);
        boolean withReversals = "1".equals(data.optional("refd_setl_flag"));
        List<Row> rows = platformRows(call.institution(), period[0], period[1], data.text("insutype"),
                data.text("clr_type"));
        if (!withReversals) {
            // settlements in force: those reversed (in the period or after it) are left out, and so are reversals
            rows = inForce(rows);
        }
        BigDecimal total = rows.stream().map(Row::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal funds = rows.stream().map(Row::funds).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal account = rows.stream().map(Row::account).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        long count = rows.size();
        List<String> differences = new ArrayList<>();
        differ(differences, "medfee_sumamt", data.decimal("medfee_sumamt"), total);
        differ(differences, "fund_pay_sumamt", data.decimal("fund_pay_sumamt"), funds);
        differ(differences, "acct_pay", data.decimal("acct_pay"), account);
        long declaredCount = Long.parseLong(data.text("fixmedins_setl_cnt"));
        if (declaredCount != count) {
            differences.add("fixmedins_setl_cnt: the institution has " + declaredCount + ", the platform " + count);
        }
        ObjectNode output = json.createObjectNode();
        ObjectNode info = output.putObject("stmtinfo");
        info.put("setl_optins", data.text("setl_optins"));
        info.put("stmt_rslt", differences.isEmpty() ? "0" : "1");
        String description = differences.isEmpty() ? "对账一致: " + count + " settlements, " + total.toPlainString() + " yuan"
                : String.join("; ", differences);
        info.put("stmt_rslt_dscr", description.length() > 200 ? description.substring(0, 197) + "..." : description);
        info.put("medfee_sumamt", total);
        info.put("fund_pay_sumamt", funds);
        info.put("acct_pay", account);
        info.put("fixmedins_setl_cnt", count);
        return output;
    }

    /** The settlements of the rows that no row reverses (the platform marks a reversed settlement by its reversal's row). */
    private List<Row> inForce(List<Row> rows) {
        return rows.stream().filter(r -> !r.reversal() && !r.reversed()).toList();
    }

    private static void differ(List<String> differences, String field, BigDecimal institution, BigDecimal platform) {
        if (institution.compareTo(platform) != 0) {
            differences.add(field + ": the institution has " + institution.toPlainString() + ", the platform " + platform.toPlainString());
        }
    }

    /**
     * 3202 医药机构费用结算对明细账: the detail file against the platform, bill by bill. The detail file: one bill
     * a line, tab-separated, UTF-8 — setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay,
     * refd_setl_flag (the spec's columns; ASSUMPTION: tab-separated text).
     */
    JsonNode details(Call call) {
        Input data = call.input().object("data");
        LocalDate[] period = period(data);
        data.text("setl_optins");
        String clrType = data.optional("clr_type");
        byte[] file = files.find(data.text("file_qury_no"), call.institution(), "data.file_qury_no");
        String text = TextUpload.decode(file, "text/plain; charset=UTF-8");
        if (text == null) {
            throw HisException.field("data.file_qury_no", "the file is not UTF-8 text");
        }
        Map<String, String[]> listed = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] f = lines[n].split("\t", -1);
            String where = "file line " + (n + 1);
            if (f.length != 7) {
                throw HisException.field(where, "has " + f.length + " tab-separated fields; a line is setl_id, mdtrt_id, psn_no, "
                        + "medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag");
            }
            if (f[0].isBlank() || f[0].length() > 40) {
                throw HisException.field(where + " setl_id", "is required and at most 40 characters");
            }
            for (int k = 3; k <= 5; k++) {
                if (!f[k].trim().matches("-?[0-9]{1,14}(\\.[0-9]{1,2})?")) {
                    throw HisException.field(where + " " + new String[] {"", "", "", "medfee_sumamt", "fund_pay_sumamt", "acct_pay"}[k],
                            "is not an amount (16,2)");
                }
            }
            if (!f[6].trim().matches("[01]")) {
                throw HisException.field(where + " refd_setl_flag", "must be 0 or 1");
            }
            if (listed.put(f[0].trim(), f) != null) {
                throw HisException.field(where + " setl_id", f[0] + " is listed twice");
            }
        }
        List<Row> rows = platformRows(call.institution(), period[0], period[1], null, clrType);
        ArrayNode mismatches = json.createArrayNode();
        StringBuilder result = new StringBuilder();
        for (Row r : rows) {
            String[] f = listed.remove(r.setlId());
            String memo;
            if (f == null) {
                memo = "the platform settled it; the institution's file does not list it";
            } else if (new BigDecimal(f[3].trim()).compareTo(r.total()) != 0 || new BigDecimal(f[4].trim()).compareTo(r.funds()) != 0
                    || new BigDecimal(f[5].trim()).compareTo(r.account()) != 0 || "1".equals(f[6].trim()) != r.reversal()) {
                memo = "the platform has medfee_sumamt " + r.total().toPlainString() + ", fund_pay_sumamt " + r.funds().toPlainString()
                        + ", acct_pay " + r.account().toPlainString() + (r.reversal() ? " (a reversal)" : "")
                        + "; the file " + f[3].trim() + ", " + f[4].trim() + ", " + f[5].trim();
            } else {
                memo = null;
            }
            if (memo != null) {
                mismatches.addObject().put("setl_id", r.setlId()).put("mdtrt_id", f == null ? null : f[1]).put("psn_no", r.personId())
                        .put("memo", memo);
            }
            result.append(String.join("\t", r.personId(), f == null ? "" : f[1], r.setlId(), memo == null ? "0" : "1",
                    r.reversal() ? "1" : "0", memo == null ? "" : memo, r.total().toPlainString(), r.funds().toPlainString(),
                    r.account().toPlainString())).append('\n');
        }
        for (String[] f : listed.values()) {
            String memo = "the platform has no such settlement of this institution in the period";
            mismatches.addObject().put("setl_id", f[0].trim()).put("mdtrt_id", f[1]).put("psn_no", f[2]).put("memo", memo);
            result.append(String.join("\t", f[2], f[1], f[0].trim(), "1", f[6].trim(), memo, f[3].trim(), f[4].trim(), f[5].trim()))
                    .append('\n');
        }
        ObjectNode output = json.createObjectNode();
        output.set("fileinfo", files.keep(call.institution(), "3202-" + period[0] + "-" + period[1] + ".txt",
                result.toString().getBytes(StandardCharsets.UTF_8), call.msgid()));
        ObjectNode info = output.putObject("stmtinfo");
        info.put("stmt_rslt", mismatches.isEmpty() ? "0" : "1");
        info.put("stmt_rslt_dscr", mismatches.isEmpty() ? "对账一致: " + rows.size() + " bills"
                : mismatches.size() + " bills do not match; see mismatches and the result file");
        output.set("mismatches", mismatches);
        return output;
    }
}
