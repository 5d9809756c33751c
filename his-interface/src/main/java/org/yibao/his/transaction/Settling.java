package org.yibao.his.transaction;

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

    /** Pre-settles or settles a visit of one kind (2206/2207 outpatient, 2303/2304 inpatient). */
    static final class Bill implements Transaction {
        private final String infno;
        private final Visits visits;
        private final Billing billing;
        private final JsonMapper json;
        private final Visit.Kind kind;
        private final boolean settle;

        Bill(String infno, Visits visits, Billing billing, JsonMapper json, Visit.Kind kind, boolean settle) {
            this.infno = infno;
            this.visits = visits;
            this.billing = billing;
            this.json = json;
            this.kind = kind;
            this.settle = settle;
        }

        @Override
        public String infno() {
            return infno;
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

    /** 2208 / 2305: reverses a settlement in full; the visit opens again (for corrected details, or 2202/2601). */
    static final class Reversal implements Transaction {
        private final String infno;
        private final Visits visits;
        private final PlatformApis platform;
        private final JsonMapper json;

        Reversal(String infno, Visits visits, PlatformApis platform, JsonMapper json) {
            this.infno = infno;
            this.visits = visits;
            this.platform = platform;
            this.json = json;
        }

        @Override
        public String infno() {
            return infno;
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            return reverse(visits, platform, json, call, data.text("setl_id"), data.text("mdtrt_id"), data.person("psn_no"));
        }
    }

    static JsonNode reverse(Visits visits, PlatformApis platform, JsonMapper json, Call call, String setlId, String mdtrtId, String person) {
        Visit visit = visits.ofPerson(mdtrtId, call.institution(), person, "data.mdtrt_id");
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

}
