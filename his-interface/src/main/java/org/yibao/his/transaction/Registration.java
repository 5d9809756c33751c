package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.HisException;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.Persons;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Opening, describing, closing and cancelling visits: 2201 门诊挂号 / 2202 挂号撤销 / 2203 就诊信息上传,
 * 2401 入院办理 / 2402 出院办理 (2404 入院撤销 is reached through 2601).
 */
final class Registration {

    private Registration() {
    }

    /** 2201: an outpatient registration (普通门诊 until 2203 says otherwise). */
    @Component
    static class Register implements Transaction {
        private final Visits visits;
        private final Persons persons;
        private final JsonMapper json;

        Register(Visits visits, Persons persons, JsonMapper json) {
            this.visits = visits;
            this.persons = persons;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2201";
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            String person = data.person("psn_no");
            data.text("mdtrt_cert_type");
            data.text("mdtrt_cert_no");
            java.time.LocalDateTime begins = data.dateTime("begntime");
            String mdtrtId = visits.open(call.institution(), person, Visit.Kind.OUTPATIENT, "11", data.text("insutype"),
                    data.text("ipt_otp_no"), begins, List.of(), call.msgid(), persons.on(person, begins.toLocalDate(), "data.psn_no"));
            var output = json.createObjectNode();
            output.putObject("data").put("mdtrt_id", mdtrtId).put("psn_no", person).put("ipt_otp_no", data.text("ipt_otp_no"));
            return output;
        }
    }

    /** 2202: cancels an open registration that has no fee details left. */
    @Component
    static class Cancel implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        Cancel(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2202";
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            cancel(visits, data.text("mdtrt_id"), call.institution(), data.person("psn_no"));
            return json.createObjectNode();
        }
    }

    static void cancel(Visits visits, String mdtrtId, String institution, String person) {
        visits.open(mdtrtId, institution, person, "data.mdtrt_id");
        if (!visits.lines(mdtrtId).isEmpty()) {
            throw HisException.field("data.mdtrt_id", "visit " + mdtrtId + " still has fee details; reverse them first (2205/2302)"
                    + (visits.hasSettlementsInForce(mdtrtId) ? ", and its settlements before them (2305)" : ""));
        }
        visits.setStatus(mdtrtId, Visit.Status.CANCELLED);
    }

    /** 2404: cancels an admission that holds no details (入院撤销). */
    @Component
    static class CancelAdmission implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        CancelAdmission(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2404";
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            Visit visit = visits.ofPerson(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
            if (visit.kind() != Visit.Kind.INPATIENT) {
                throw HisException.field("data.mdtrt_id", visit.mdtrtId() + " is not an admission; cancel a registration with 2202");
            }
            cancel(visits, visit.mdtrtId(), call.institution(), visit.personId());
            return json.createObjectNode();
        }
    }

    /** 2405: reverses a discharge (出院撤销) of a stay not finally settled; the stay goes on. */
    @Component
    static class UndoDischarge implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        UndoDischarge(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2405";
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            Visit visit = visits.ofPerson(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
            if (visit.kind() != Visit.Kind.INPATIENT) {
                throw HisException.field("data.mdtrt_id", visit.mdtrtId() + " is not an admission");
            }
            if (visit.status() == Visit.Status.SETTLED || visits.finallySettled(visit.mdtrtId())) {
                throw HisException.field("data.mdtrt_id", "the stay's final settlement is in force; reverse it first (2305)");
            }
            if (visit.status() != Visit.Status.OPEN || visit.endsAt() == null) {
                throw HisException.field("data.mdtrt_id", "stay " + visit.mdtrtId() + " has no discharge to reverse (" + visit.status() + ")");
            }
            visits.undoDischarge(visit.mdtrtId());
            return json.createObjectNode();
        }
    }

    /** 2403: changes an open admission's start, number or diagnoses (入院信息变更). */
    @Component
    static class ChangeAdmission implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        ChangeAdmission(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2403";
        }

        @Override
        public JsonNode handle(Call call) {
            Input info = call.input().object("adminfo");
            Visit visit = visits.open(info.text("mdtrt_id"), call.institution(), info.person("psn_no"), "adminfo.mdtrt_id");
            if (visit.kind() != Visit.Kind.INPATIENT) {
                throw HisException.field("adminfo.mdtrt_id", visit.mdtrtId() + " is not an admission");
            }
            java.time.LocalDateTime begins = info.optional("begntime") == null ? null : info.dateTime("begntime");
            if (begins != null) {
                if (visits.hasSettlementsInForce(visit.mdtrtId())) {
                    throw HisException.field("adminfo.begntime", "part of the stay is settled; its admission time no longer changes");
                }
                java.time.LocalDate firstFee = visits.lines(visit.mdtrtId()).stream().map(l -> l.feeTime().toLocalDate())
                        .min(java.time.LocalDate::compareTo).orElse(null);
                if (firstFee != null && begins.toLocalDate().isAfter(firstFee) || visit.endsAt() != null && begins.isAfter(visit.endsAt())) {
                    throw HisException.field("adminfo.begntime", begins + " is after the stay's first detail or its discharge");
                }
            }
            visits.changeAdmission(visit.mdtrtId(), begins, info.optional("ipt_no"), diagnoses(call.input()));
            return json.createObjectNode();
        }
    }

    /** 2203: the visit's medical type and diagnoses. */
    @Component
    static class Describe implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        Describe(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2203";
        }

        @Override
        public JsonNode handle(Call call) {
            Input info = call.input().object("mdtrtinfo");
            Visit visit = visits.open(info.text("mdtrt_id"), call.institution(), info.person("psn_no"), "mdtrtinfo.mdtrt_id");
            String medType = info.text("med_type");
            Billing.requireKind(medType, visit.kind(), "mdtrtinfo.med_type");
            visits.describe(visit.mdtrtId(), medType, diagnoses(call.input()));
            return json.createObjectNode();
        }
    }

    /** 2401: an admission (普通住院). */
    @Component
    static class Admit implements Transaction {
        private final Visits visits;
        private final Persons persons;
        private final JsonMapper json;

        Admit(Visits visits, Persons persons, JsonMapper json) {
            this.visits = visits;
            this.persons = persons;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2401";
        }

        @Override
        public JsonNode handle(Call call) {
            Input info = call.input().object("mdtrtinfo");
            String person = info.person("psn_no");
            String medType = info.text("med_type");
            if (!"INPATIENT".equals(Billing.visitType(medType, "mdtrtinfo.med_type"))) {
                throw HisException.field("mdtrtinfo.med_type", medType + " is not an inpatient type (21)");
            }
            java.time.LocalDateTime begins = info.dateTime("begntime");
            String mdtrtId = visits.open(call.institution(), person, Visit.Kind.INPATIENT, medType, info.optional("insutype"),
                    info.text("ipt_no"), begins, diagnoses(call.input()), call.msgid(), persons.on(person, begins.toLocalDate(), "mdtrtinfo.psn_no"));
            var output = json.createObjectNode();
            output.putObject("result").put("mdtrt_id", mdtrtId).put("psn_no", person).put("ipt_otp_no", info.text("ipt_no"));
            return output;
        }
    }

    /** 2402: the discharge, with its date (the bill's service date) and discharge diagnoses. */
    @Component
    static class Discharge implements Transaction {
        private final Visits visits;
        private final JsonMapper json;

        Discharge(Visits visits, JsonMapper json) {
            this.visits = visits;
            this.json = json;
        }

        @Override
        public String infno() {
            return "2402";
        }

        @Override
        public JsonNode handle(Call call) {
            Input info = call.input().object("dscginfo");
            Visit visit = visits.open(info.text("mdtrt_id"), call.institution(), info.person("psn_no"), "dscginfo.mdtrt_id");
            if (visit.kind() != Visit.Kind.INPATIENT) {
                throw HisException.field("dscginfo.mdtrt_id", visit.mdtrtId() + " is not an admission");
            }
            java.time.LocalDateTime endtime = info.dateTime("endtime");
            if (endtime.isBefore(visit.beginsAt())) {
                throw HisException.field("dscginfo.endtime", endtime + " is before the admission (" + visit.beginsAt() + ")");
            }
            java.time.LocalDate lastDetail = visits.lines(visit.mdtrtId()).stream().map(l -> l.feeTime().toLocalDate())
                    .max(java.time.LocalDate::compareTo).orElse(null);
            if (lastDetail != null && endtime.toLocalDate().isBefore(lastDetail)) {
                throw HisException.field("dscginfo.endtime", endtime.toLocalDate() + " is before the stay's last detail (" + lastDetail
                        + "); reverse the details after the discharge first (2302)");
            }
            if (visits.finallySettled(visit.mdtrtId())) {
                throw HisException.field("dscginfo.mdtrt_id", "the stay's final settlement is in force; reverse it first (2305)");
            }
            visits.discharge(visit.mdtrtId(), endtime, diagnoses(call.input()));
            return json.createObjectNode();
        }
    }

    /** The diagnosis codes of diseinfo, main diagnosis first. */
    static List<String> diagnoses(Input input) {
        List<String> codes = input.optionalList("diseinfo").stream()
                .sorted(java.util.Comparator.comparing((Input d) -> "1".equals(d.optional("maindiag_flag")) ? 0 : 1))
                .map(d -> d.text("diag_code")).toList();
        // the visit keeps them as one list of at most 400 characters (20 codes of ICD-10's longest and a comma)
        if (codes.size() > 20 || String.join(",", codes).length() > 400) {
            throw HisException.field("diseinfo", "holds " + codes.size() + " diagnoses; a visit keeps at most 20");
        }
        return codes;
    }
}
