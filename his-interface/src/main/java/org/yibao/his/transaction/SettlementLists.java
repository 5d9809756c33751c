package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.contracts.money.Money;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.CasemixClient;
import org.yibao.his.platform.SettlementClient;
import org.yibao.his.visit.VisitSettlement;
import org.yibao.his.visit.VisitStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 4101 / 4101A 医疗保障基金结算清单信息上传 and 4102 医疗保障基金结算清单信息状态修改: the settlement list (医保结算清单) of
 * one of the institution's inpatient settlements, uploaded to casemix-service (which keeps it, corrected by version, and
 * checks it against the settled stay), and its submission.
 *
 * <p>The list names its settlement by the setl_id this interface gave it (2304): it must be a settlement of this
 * institution, of the visit mdtrt_id, not reversed; casemix knows it by settlement-service's id of the bill. Diagnoses of
 * diag_type 1 (西医诊断, ICD-10) are the list's: the one with maindiag_flag 1 its main diagnosis, the others its secondary
 * ones in the order sent; TCM diagnoses (diag_type 2, 3) are checked for their shape and not forwarded (casemix's list has
 * none: ASSUMPTION). A procedure of oprn_oprt_type 1 is the main one. 4101's fee items (iteminfo, med_chrgitm 01..14) are
 * the list's fee categories; 4101A has none, its fees are the settled bill's lines by their fee category (as 2301 answers
 * them). The ventilator time 天数/小时数/分钟数 is whole hours (minutes dropped: ASSUMPTION).
 *
 * <p>4102 submits lists (stas_type 1 已提交): every row is checked first — a list casemix holds, of this person, that
 * passed its quality control, else refused naming the row — then each is submitted to casemix, which records it and refuses
 * to replace a submitted list afterwards (a 4101 of it answers the refusal). stas_type 0 (back to 未提交) is refused: public
 * clients say a submitted list is not withdrawn.
 */
@Component
class SettlementLists {

    /** med_chrgitm (医疗收费项目类别) to casemix's fee category. */
    static final Map<String, String> FEE_CATEGORIES = Map.ofEntries(
            Map.entry("01", "BED"), Map.entry("02", "CONSULTATION"), Map.entry("03", "EXAMINATION"), Map.entry("04", "LABORATORY"),
            Map.entry("05", "TREATMENT"), Map.entry("06", "SURGERY"), Map.entry("07", "NURSING"), Map.entry("08", "MATERIAL"),
            Map.entry("09", "WESTERN_DRUG"), Map.entry("10", "HERBAL_PIECES"), Map.entry("11", "PATENT_CHINESE_DRUG"),
            Map.entry("12", "GENERAL_DIAGNOSIS"), Map.entry("13", "REGISTRATION"), Map.entry("14", "OTHER"));
    /** casemix's quality-control states in Chinese. */
    static final Map<String, String> STATES = Map.of("UNCHECKED", "未质控", "INCOMPLETE", "质控未完成", "PASSED", "质控完成");

    /** The most a fee category may amount to, yuan (casemix's limit). */
    private static final BigDecimal MAX_FEE = new BigDecimal("99999999.99");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,4})/([0-9]{1,2})/([0-9]{1,2})");
    private static final Pattern DIAGNOSIS = Pattern.compile("[A-Z][0-9]{2}\\.[0-9x][0-9x]{2}");
    private static final Pattern PROCEDURE = Pattern.compile("[0-9]{2}\\.[0-9x][0-9x]{3}");

    private final VisitStore visits;
    private final CasemixClient casemix;
    private final SettlementClient settlement;
    private final NationalCodes codes;
    private final JsonMapper json;

    SettlementLists(VisitStore visits, CasemixClient casemix, SettlementClient settlement, NationalCodes codes, JsonMapper json) {
        this.visits = visits;
        this.casemix = casemix;
        this.settlement = settlement;
        this.codes = codes;
        this.json = json;
    }

    /** 4101: the list with its fee items. */
    JsonNode upload(Call call) {
        Input root = call.input();
        Input setl = root.object("setlinfo");
        if (!setl.text("fixmedins_code").equals(call.institution())) {
            throw HisException.field("setlinfo.fixmedins_code", "must be the signed-in institution " + call.institution());
        }
        VisitSettlement settled = settlementOf(call, setl, true);
        Mapped mapped = list(settled, setl, root.list("diseinfo"), procedures(root.optionalList("oprninfo"), "oprn_oprt_date"),
                fees(root.list("iteminfo")), newbornWeights(setl, false));
        return answer(settled.setlId(), casemix.upload(call.institution(), mapped.upload()), mapped.fields());
    }

    /** 4101A: the list without fee items: its fees are the settled bill's lines by fee category. */
    JsonNode uploadNew(Call call) {
        Input root = call.input();
        Input setl = root.object("setlinfo");
        VisitSettlement settled = settlementOf(call, setl, false);
        Mapped mapped = list(settled, setl, root.list("diseinfo"), procedures(root.optionalList("oprninfo"), "oprn_oprt_begntime"),
                billFees(settlement.get(settled.settlementId())), newbornWeights(setl, true));
        return answer(settled.setlId(), casemix.upload(call.institution(), mapped.upload()), mapped.fields());
    }

    /** 4102: submits each row's list (all checked before any answer). */
    JsonNode submit(Call call) {
        List<Input> rows = call.input().object("data").list("stastinfo");
        ObjectNode output = json.createObjectNode();
        ArrayNode out = output.putArray("stastinfo");
        List<String[]> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Input row = rows.get(i);
            String at = "data.stastinfo[" + i + "].";
            if (!"1".equals(row.text("stas_type"))) {
                throw HisException.field(at + "stas_type", "only 1 (已提交) is taken: a submitted list is neither withdrawn nor "
                        + "replaced; correct a list by uploading it again (4101/4101A) before submitting it");
            }
            String setlId = row.text("setl_id");
            String person = row.person("psn_no");
            VisitSettlement settled = visits.settlement(setlId, call.institution())
                    .filter(s -> s.kind() == VisitSettlement.Kind.SETTLEMENT && s.personId().equals(person))
                    .orElseThrow(() -> HisException.field(at + "setl_id", setlId + " is not a settlement of this person at this institution"));
            CasemixClient.SettlementList list = casemix.find(call.institution(), settled.settlementId().toString())
                    .orElseThrow(() -> HisException.field(at + "setl_id", "no settlement list of " + setlId + " was uploaded (4101/4101A)"));
            if (!"PASSED".equals(list.state())) {
                throw HisException.field(at + "setl_id", "the list of " + setlId + " is " + list.state() + " ("
                        + STATES.getOrDefault(list.state(), list.state()) + "), not passed: "
                        + String.join("; ", list.findings().stream().map(f -> f.field() + " " + f.reason()).toList()));
            }
            submitted.add(new String[]{setlId, settled.settlementId().toString()});
            out.addObject().put("setl_id", setlId).put("stas_type", "1").put("qc_stas", list.state()).put("list_ver", list.version());
        }
        // every row checked: each is submitted (已提交), recorded by casemix (a submitted list is not replaced)
        for (String[] row : submitted) {
            casemix.submit(call.institution(), row[1]);
        }
        return output;
    }

    /**
     * The settlement a list names: this institution's, of its visit and (when given) person — its psn_no, and its certno when
     * the certificate is a resident id card — not reversed.
     */
    private VisitSettlement settlementOf(Call call, Input setl, boolean withCertificate) {
        String setlId = setl.text("setl_id");
        String mdtrtId = setl.text("mdtrt_id");
        VisitSettlement s = visits.settlement(setlId, call.institution())
                .filter(v -> v.kind() == VisitSettlement.Kind.SETTLEMENT && v.mdtrtId().equals(mdtrtId))
                .orElseThrow(() -> HisException.field("setlinfo.setl_id", setlId + " is not a settlement of visit " + mdtrtId
                        + " at this institution"));
        checkPerson(s, setl, setlId, withCertificate);
        if (s.reversedBy() != null) {
            throw HisException.field("setlinfo.setl_id", setlId + " was reversed by " + s.reversedBy() + ": a reversed settlement has no list");
        }
        return s;
    }

    /**
     * The list's person is the settled one: its psn_no when given, and (4101's layout, {@code withCertificate}) its certno
     * when the certificate is a resident id card (01, or no type given).
     *
     * @throws HisException naming {@code setlinfo.psn_no} or {@code setlinfo.certno}
     */
    static void checkPerson(VisitSettlement s, Input setl, String setlId, boolean withCertificate) {
        if (setl.optional("psn_no") != null && !setl.person("psn_no").equals(s.personId())) {
            throw HisException.field("setlinfo.psn_no", "is not the person settled by " + setlId);
        }
        if (!withCertificate) {
            return;
        }
        String certType = setl.optional("patn_cert_type");
        if (setl.optional("certno") != null && (certType == null || "01".equals(certType)) && !setl.person("certno").equals(s.personId())) {
            throw HisException.field("setlinfo.certno", "is not the resident id of the person settled by " + setlId);
        }
    }

    /** casemix's list, and which national field each of casemix's fields came from. */
    record Mapped(CasemixClient.Upload upload, Map<String, String> fields) {
    }

    /** A procedure as listed, with the national path it came from. */
    record Listed<T>(T value, String path) {
    }

    static Mapped list(VisitSettlement settled, Input setl, List<Input> diagnoses, List<Listed<CasemixClient.Procedure>> procedures,
                       List<Listed<CasemixClient.Fee>> fees, List<Listed<Integer>> newborns) {
        Map<String, String> fields = new HashMap<>();
        fields.put("admissionDate", "setlinfo.adm_time");
        fields.put("dischargeDate", "setlinfo.dscg_time");
        fields.put("ventilatorHours", "setlinfo.vent_used_dura");
        fields.put("fees", "iteminfo");
        fields.put("procedures", "oprninfo");
        String main = null;
        List<String> secondary = new ArrayList<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            Input d = diagnoses.get(i);
            if (!"1".equals(d.text("diag_type"))) {
                continue;
            }
            String code = d.text("diag_code");
            if (!DIAGNOSIS.matcher(code).matches()) {
                throw HisException.field(d.path("diag_code"), "must be an ICD-10 code of the insurance edition such as K35.800: " + code);
            }
            if ("1".equals(d.text("maindiag_flag"))) {
                if (main != null) {
                    throw HisException.field(d.path("maindiag_flag"), "a second main diagnosis: " + main + " is the main one");
                }
                main = code;
                fields.put("mainDiagnosis", d.path("diag_code"));
            } else {
                fields.put("secondaryDiagnoses[" + secondary.size() + "]", d.path("diag_code"));
                secondary.add(code);
            }
        }
        if (main == null) {
            throw HisException.field("diseinfo", "has no main diagnosis: one of diag_type 1 (西医诊断) with maindiag_flag 1");
        }
        for (int i = 0; i < procedures.size(); i++) {
            String path = procedures.get(i).path();
            fields.put("procedures[" + i + "].code", path + ".oprn_oprt_code");
            fields.put("procedures[" + i + "].date", path + ".oprn_oprt_date");
        }
        for (int i = 0; i < fees.size(); i++) {
            fields.put("fees[" + i + "].amount", fees.get(i).path());
        }
        for (int i = 0; i < newborns.size(); i++) {
            fields.put("newbornWeights[" + i + "]", newborns.get(i).path());
        }
        var admitted = setl.dateTime("adm_time").toLocalDate();
        var discharged = setl.dateTime("dscg_time").toLocalDate();
        String department = setl.optional("dscg_caty");
        if (department != null && !department.matches("[A-Za-z0-9]{1,32}")) {
            throw HisException.field("setlinfo.dscg_caty", "must be a department code of letters and digits");
        }
        return new Mapped(new CasemixClient.Upload(settled.settlementId().toString(), admitted, discharged, main, secondary,
                procedures.stream().map(Listed::value).toList(), fees.stream().map(Listed::value).toList(),
                ventilatorHours(setl.optional("vent_used_dura")), newborns.stream().map(Listed::value).toList(), department), fields);
    }

    /** oprninfo as casemix's procedures: the day of {@code dateField}, the main one of oprn_oprt_type 1. */
    static List<Listed<CasemixClient.Procedure>> procedures(List<Input> rows, String dateField) {
        List<Listed<CasemixClient.Procedure>> out = new ArrayList<>();
        for (Input p : rows) {
            String code = p.text("oprn_oprt_code");
            if (!PROCEDURE.matcher(code).matches()) {
                throw HisException.field(p.path("oprn_oprt_code"), "must be an ICD-9-CM-3 code of the insurance edition such as 47.0100: " + code);
            }
            String path = p.path("oprn_oprt_code");
            out.add(new Listed<>(new CasemixClient.Procedure(code, p.dateTime(dateField).toLocalDate(), "1".equals(p.text("oprn_oprt_type"))),
                    path.substring(0, path.lastIndexOf('.'))));
        }
        return out;
    }

    /** iteminfo as casemix's fees: each med_chrgitm once, amt in yuan. */
    static List<Listed<CasemixClient.Fee>> fees(List<Input> items) {
        Map<String, Integer> seen = new HashMap<>();
        List<Listed<CasemixClient.Fee>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Input item = items.get(i);
            String code = item.text("med_chrgitm");
            Integer before = seen.put(code, i);
            if (before != null) {
                throw HisException.field(item.path("med_chrgitm"), code + " is listed twice (also iteminfo[" + before + "])");
            }
            BigDecimal amount = item.decimal("amt");
            if (amount.signum() < 0 || amount.compareTo(MAX_FEE) > 0) {
                throw HisException.field(item.path("amt"), "must be from 0 to " + MAX_FEE.toPlainString() + " (a fee category's amount)");
            }
            out.add(new Listed<>(new CasemixClient.Fee(FEE_CATEGORIES.get(code), Money.of(amount)), item.path("amt")));
        }
        return out;
    }

    /** A settled bill's lines summed by their fee category (01..14, as 2301 answers each line's), in code order. */
    List<Listed<CasemixClient.Fee>> billFees(SettlementClient.Bill bill) {
        Map<String, Money> sums = new TreeMap<>();
        for (SettlementClient.BillLine l : bill.lines()) {
            sums.merge(codes.feeCategory(l.category(), l.itemCode()), l.amount(), Money::plus);
        }
        List<Listed<CasemixClient.Fee>> out = new ArrayList<>();
        sums.forEach((code, amount) -> out.add(new Listed<>(new CasemixClient.Fee(FEE_CATEGORIES.get(code), amount),
                "the settled bill's " + code)));
        return out;
    }

    /** nwb_bir_wt (and in 4101A mul_nwb_bir_wt, comma-separated) in whole grams. */
    static List<Listed<Integer>> newbornWeights(Input setl, boolean several) {
        List<Listed<Integer>> out = new ArrayList<>();
        if (setl.optional("nwb_bir_wt") != null) {
            out.add(new Listed<>(grams(setl.decimal("nwb_bir_wt"), setl.path("nwb_bir_wt")), setl.path("nwb_bir_wt")));
        }
        String many = several ? setl.optional("mul_nwb_bir_wt") : null;
        if (many != null) {
            for (String w : many.split("[,，]")) {
                if (!w.trim().matches("[0-9]{1,4}(\\.[0-9]{1,2})?")) {
                    throw HisException.field(setl.path("mul_nwb_bir_wt"), "must be birth weights in grams separated by commas: " + w.trim());
                }
                out.add(new Listed<>(grams(new BigDecimal(w.trim()), setl.path("mul_nwb_bir_wt")), setl.path("mul_nwb_bir_wt")));
            }
        }
        return out;
    }

    private static int grams(BigDecimal weight, String path) {
        try {
            return weight.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw HisException.field(path, "must be whole grams (the list weighs to 10 g): " + weight.toPlainString());
        }
    }

    /** 天数/小时数/分钟数 (such as 1/13/24) in whole hours, minutes dropped; none is 0. */
    static int ventilatorHours(String duration) {
        if (duration == null) {
            return 0;
        }
        Matcher m = DURATION.matcher(duration);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 23 || Integer.parseInt(m.group(3)) > 59) {
            throw HisException.field("setlinfo.vent_used_dura", "must be days/hours/minutes such as 1/13/24: " + duration);
        }
        return Integer.parseInt(m.group(1)) * 24 + Integer.parseInt(m.group(2));
    }

    /** The answer: setl_list_id, the version and the quality control, each finding named in this interface's fields. */
    private JsonNode answer(String setlId, CasemixClient.SettlementList list, Map<String, String> fields) {
        return output(json, setlId, list, fields);
    }

    static ObjectNode output(JsonMapper json, String setlId, CasemixClient.SettlementList list, Map<String, String> fields) {
        ObjectNode output = json.createObjectNode();
        output.put("setl_list_id", setlId);
        output.put("list_ver", list.version());
        output.put("qc_stas", list.state());
        output.put("qc_stas_name", STATES.getOrDefault(list.state(), list.state()));
        ArrayNode info = output.putArray("qc_info");
        for (CasemixClient.Finding f : list.findings()) {
            String reason = f.reason().length() > 500 ? f.reason().substring(0, 497) + "..." : f.reason();
            String field = fields.getOrDefault(f.field(), f.field());
            info.addObject().put("fld", field.length() > 60 ? field.substring(0, 60) : field).put("rsn", reason);
        }
        return output;
    }
}
