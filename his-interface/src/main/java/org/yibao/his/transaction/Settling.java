package org.yibao.his.transaction;

import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.HisException;
import org.yibao.his.envelope.Input;
import org.yibao.his.envelope.Transaction;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.platform.PlatformApis;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.SettlementOutput;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Pre-settlement, settlement and its reversal, outpatient (2206 / 2207 / 2208) and inpatient
 * (2303 / 2304 / 2305), each the platform's one-stop bill in the interface's field names. A stay may
 * be settled in segments (mid_setl_flag 1) and across a year end: see {@link Billing}.
 */
final class Settling {

    private Settling() {
    }

    /** Pre-settles or settles a visit of one kind (2206/2207 outpatient, 2303/2304 inpatient). */
    static final class Bill implements Transaction {
        private final String infno;
        private final Visits visits;
        private final Billing billing;
        private final NationalCodes codes;
        private final JsonMapper json;
        private final Visit.Kind kind;
        private final boolean settle;

        Bill(String infno, Visits visits, Billing billing, NationalCodes codes, JsonMapper json, Visit.Kind kind, boolean settle) {
            this.infno = infno;
            this.visits = visits;
            this.billing = billing;
            this.codes = codes;
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
                Billing.requireKind(medType, visit.kind(), "data.med_type");
                if (settle) {
                    visits.describe(visit.mdtrtId(), medType, visit.diagnoses());
                }
                visit = new Visit(visit.mdtrtId(), visit.institution(), visit.personId(), visit.kind(), medType, visit.insutype(),
                        visit.iptOtpNo(), visit.beginsAt(), visit.endsAt(), visit.diagnoses(), visit.status(), visit.psnName(), visit.psnType());
            }
            boolean midStay = "1".equals(data.optional("mid_setl_flag"));
            if (midStay && kind != Visit.Kind.INPATIENT) {
                throw HisException.field("data.mid_setl_flag", "a mid-stay settlement is an inpatient stay's; an outpatient visit settles once");
            }
            Billing.Segment segment = billing.segment(visit, midStay, "data.mid_setl_flag");
            if (kind == Visit.Kind.INPATIENT && !midStay && visit.endsAt() == null) {
                throw HisException.field("data.mdtrt_id", "the patient has not been discharged (2402); settle after discharge, "
                        + "or settle so far with mid_setl_flag 1");
            }
            JsonNode bill = billing.bill(visit, segment, data.decimal("medfee_sumamt"), call.msgid(), settle);
            return settle ? settled(visits, codes, json, visit, segment, bill, call.msgid(), !midStay)
                    : SettlementOutput.of(bill, visit, null, call.msgid(), midStay, codes, json);
        }
    }

    /**
     * Records a settlement of a visit's segment under a new setl_id, marks its details billed, and closes
     * the visit when it was the final one (the visit's details all settled).
     */
    static ObjectNode settled(Visits visits, NationalCodes codes, JsonMapper json, Visit visit, Billing.Segment segment, JsonNode bill,
                              String msgid, boolean last) {
        UUID settlementId = UUID.fromString(bill.path("id").asString());
        // a settle message repeated after the interface lost its answer gets the same bill: and the same setl_id
        java.util.Optional<String> known = visits.setlIdOf(settlementId, "SETTLEMENT");
        String setlId = known.orElseGet(visits::newSetlId);
        ObjectNode output = SettlementOutput.of(bill, visit, setlId, msgid, segment.midStay(), codes, json);
        if (known.isEmpty()) {
            record(visits, visit, setlId, settlementId, "SETTLEMENT", segment.midStay(), segment.serviceDate(), output, msgid, null,
                    Instant.parse(bill.path("settledAt").asString()));
        }
        visits.billed(visit.mdtrtId(), segment.lines(), setlId);
        boolean rest = visits.hasUnsettledLines(visit.mdtrtId());
        if ((last || visit.endsAt() != null) && !rest) {
            visits.setStatus(visit.mdtrtId(), Visit.Status.SETTLED);
        }
        return output;
    }

    private static void record(Visits visits, Visit visit, String setlId, UUID settlementId, String kind, boolean midStay,
                               java.time.LocalDate serviceDate, ObjectNode output, String msgid, String initSetlId, Instant at) {
        JsonNode s = output.get("setlinfo");
        visits.recordSettlement(new Visits.Settled(setlId, visit.mdtrtId(), visit.institution(), visit.personId(), settlementId, kind,
                midStay, serviceDate, s.path("insutype").asString(), visit.medType(), s.get("medfee_sumamt").decimalValue(),
                s.get("fund_pay_sumamt").decimalValue(), s.get("acct_pay").decimalValue(), s.get("psn_cash_pay").decimalValue(), at,
                msgid, initSetlId, null, output.toString()));
    }

    /** 2208 / 2305 / 2103: reverses a settlement in full; its details are open again (for corrections, or 2202/2601). */
    static final class Reversal implements Transaction {
        private final String infno;
        private final Visits visits;
        private final PlatformApis platform;
        private final NationalCodes codes;
        private final JsonMapper json;
        private final boolean pharmacy;

        Reversal(String infno, Visits visits, PlatformApis platform, NationalCodes codes, JsonMapper json, boolean pharmacy) {
            this.infno = infno;
            this.visits = visits;
            this.platform = platform;
            this.codes = codes;
            this.json = json;
            this.pharmacy = pharmacy;
        }

        @Override
        public String infno() {
            return infno;
        }

        @Override
        public boolean forPharmacies() {
            return pharmacy;
        }

        @Override
        public JsonNode handle(Call call) {
            Input data = call.input().object("data");
            return reverse(visits, platform, codes, json, call, data.text("setl_id"), data.text("mdtrt_id"), data.person("psn_no"));
        }
    }

    static ObjectNode reverse(Visits visits, PlatformApis platform, NationalCodes codes, JsonMapper json, Call call, String setlId,
                              String mdtrtId, String person) {
        Visit visit = visits.ofPerson(mdtrtId, call.institution(), person, "data.mdtrt_id");
        Visits.Settled settled = visits.settlement(setlId, call.institution())
                .filter(s -> s.mdtrtId().equals(mdtrtId) && "SETTLEMENT".equals(s.kind()))
                .orElseThrow(() -> HisException.field("data.setl_id", setlId + " is not a settlement of visit " + mdtrtId));
        if (settled.reversedBy() != null) {
            throw HisException.field("data.setl_id", setlId + " was already reversed by " + settled.reversedBy());
        }
        // a reversal made there whose answer this interface lost (a timeout, a crash) is taken as it stands, not made again
        JsonNode current = platform.get("settlement", "/api/settlement/settlements/" + settled.settlementId());
        JsonNode reversed = "REVERSED".equals(current.path("status").asString()) ? current
                : platform.post("settlement", "/api/settlement/settlements/" + settled.settlementId() + "/reversal",
                Map.of("reason", "HIS " + call.envelope().infno() + " " + call.msgid()));
        String reversalId = visits.newSetlId();
        ObjectNode output = SettlementOutput.of(reversed, visit, reversalId, call.msgid(), settled.midStay(), codes, json);
        ObjectNode setl = (ObjectNode) output.get("setlinfo");
        setl.put("init_setl_id", setlId);
        setl.put("platform_bill_id", reversed.path("reversalId").asString());
        Instant at = Instant.parse(reversed.path("reversedAt").asString());
        setl.put("setl_time", org.yibao.his.national.NationalTime.time(at));
        // a reversal is the bill with every amount the other way
        setl.properties().forEach(field -> {
            if (field.getValue().isNumber() && !field.getKey().equals("pool_prop_selfpay") && !field.getKey().equals("age")) {
                setl.put(field.getKey(), field.getValue().decimalValue().negate());
            }
        });
        output.get("setldetail").forEach(f -> {
            ((ObjectNode) f).put("fund_payamt", f.path("fund_payamt").decimalValue().negate());
            ((ObjectNode) f).put("inscp_scp_amt", f.path("inscp_scp_amt").decimalValue().negate());
        });
        record(visits, visit, reversalId, UUID.fromString(reversed.path("reversalId").asString()), "REVERSAL", settled.midStay(),
                settled.serviceDate(), output, call.msgid(), setlId, at);
        if (visit.kind() == Visit.Kind.PHARMACY) {
            visits.setStatus(mdtrtId, Visit.Status.CANCELLED);   // a purchase reversed is over; a new one is bought anew
        } else if (visit.status() == Visit.Status.SETTLED) {
            visits.setStatus(mdtrtId, Visit.Status.OPEN);
        }
        return output;
    }
}
