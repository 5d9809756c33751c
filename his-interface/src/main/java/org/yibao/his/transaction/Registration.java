package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.Persons;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.VisitStore;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.yibao.contracts.events.DeliveryKind;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Opening, describing, closing and cancelling visits: 2201 门诊挂号 / 2202 挂号撤销 / 2203 就诊信息上传,
 * 2401 入院办理 / 2402 出院办理, 2403 入院信息变更 / 2404 入院撤销 / 2405 出院撤销.
 */
@Component
class Registration {

    private final Visits visits;
    private final VisitStore store;
    private final Persons persons;
    private final NationalCodes codes;
    private final JsonMapper json;

    Registration(Visits visits, VisitStore store, Persons persons, NationalCodes codes, JsonMapper json) {
        this.visits = visits;
        this.store = store;
        this.persons = persons;
        this.codes = codes;
        this.json = json;
    }

    /** 2201: an outpatient registration (普通门诊 until 2203 says otherwise), with its doctor (atddr_no) and department (dept_code). */
    JsonNode register(Call call) {
        Input data = call.input().object("data");
        String person = data.person("psn_no");
        data.text("mdtrt_cert_type");
        data.text("mdtrt_cert_no");
        LocalDateTime begins = data.dateTime("begntime");
        String mdtrtId = visits.open(call.institution(), person, Visit.Kind.OUTPATIENT, "11", data.text("insutype"),
                data.text("ipt_otp_no"), begins, List.of(), call.msgid(), persons.on(person, begins.toLocalDate(), "data.psn_no"),
                new Visit.Facts(data.optional("atddr_no"), data.optional("dept_code"), null, null, null));
        var output = json.createObjectNode();
        output.putObject("data").put("mdtrt_id", mdtrtId).put("psn_no", person).put("ipt_otp_no", data.text("ipt_otp_no"));
        return output;
    }

    /** 2202: cancels an open registration that has no fee details left. */
    JsonNode cancel(Call call) {
        Input data = call.input().object("data");
        cancelVisit(data.text("mdtrt_id"), call.institution(), data.person("psn_no"));
        return json.createObjectNode();
    }

    /** Cancels an open visit of the person that holds no details (2202, 2404, 2601 of a 2201/2401). */
    void cancelVisit(String mdtrtId, String institution, String person) {
        visits.open(mdtrtId, institution, person, "data.mdtrt_id");
        if (!store.lines(mdtrtId).isEmpty()) {
            throw HisException.field("data.mdtrt_id", "visit " + mdtrtId + " still has fee details; reverse them first (2205/2302)"
                    + (store.hasSettlementsInForce(mdtrtId) ? ", and its settlements before them (2305)" : ""));
        }
        store.setStatus(mdtrtId, Visit.Status.CANCELLED);
    }

    /** 2404: cancels an admission that holds no details (入院撤销). */
    JsonNode cancelAdmission(Call call) {
        Visit visit = stay(call, "; cancel a registration with 2202");
        cancelVisit(visit.mdtrtId(), call.institution(), visit.personId());
        return json.createObjectNode();
    }

    /** 2405: reverses a discharge (出院撤销) of a stay not finally settled; the stay goes on. */
    JsonNode undoDischarge(Call call) {
        Visit visit = stay(call, "");
        if (visit.status() == Visit.Status.SETTLED || store.finallySettled(visit.mdtrtId())) {
            throw HisException.field("data.mdtrt_id", "the stay's final settlement is in force; reverse it first (2305)");
        }
        if (visit.status() != Visit.Status.OPEN || visit.endsAt() == null) {
            throw HisException.field("data.mdtrt_id", "stay " + visit.mdtrtId() + " has no discharge to reverse (" + visit.status() + ")");
        }
        store.undoDischarge(visit.mdtrtId());
        return json.createObjectNode();
    }

    /** The person's stay that data.mdtrt_id names (in any state), or a refusal: another kind of visit is refused with the hint. */
    private Visit stay(Call call, String hint) {
        Input data = call.input().object("data");
        Visit visit = visits.ofPerson(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
        if (visit.kind() != Visit.Kind.INPATIENT) {
            throw HisException.field("data.mdtrt_id", visit.mdtrtId() + " is not an admission" + hint);
        }
        return visit;
    }

    /** 2403: changes an open admission's start, number or diagnoses (入院信息变更). */
    JsonNode changeAdmission(Call call) {
        Input info = call.input().object("adminfo");
        Visit visit = visits.open(info.text("mdtrt_id"), call.institution(), info.person("psn_no"), "adminfo.mdtrt_id");
        if (visit.kind() != Visit.Kind.INPATIENT) {
            throw HisException.field("adminfo.mdtrt_id", visit.mdtrtId() + " is not an admission");
        }
        LocalDateTime begins = info.optional("begntime") == null ? null : info.dateTime("begntime");
        if (begins != null) {
            if (store.hasSettlementsInForce(visit.mdtrtId())) {
                throw HisException.field("adminfo.begntime", "part of the stay is settled; its admission time no longer changes");
            }
            LocalDate firstFee = store.lines(visit.mdtrtId()).stream().map(l -> l.feeTime().toLocalDate())
                    .min(LocalDate::compareTo).orElse(null);
            if (firstFee != null && begins.toLocalDate().isAfter(firstFee) || visit.endsAt() != null && begins.isAfter(visit.endsAt())) {
                throw HisException.field("adminfo.begntime", begins + " is after the stay's first detail or its discharge");
            }
        }
        store.changeAdmission(visit.mdtrtId(), begins, info.optional("ipt_no"), diagnoses(call.input()));
        return json.createObjectNode();
    }

    /** 2203: the visit's medical type and diagnoses. */
    JsonNode describe(Call call) {
        Input info = call.input().object("mdtrtinfo");
        Visit visit = visits.open(info.text("mdtrt_id"), call.institution(), info.person("psn_no"), "mdtrtinfo.mdtrt_id");
        String medType = info.text("med_type");
        Billing.requireKind(medType, visit.kind(), "mdtrtinfo.med_type");
        store.describe(visit.mdtrtId(), medType, diagnoses(call.input()));
        return json.createObjectNode();
    }

    /**
     * 2401: an admission (普通住院 21, 急诊转住院 24: an emergency admission, or 生育住院 52: a delivery's stay), with its attending doctor
     * (atddr_no), department (adm_dept_codg) and a day surgery's procedure (oprn_oprt_code) for the audit.
     */
    JsonNode admit(Call call) {
        Input info = call.input().object("mdtrtinfo");
        String person = info.person("psn_no");
        String medType = info.text("med_type");
        VisitType admitted = Billing.visitType(medType, "mdtrtinfo.med_type");
        if (admitted != VisitType.INPATIENT && admitted != VisitType.DELIVERY) {
            throw HisException.field("mdtrtinfo.med_type", medType + " is not an inpatient type (21, 24 an emergency admission,"
                    + " or 52 a delivery's stay)");
        }
        LocalDateTime begins = info.dateTime("begntime");
        String mdtrtId = visits.open(call.institution(), person, Visit.Kind.INPATIENT, medType, info.optional("insutype"),
                info.text("ipt_no"), begins, diagnoses(call.input()), call.msgid(), persons.on(person, begins.toLocalDate(), "mdtrtinfo.psn_no"),
                new Visit.Facts(info.optional("atddr_no"), info.optional("adm_dept_codg"), info.optional("oprn_oprt_code"), null, null));
        var output = json.createObjectNode();
        output.putObject("result").put("mdtrt_id", mdtrtId).put("psn_no", person).put("ipt_otp_no", info.text("ipt_no"));
        return output;
    }

    /**
     * 2402: the discharge, with its date (the bill's service date) and discharge diagnoses, and for the audit
     * its procedure (oprn_oprt_code: the layout has one; the full operation list is the settlement list's,
     * 4101, which this interface does not take) and discharging department (dscg_dept_codg).
     */
    JsonNode discharge(Call call) {
        Input info = call.input().object("dscginfo");
        Visit visit = visits.open(info.text("mdtrt_id"), call.institution(), info.person("psn_no"), "dscginfo.mdtrt_id");
        if (visit.kind() != Visit.Kind.INPATIENT) {
            throw HisException.field("dscginfo.mdtrt_id", visit.mdtrtId() + " is not an admission");
        }
        LocalDateTime endtime = info.dateTime("endtime");
        if (endtime.isBefore(visit.beginsAt())) {
            throw HisException.field("dscginfo.endtime", endtime + " is before the admission (" + visit.beginsAt() + ")");
        }
        LocalDate lastDetail = store.lines(visit.mdtrtId()).stream().map(l -> l.feeTime().toLocalDate())
                .max(LocalDate::compareTo).orElse(null);
        if (lastDetail != null && endtime.toLocalDate().isBefore(lastDetail)) {
            throw HisException.field("dscginfo.endtime", endtime.toLocalDate() + " is before the stay's last detail (" + lastDetail
                    + "); reverse the details after the discharge first (2302)");
        }
        if (store.finallySettled(visit.mdtrtId())) {
            throw HisException.field("dscginfo.mdtrt_id", "the stay's final settlement is in force; reverse it first (2305)");
        }
        store.discharge(visit.mdtrtId(), endtime, diagnoses(call.input()), info.optional("oprn_oprt_code"), info.optional("dscg_dept_codg"),
                deliveryKind(visit, info));
        return json.createObjectNode();
    }

    /**
     * A delivery's stay (med_type 52, 生育住院) is paid by a fixed amount per kind of delivery: its discharge must
     * say which (matn_type, 生育类别); another stay's matn_type is not kept (HIS clients send the field on every
     * discharge, mostly empty).
     */
    private DeliveryKind deliveryKind(Visit visit, Input info) {
        if (!Visit.DELIVERY_MED_TYPE.equals(visit.medType())) {
            return null;
        }
        String matnType = info.optional("matn_type");
        if (matnType == null) {
            throw HisException.field("dscginfo.matn_type", "is required for a delivery's stay (med_type 52): the kind of delivery "
                    + "decides what maternity insurance pays");
        }
        DeliveryKind kind = codes.deliveryKind(matnType);
        if (kind == null) {
            throw HisException.field("dscginfo.matn_type", matnType + " is not a kind of delivery this bureau pays");
        }
        return kind;
    }

    /** The diagnosis codes of diseinfo, main diagnosis first. */
    static List<String> diagnoses(Input input) {
        List<String> codes = input.optionalList("diseinfo").stream()
                .sorted(Comparator.comparing((Input d) -> "1".equals(d.optional("maindiag_flag")) ? 0 : 1))
                .map(d -> d.text("diag_code")).toList();
        // the visit keeps them as one list of at most 400 characters (20 codes of ICD-10's longest and a comma)
        if (codes.size() > 20 || String.join(",", codes).length() > 400) {
            throw HisException.field("diseinfo", "holds " + codes.size() + " diagnoses; a visit keeps at most 20");
        }
        return codes;
    }
}
