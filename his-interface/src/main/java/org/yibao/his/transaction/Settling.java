package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.HisException;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.platform.PlatformApis;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.SettlementOutput;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Pre-settlement, settlement and its reversal, outpatient (2206 / 2207 / 2208) and inpatient
 * (2303 / 2304 / 2305), each the platform's one-stop bill in the interface's field names.
 */
final class Settling {

    private Settling() {
    }

    abstract static class Bill implements Transaction {
        private final Visits visits;
        private final Billing billing;
        private final JsonMapper json;
        private final Visit.Kind kind;
        private final boolean settle;

        Bill(Visits visits, Billing billing, JsonMapper json, Visit.Kind kind, boolean settle) {
            this.visits = visits;
            this.billing = billing;
            this.json = json;
            this.kind = kind;
            this.settle = settle;
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            Visit visit = visits.open(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
            if (visit.kind() != kind) {
                throw HisException.field("data.mdtrt_id", visit.mdtrtId() + " is an " + visit.kind() + " visit");
            }
            String medType = data.optional("med_type");
            if (medType != null && !medType.equals(visit.medType())) {
                Billing.visitType(medType, "data.med_type");
                visits.describe(visit.mdtrtId(), medType, visit.diagnoses());
                visit = visits.get(visit.mdtrtId(), call.institution(), "data.mdtrt_id");
            }
            if (kind == Visit.Kind.INPATIENT && visit.endsAt() == null && !"1".equals(data.optional("mid_setl_flag"))) {
                throw HisException.field("data.mdtrt_id", "the patient has not been discharged (2402); settle after discharge");
            }
            JsonNode bill = billing.bill(visit, data.decimal("medfee_sumamt"), call.msgid(), settle);
            if (settle) {
                visits.setStatus(visit.mdtrtId(), Visit.Status.SETTLED, UUID.fromString(bill.path("id").asString()));
            }
            return SettlementOutput.of(bill, visit, json);
        }
    }

    @Component
    static class OutpatientPreSettle extends Bill {
        OutpatientPreSettle(Visits visits, Billing billing, JsonMapper json) {
            super(visits, billing, json, Visit.Kind.OUTPATIENT, false);
        }

        @Override
        public String infno() {
            return "2206";
        }
    }

    @Component
    static class OutpatientSettle extends Bill {
        OutpatientSettle(Visits visits, Billing billing, JsonMapper json) {
            super(visits, billing, json, Visit.Kind.OUTPATIENT, true);
        }

        @Override
        public String infno() {
            return "2207";
        }
    }

    @Component
    static class InpatientPreSettle extends Bill {
        InpatientPreSettle(Visits visits, Billing billing, JsonMapper json) {
            super(visits, billing, json, Visit.Kind.INPATIENT, false);
        }

        @Override
        public String infno() {
            return "2303";
        }
    }

    @Component
    static class InpatientSettle extends Bill {
        InpatientSettle(Visits visits, Billing billing, JsonMapper json) {
            super(visits, billing, json, Visit.Kind.INPATIENT, true);
        }

        @Override
        public String infno() {
            return "2304";
        }
    }

    /** Reverses a settlement in full; the visit opens again (for corrected details, or 2202/2601). */
    abstract static class Reversal implements Transaction {
        private final Visits visits;
        private final PlatformApis platform;
        private final JsonMapper json;

        Reversal(Visits visits, PlatformApis platform, JsonMapper json) {
            this.visits = visits;
            this.platform = platform;
            this.json = json;
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            return reverse(visits, platform, json, call, data.text("setl_id"), data.text("mdtrt_id"), data.person("psn_no"));
        }
    }

    static JsonNode reverse(Visits visits, PlatformApis platform, JsonMapper json, Call call, String setlId, String mdtrtId, String person) {
        Visit visit = visits.get(mdtrtId, call.institution(), "data.mdtrt_id");
        if (!visit.personId().equals(person)) {
            throw HisException.field("data.psn_no", "is not the person of visit " + mdtrtId);
        }
        if (visit.status() != Visit.Status.SETTLED || !setlId.equals(String.valueOf(visit.setlId()))) {
            throw HisException.field("data.setl_id", setlId + " is not the settlement of visit " + mdtrtId);
        }
        JsonNode reversed = platform.post("settlement", "/api/settlement/settlements/" + setlId + "/reversal",
                Map.of("reason", "HIS " + call.envelope().infno() + " " + call.msgid()));
        visits.setStatus(mdtrtId, Visit.Status.OPEN, null);
        ObjectNode output = SettlementOutput.of(reversed, visit, json);
        ObjectNode setl = (ObjectNode) output.get("setlinfo");
        setl.put("init_setl_id", setlId);
        setl.put("setl_id", reversed.path("reversalId").asString());
        setl.put("setl_time", reversed.path("reversedAt").asString());
        // a reversal is the bill with every amount the other way
        setl.properties().forEach(field -> {
            if (field.getValue().isNumber() && !field.getKey().equals("pool_prop_selfpay")) {
                setl.put(field.getKey(), field.getValue().decimalValue().negate());
            }
        });
        output.get("setldetail").forEach(f -> ((ObjectNode) f).put("fund_payamt", f.path("fund_payamt").decimalValue().negate()));
        return output;
    }

    @Component
    static class OutpatientReversal extends Reversal {
        OutpatientReversal(Visits visits, PlatformApis platform, JsonMapper json) {
            super(visits, platform, json);
        }

        @Override
        public String infno() {
            return "2208";
        }
    }

    @Component
    static class InpatientReversal extends Reversal {
        InpatientReversal(Visits visits, PlatformApis platform, JsonMapper json) {
            super(visits, platform, json);
        }

        @Override
        public String infno() {
            return "2305";
        }
    }

}
