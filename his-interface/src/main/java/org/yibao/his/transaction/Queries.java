package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalTime;
import org.yibao.his.visit.FeeLine;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.VisitSettlement;
import org.yibao.his.visit.VisitStore;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDateTime;

/**
 * The queries a HIS makes of what it did (5201 visits, 5202 diagnoses, 5203 a settlement, 5204 fee
 * details, 5205 a person's chronic-disease drug records). An institution reads its own visits and
 * settlements; 5205 reads the person's chronic-disease drugs at every institution, as the national
 * platform answers it (so that a hospital sees what the person already holds).
 */
@Component
class Queries {

    private final Visits visits;
    private final VisitStore store;
    private final JsonMapper json;

    Queries(Visits visits, VisitStore store, JsonMapper json) {
        this.visits = visits;
        this.store = store;
        this.json = json;
    }

    /** 5201 就诊信息查询: the person's visits at this institution, optionally in a period, of a medical type, or one. */
    JsonNode visits(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        LocalDateTime from = data.optional("begntime") == null ? null : data.dateTime("begntime");
        LocalDateTime to = data.optional("endtime") == null ? null : data.dateTime("endtime");
        String medType = data.optional("med_type");
        String only = data.optional("mdtrt_id");
        ObjectNode output = json.createObjectNode();
        ArrayNode list = output.putArray("mdtrtinfo");
        for (Visit v : store.ofPersonAt(person, call.institution())) {
            if (only != null && !only.equals(v.mdtrtId()) || medType != null && !medType.equals(v.medType())
                    || from != null && v.beginsAt().isBefore(from) || to != null && v.beginsAt().isAfter(to)) {
                continue;
            }
            ObjectNode m = list.addObject();
            m.put("mdtrt_id", v.mdtrtId());
            m.put("psn_no", v.personId());
            m.put("certno", v.personId());
            m.put("insutype", v.insutype());
            m.put("begntime", NationalTime.time(v.beginsAt()));
            m.put("endtime", NationalTime.time(v.endsAt()));
            m.put("med_type", v.medType());
            m.put("ipt_otp_no", v.iptOtpNo());
            m.put("dise_codg", v.diagnoses().isEmpty() ? null : v.diagnoses().get(0));
            m.put("inhosp_stas", v.kind() == Visit.Kind.INPATIENT && v.endsAt() == null && v.status() == Visit.Status.OPEN ? "1" : "0");
            m.put("vali_flag", v.status() == Visit.Status.CANCELLED ? "0" : "1");
        }
        return output;
    }

    /** 5202 诊断信息查询: a visit's diagnoses, main first. */
    JsonNode diagnoses(Call call) {
        Input data = call.input().object("data");
        Visit visit = visits.ofPerson(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
        ObjectNode output = json.createObjectNode();
        ArrayNode list = output.putArray("diseinfo");
        for (int i = 0; i < visit.diagnoses().size(); i++) {
            list.addObject().put("mdtrt_id", visit.mdtrtId()).put("psn_no", visit.personId()).put("maindiag_flag", i == 0 ? "1" : "0")
                    .put("diag_srt_no", i + 1).put("diag_code", visit.diagnoses().get(i));
        }
        return output;
    }

    /** 5203 结算信息查询: a settlement (or reversal) as it was answered. */
    JsonNode settlement(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        String setlId = data.text("setl_id");
        String mdtrtId = data.optional("mdtrt_id");
        VisitSettlement settled = store.settlement(setlId, call.institution())
                .filter(s -> s.personId().equals(person) && (mdtrtId == null || mdtrtId.equals(s.mdtrtId())))
                .orElseThrow(() -> HisException.field("data.setl_id", setlId + " is not a settlement of this person at this institution"));
        ObjectNode answered = (ObjectNode) json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(settled.output());
        answered.remove("calc_trace");
        return answered;
    }

    /** 5204 费用明细查询: a visit's details, or those a settlement billed. */
    JsonNode fees(Call call) {
        Input data = call.input().object("data");
        Visit visit = visits.ofPerson(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
        String setlId = data.optional("setl_id");
        ObjectNode output = json.createObjectNode();
        ArrayNode list = output.putArray("result");
        for (FeeLine l : store.lines(visit.mdtrtId())) {
            if (setlId != null && !setlId.equals(l.setlId())) {
                continue;
            }
            list.addObject().put("mdtrt_id", visit.mdtrtId()).put("setl_id", l.setlId()).put("feedetl_sn", l.feedetlSn())
                    .put("fee_ocur_time", NationalTime.time(l.feeTime())).put("med_list_codg", l.itemCode())
                    .put("cnt", l.quantity()).put("pric", l.unitPrice()).put("det_item_fee_sumamt", l.amount())
                    .put("chrg_bchno", l.chrgBchno());
        }
        return output;
    }

    /** 5205 人员慢特病用药记录查询: the person's drug details on chronic-disease visits (med_type 14) in a period, at any institution. */
    JsonNode chronicDrugs(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        LocalDateTime from = data.dateTime("begntime");
        LocalDateTime to = data.optional("endtime") == null ? NationalTime.now() : data.dateTime("endtime");
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw HisException.field("data.endtime", "must be after begntime and at most a year after it");
        }
        ObjectNode output = json.createObjectNode();
        ArrayNode list = output.putArray("result");
        for (VisitStore.ChronicDrugDetail d : store.chronicDrugDetails(person, from, to)) {
            list.addObject().put("feedetl_sn", d.feedetlSn()).put("fixmedins_code", d.institution())
                    .put("psn_no", d.personId()).put("med_type", d.medType())
                    .put("fee_ocur_time", NationalTime.time(d.feeTime()))
                    .put("cnt", d.quantity()).put("pric", d.unitPrice()).put("med_list_codg", d.itemCode());
        }
        return output;
    }
}
