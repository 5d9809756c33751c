package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.PlatformApis;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.FeeLine;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.VisitStore;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 3101 明细审核事前分析 and 3102 事中分析: supervision's real-time pre-check of the visit's uploaded
 * details with the visit's facts (issue 21), each finding as a result row in the national layout.
 */
@Component
class PreEventAudit {

    /** The national framework's stages (事前, 事中) as supervision names them. */
    static final String BEFORE = "BEFORE";
    static final String DURING = "DURING";

    private final Visits visits;
    private final VisitStore store;
    private final PlatformApis platform;
    private final NationalCodes codes;
    private final JsonMapper json;

    PreEventAudit(Visits visits, VisitStore store, PlatformApis platform, NationalCodes codes, JsonMapper json) {
        this.visits = visits;
        this.store = store;
        this.platform = platform;
        this.codes = codes;
        this.json = json;
    }

    /**
     * What supervision's pre-check is asked: the visit's details as uploaded, one line per detail in the
     * order they occurred (a finding's 1-based line counts these), and the visit's facts.
     *
     * @param total        yuan, the details' sum
     * @param admittedAt   a stay's admission (2401 begntime), Beijing local time; null for other visits
     * @param dischargedAt a stay's discharge (2402 endtime), or null while it goes on
     * @param stage        BEFORE (3101) or DURING (3102)
     */
    record PreCheck(String personId, String institutionCode, VisitType visitType, LocalDate serviceDate, List<String> diagnosisCodes,
                    String total, List<Line> lines, String personType, boolean emergency, LocalDateTime admittedAt,
                    LocalDateTime dischargedAt, List<String> procedureCodes, String doctorCode, String departmentCode, String stage) {
    }

    /** One detail: yuan as text; days of supply (prd_days rounded up) and prescribing doctor (bilg_dr_codg) where sent. */
    record Line(String itemCode, BigDecimal quantity, String unitPrice, String amount, Integer daysOfSupply, String doctorCode) {
    }

    /** 3101 (before the event, stage BEFORE) / 3102 (during it, stage DURING): the same check of the visit's details. */
    JsonNode audit(Call call, String stage) {
        Input data = call.input().object("data");
        Visit visit = visits.ofPerson(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
        // the details not yet settled: a stay's segment settled mid-stay is the smart audit's now (it is in the history)
        List<FeeLine> all = store.lines(visit.mdtrtId());
        if (all.isEmpty()) {
            throw HisException.field("data.mdtrt_id", "visit " + visit.mdtrtId() + " has no fee details to audit");
        }
        List<FeeLine> lines = all.stream().filter(l -> l.setlId() == null).toList();
        if (lines.isEmpty()) {
            // everything is settled: nothing is left to judge before settlement (the smart audit judges the settled bills)
            ObjectNode output = json.createObjectNode();
            output.put("outcome", "PASS");
            output.putArray("result");
            return output;
        }
        JsonNode verdict = platform.post("supervision", "/api/supervision/pre-checks", request(visit, lines, stage, codes));
        return answer(verdict, visit, lines, call.msgid(), json);
    }

    /** The national answer of supervision's verdict: a row per finding, or per reason from an older supervision. */
    static ObjectNode answer(JsonNode verdict, Visit visit, List<FeeLine> lines, String msgid, JsonMapper json) {
        ObjectNode output = json.createObjectNode();
        output.put("outcome", verdict.path("outcome").asString());
        ArrayNode result = output.putArray("result");
        if (verdict.path("findings").isArray()) {
            findings(verdict.path("findings"), visit, lines, msgid, result);
        } else {
            reasons(verdict, visit, result);   // an older supervision answers reasons only
        }
        return output;
    }

    /**
     * The pre-check's request. The service date is the visit's, or for a stay still going on the latest day
     * its details were incurred (so that the stay, admitted to that day, overlaps what it overlaps).
     */
    static PreCheck request(Visit visit, List<FeeLine> lines, String stage, NationalCodes codes) {
        boolean stay = visit.kind() == Visit.Kind.INPATIENT;
        LocalDate served = visit.serviceDate();
        if (stay && visit.endsAt() == null) {
            for (FeeLine l : lines) {
                if (l.feeTime() != null && l.feeTime().toLocalDate().isAfter(served)) {
                    served = l.feeTime().toLocalDate();
                }
            }
        }
        return new PreCheck(visit.personId(), visit.institution(), Billing.visitType(visit.medType(), "med_type"), served,
                visit.diagnoses(), lines.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).toPlainString(),
                lines.stream().map(l -> new Line(l.itemCode(), l.quantity(), l.unitPrice().toPlainString(), l.amount().toPlainString(),
                        l.daysOfSupply(), l.doctorCode())).toList(),
                codes.platformPersonType(visit.psnType()), visit.emergency(), stay ? visit.beginsAt() : null,
                stay ? visit.endsAt() : null, visit.procedureCodes(), visit.facts().doctorCode(), visit.departmentCode(), stage);
    }

    /**
     * One row per finding: jr_id the visit's id and the row's number, the rule library entry (rule_id,
     * rule_name), its evidence (vola_cont), the amount in violation in yuan (vola_amt; vola_amt_stas 1 when
     * supervision computed it, 0 and 0.00 when it stated none: ASSUMPTION), the severity (sev_deg 1 VIOLATION,
     * 2 SUSPECT), the rule's id and kind and the detail's feedetl_sn when the finding names a line (vola_evid),
     * the kind (vola_bhvr_type, the AuditRule name) and the message's msgid as task_id.
     */
    private static void findings(JsonNode findings, Visit visit, List<FeeLine> lines, String msgid, ArrayNode result) {
        int n = 0;
        for (JsonNode f : findings) {
            String ruleId = text(f, "ruleId");
            String rule = text(f, "rule");
            String evidence = text(f, "evidence");
            String ruleName = text(f, "ruleName");
            BigDecimal amount = amount(text(f, "amount"));
            int line = f.path("line").asInt(0);
            String detail = line >= 1 && line <= lines.size() ? "feedetl_sn " + lines.get(line - 1).feedetlSn() : null;
            ObjectNode row = result.addObject()
                    .put("jr_id", visit.mdtrtId() + "-" + (++n))
                    .put("rule_id", ruleId)
                    .put("rule_name", ruleName)
                    .put("vola_cont", evidence != null ? evidence : ruleName != null ? ruleName : rule)
                    .put("patn_id", visit.personId())
                    .put("mdtrt_id", visit.mdtrtId())
                    .put("vola_amt", amount == null ? BigDecimal.ZERO.setScale(2) : amount)
                    .put("vola_amt_stas", amount == null ? "0" : "1")
                    .put("sev_deg", "VIOLATION".equals(text(f, "severity")) ? "1" : "2")
                    .put("vola_evid", java.util.stream.Stream.of(ruleId, rule, detail).filter(java.util.Objects::nonNull)
                            .reduce((a, b) -> a + " " + b).orElse(null))
                    .put("vola_bhvr_type", rule)
                    .put("task_id", msgid);
            if (row.path("vola_cont").isNull()) {
                row.put("vola_cont", "supervision pre-check finding");
            }
        }
    }

    /** An older supervision's answer: one row per reason, as before findings existed. */
    private static void reasons(JsonNode verdict, Visit visit, ArrayNode result) {
        int n = 0;
        for (JsonNode reason : verdict.path("reasons")) {
            result.addObject().put("jr_id", visit.mdtrtId() + "-" + (++n))
                    .put("rule_name", "supervision pre-check")
                    .put("vola_cont", reason.asString())
                    .put("sev_deg", "BLOCK".equals(verdict.path("outcome").asString()) ? "1" : "2")
                    .put("mdtrt_id", visit.mdtrtId());
        }
    }

    /** Yuan to the fen, or null when supervision states none (or none that is a number: not the hospital's fault). */
    private static BigDecimal amount(String yuan) {
        try {
            return yuan == null ? null : new BigDecimal(yuan).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
    }
}
