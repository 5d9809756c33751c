package org.yibao.his.transaction;

import org.springframework.stereotype.Component;
import org.yibao.his.envelope.Call;
import org.yibao.his.envelope.Input;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalCodes;
import org.yibao.his.national.NationalTime;
import org.yibao.his.platform.SettlementClient;
import org.yibao.his.visit.Billing;
import org.yibao.his.visit.SettlementOutput;
import org.yibao.his.visit.Visit;
import org.yibao.his.visit.VisitSettlement;
import org.yibao.his.visit.VisitStore;
import org.yibao.his.visit.Visits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Pre-settlement, settlement and its reversal, outpatient (2206 / 2207 / 2208) and inpatient
 * (2303 / 2304 / 2305), each the platform's one-stop bill in the interface's field names. A stay may
 * be settled in segments (mid_setl_flag 1) and across a year end: see {@link Billing}.
 */
@Component
class Settling {

    private final Visits visits;
    private final VisitStore store;
    private final Billing billing;
    private final SettlementClient settlement;
    private final NationalCodes codes;
    private final JsonMapper json;

    Settling(Visits visits, VisitStore store, Billing billing, SettlementClient settlement, NationalCodes codes, JsonMapper json) {
        this.visits = visits;
        this.store = store;
        this.billing = billing;
        this.settlement = settlement;
        this.codes = codes;
        this.json = json;
    }

    /** Pre-settles or settles a visit of one kind (2206/2207 outpatient, 2303/2304 inpatient). */
    JsonNode bill(Call call, Visit.Kind kind, boolean settle) {
        Input data = call.input().object("data");
        Visit visit = visits.open(data.text("mdtrt_id"), call.institution(), data.person("psn_no"), "data.mdtrt_id");
        if (visit.kind() != kind) {
            throw HisException.field("data.mdtrt_id", visit.mdtrtId() + " is an " + visit.kind() + " visit");
        }
        String medType = data.optional("med_type");
        if (medType != null && !medType.equals(visit.medType())) {
            Billing.requireKind(medType, visit.kind(), "data.med_type");
            if (settle) {
                store.describe(visit.mdtrtId(), medType, visit.diagnoses());
            }
            visit = visit.withMedType(medType);
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
        // acct_used_flag 1: the person's part paid from the personal account up to its balance (issue 22)
        boolean accountAsked = "1".equals(data.optional("acct_used_flag"));
        SettlementClient.Bill bill = billing.bill(visit, segment, data.decimal("medfee_sumamt"), call.msgid(), settle, accountAsked);
        return settle ? settled(visit, segment, bill, call.msgid(), !midStay)
                : SettlementOutput.of(bill, visit, null, call.msgid(), midStay, codes, json);
    }

    /**
     * Records a settlement of a visit's segment under a new setl_id, marks its details billed, and closes
     * the visit when it was the final one (the visit's details all settled).
     */
    ObjectNode settled(Visit visit, Billing.Segment segment, SettlementClient.Bill bill, String msgid, boolean last) {
        UUID settlementId = bill.id();
        // a settle message repeated after the interface lost its answer gets the same bill: and the same setl_id
        Optional<String> known = store.setlIdOf(settlementId, VisitSettlement.Kind.SETTLEMENT);
        String setlId = known.orElseGet(visits::newSetlId);
        ObjectNode output = SettlementOutput.of(bill, visit, setlId, msgid, segment.midStay(), codes, json);
        if (known.isEmpty()) {
            record(visit, setlId, settlementId, VisitSettlement.Kind.SETTLEMENT, segment.midStay(), segment.serviceDate(), output, msgid,
                    null, bill.settledAt());
        }
        int marked = store.markBilled(visit.mdtrtId(), segment.lines(), setlId);
        if (marked != segment.lines().size()) {
            throw new IllegalStateException((segment.lines().size() - marked) + " details of visit " + visit.mdtrtId()
                    + " were billed by another settlement");
        }
        boolean rest = store.hasUnsettledLines(visit.mdtrtId());
        if ((last || visit.endsAt() != null) && !rest) {
            store.setStatus(visit.mdtrtId(), Visit.Status.SETTLED);
        }
        return output;
    }

    private void record(Visit visit, String setlId, UUID settlementId, VisitSettlement.Kind kind, boolean midStay, LocalDate serviceDate,
                        ObjectNode output, String msgid, String initSetlId, Instant at) {
        JsonNode s = output.get("setlinfo");
        store.recordSettlement(new VisitSettlement(setlId, visit.mdtrtId(), visit.institution(), visit.personId(), settlementId, kind,
                midStay, serviceDate, s.path("insutype").asString(), visit.medType(), s.get("medfee_sumamt").decimalValue(),
                s.get("fund_pay_sumamt").decimalValue(), s.get("acct_pay").decimalValue(), s.get("psn_cash_pay").decimalValue(), at,
                msgid, initSetlId, null, output.toString()));
    }

    /** Numbers of a settlement's answer that a reversal does not turn the other way. */
    private static final java.util.Set<String> NOT_NEGATED = java.util.Set.of("pool_prop_selfpay", "age", "balc");

    /** 2208 / 2305 / 2103: reverses a settlement in full; its details are open again (for corrections, or 2202/2601). */
    JsonNode reversal(Call call) {
        Input data = call.input().object("data");
        return reverse(call, data.text("setl_id"), data.text("mdtrt_id"), data.person("psn_no"));
    }

    ObjectNode reverse(Call call, String setlId, String mdtrtId, String person) {
        Visit visit = visits.ofPerson(mdtrtId, call.institution(), person, "data.mdtrt_id");
        VisitSettlement settled = store.settlement(setlId, call.institution())
                .filter(s -> s.mdtrtId().equals(mdtrtId) && s.kind() == VisitSettlement.Kind.SETTLEMENT)
                .orElseThrow(() -> HisException.field("data.setl_id", setlId + " is not a settlement of visit " + mdtrtId));
        if (settled.reversedBy() != null) {
            throw HisException.field("data.setl_id", setlId + " was already reversed by " + settled.reversedBy());
        }
        // a reversal made there whose answer this interface lost (a timeout, a crash) is taken as it stands, not made again
        SettlementClient.Bill current = settlement.get(settled.settlementId());
        SettlementClient.Bill reversed = "REVERSED".equals(current.status()) ? current
                : settlement.reverse(settled.settlementId(), "HIS " + call.envelope().infno() + " " + call.msgid());
        String reversalId = visits.newSetlId();
        ObjectNode output = SettlementOutput.of(reversed, visit, reversalId, call.msgid(), settled.midStay(), codes, json);
        ObjectNode setl = (ObjectNode) output.get("setlinfo");
        setl.put("init_setl_id", setlId);
        setl.put("platform_bill_id", reversed.reversalId().toString());
        Instant at = reversed.reversedAt();
        setl.put("setl_time", NationalTime.time(at));
        // a reversal is the bill with every amount the other way
        setl.properties().forEach(field -> {
            // not a ratio, an age or a balance: balc is the account's balance after the restoration, as it stands
            if (field.getValue().isNumber() && !NOT_NEGATED.contains(field.getKey())) {
                setl.put(field.getKey(), field.getValue().decimalValue().negate());
            }
        });
        output.get("setldetail").forEach(f -> {
            ((ObjectNode) f).put("fund_payamt", f.path("fund_payamt").decimalValue().negate());
            ((ObjectNode) f).put("inscp_scp_amt", f.path("inscp_scp_amt").decimalValue().negate());
        });
        record(visit, reversalId, reversed.reversalId(), VisitSettlement.Kind.REVERSAL, settled.midStay(), settled.serviceDate(), output,
                call.msgid(), setlId, at);
        if (visit.kind() == Visit.Kind.PHARMACY) {
            store.setStatus(mdtrtId, Visit.Status.CANCELLED);   // a purchase reversed is over; a new one is bought anew
        } else if (visit.status() == Visit.Status.SETTLED) {
            store.setStatus(mdtrtId, Visit.Status.OPEN);
        }
        return output;
    }
}
