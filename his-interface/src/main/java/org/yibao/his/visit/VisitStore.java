package org.yibao.his.visit;

import org.yibao.contracts.events.DeliveryKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Visits, their fee details and their settlements as the interface keeps them: tables {@code visit},
 * {@code fee_line} and {@code visit_settlement}. Diagnoses are kept as one comma-separated list.
 */
@Component
public class VisitStore {

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- visits ---

    /** A new visit, opened by the message {@code msgid}. */
    void insert(Visit v, String msgid) {
        jdbc.sql("""
                        insert into visit (mdtrt_id, institution, person_id, kind, med_type, insutype, ipt_otp_no, begins_at, diagnoses,
                                           status, created_msgid, psn_name, psn_type, doctor_code, department_code, admission_procedure)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.mdtrtId(), v.institution(), v.personId(), v.kind().name(), v.medType(), v.insutype(), v.iptOtpNo(),
                        v.beginsAt(), String.join(",", v.diagnoses()), v.status().name(), msgid, v.psnName(), v.psnType(),
                        v.facts().doctorCode(), v.facts().departmentCode(), v.facts().admissionProcedure())
                .update();
    }

    /**
     * The institution's visit, locked for the rest of the message's database transaction: two messages
     * on one visit (a settle sent again under a new msgid, a reversal beside a settle) run one after
     * the other, never both on what they read.
     */
    Optional<Visit> lock(String mdtrtId, String institution) {
        return jdbc.sql("select * from visit where mdtrt_id = ? and institution = ? for update").params(mdtrtId, institution)
                .query((rs, i) -> visit(rs)).optional();
    }

    /** A person's visits at an institution, newest first. */
    public List<Visit> ofPersonAt(String personId, String institution) {
        return jdbc.sql("select * from visit where person_id = ? and institution = ? order by begins_at desc, mdtrt_id")
                .params(personId, institution).query((rs, i) -> visit(rs)).list();
    }

    private static Visit visit(ResultSet rs) throws SQLException {
        return new Visit(rs.getString("mdtrt_id"), rs.getString("institution"), rs.getString("person_id"),
                Visit.Kind.valueOf(rs.getString("kind")), rs.getString("med_type"), rs.getString("insutype"),
                rs.getString("ipt_otp_no"), rs.getTimestamp("begins_at").toLocalDateTime(),
                rs.getTimestamp("ends_at") == null ? null : rs.getTimestamp("ends_at").toLocalDateTime(),
                rs.getString("diagnoses").isEmpty() ? List.of() : Arrays.asList(rs.getString("diagnoses").split(",")),
                Visit.Status.valueOf(rs.getString("status")), rs.getString("psn_name"), rs.getString("psn_type"),
                new Visit.Facts(rs.getString("doctor_code"), rs.getString("department_code"), rs.getString("admission_procedure"),
                        rs.getString("discharge_procedure"), rs.getString("discharge_department"),
                        rs.getString("delivery_kind") == null ? null : DeliveryKind.valueOf(rs.getString("delivery_kind"))));
    }

    public void describe(String mdtrtId, String medType, List<String> diagnoses) {
        jdbc.sql("update visit set med_type = ?, diagnoses = ? where mdtrt_id = ?")
                .params(medType, String.join(",", diagnoses), mdtrtId).update();
    }

    /**
     * Discharges a stay, with its procedure, discharging department and (a delivery's) kind of delivery as 2402
     * gives them (or null); no diagnoses leave those it has.
     */
    public void discharge(String mdtrtId, LocalDateTime endsAt, List<String> diagnoses, String procedure, String department,
                          DeliveryKind deliveryKind) {
        jdbc.sql("""
                        update visit set ends_at = ?, diagnoses = case when ? = '' then diagnoses else ? end,
                                         discharge_procedure = ?, discharge_department = ?, delivery_kind = ?
                        where mdtrt_id = ?""")
                .params(endsAt, String.join(",", diagnoses), String.join(",", diagnoses), procedure, department,
                        deliveryKind == null ? null : deliveryKind.name(), mdtrtId).update();
    }

    public void setStatus(String mdtrtId, Visit.Status status) {
        jdbc.sql("update visit set status = ? where mdtrt_id = ?").params(status.name(), mdtrtId).update();
    }

    /** Reverses a discharge (2405): the stay goes on. */
    public void undoDischarge(String mdtrtId) {
        jdbc.sql("""
                        update visit set ends_at = null, discharge_procedure = null, discharge_department = null, delivery_kind = null
                        where mdtrt_id = ?""")
                .param(mdtrtId).update();
    }

    /** Changes an admission's start, number and diagnoses (2403); a null leaves the value as it was. */
    public void changeAdmission(String mdtrtId, LocalDateTime beginsAt, String iptNo, List<String> diagnoses) {
        jdbc.sql("""
                        update visit set begins_at = coalesce(?, begins_at), ipt_otp_no = coalesce(?, ipt_otp_no),
                                         diagnoses = case when ? = '' then diagnoses else ? end
                        where mdtrt_id = ?""")
                .params(beginsAt, iptNo, String.join(",", diagnoses), String.join(",", diagnoses), mdtrtId).update();
    }

    // --- settlements of a visit ---

    /** Records a settlement; a reversal also marks the settlement it reverses and opens its details again. */
    public void recordSettlement(VisitSettlement s) {
        jdbc.sql("""
                        insert into visit_settlement (setl_id, mdtrt_id, institution, person_id, settlement_id, kind, mid_stay,
                            service_date, insutype, med_type, medfee_sumamt, fund_pay_sumamt, acct_pay, psn_cash_pay, settled_at, msgid,
                            init_setl_id, setlinfo)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.setlId(), s.mdtrtId(), s.institution(), s.personId(), s.settlementId(), s.kind().name(), s.midStay(),
                        s.serviceDate(), s.insutype(), s.medType(), s.medfeeSumamt(), s.fundPaySumamt(), s.acctPay(), s.psnCashPay(),
                        Timestamp.from(s.settledAt()), s.msgid(), s.initSetlId(), s.output())
                .update();
        if (s.initSetlId() != null) {
            jdbc.sql("update visit_settlement set reversed_by = ? where setl_id = ?").params(s.setlId(), s.initSetlId()).update();
            jdbc.sql("update fee_line set setl_id = null where setl_id = ?").param(s.initSetlId()).update();
        }
    }

    /** Marks the details a settlement billed (those not billed, or billed by it already); how many it marked. */
    public int markBilled(String mdtrtId, List<FeeLine> lines, String setlId) {
        String[] serials = lines.stream().map(FeeLine::feedetlSn).toArray(String[]::new);
        return jdbc.sql("update fee_line set setl_id = ? where mdtrt_id = ? and feedetl_sn = any(?) and (setl_id is null or setl_id = ?)")
                .params(setlId, mdtrtId, serials, setlId).update();
    }

    /** Whether any detail of the visit is still to be settled. */
    public boolean hasUnsettledLines(String mdtrtId) {
        return jdbc.sql("select exists (select 1 from fee_line where mdtrt_id = ? and setl_id is null)").param(mdtrtId)
                .query(Boolean.class).single();
    }

    public Optional<VisitSettlement> settlement(String setlId, String institution) {
        return jdbc.sql("select * from visit_settlement where setl_id = ? and institution = ?").params(setlId, institution)
                .query((rs, i) -> new VisitSettlement(rs.getString("setl_id"), rs.getString("mdtrt_id"), rs.getString("institution"),
                        rs.getString("person_id"), rs.getObject("settlement_id", UUID.class), VisitSettlement.Kind.valueOf(rs.getString("kind")),
                        rs.getBoolean("mid_stay"), rs.getObject("service_date", LocalDate.class), rs.getString("insutype"),
                        rs.getString("med_type"), rs.getBigDecimal("medfee_sumamt"), rs.getBigDecimal("fund_pay_sumamt"),
                        rs.getBigDecimal("acct_pay"), rs.getBigDecimal("psn_cash_pay"), rs.getTimestamp("settled_at").toInstant(),
                        rs.getString("msgid"), rs.getString("init_setl_id"), rs.getString("reversed_by"), rs.getString("setlinfo")))
                .optional();
    }

    /** The setl_id the interface gave a settlement-service bill, if it was settled through the interface. */
    public Optional<String> setlIdOf(UUID settlementId, VisitSettlement.Kind kind) {
        return jdbc.sql("select setl_id from visit_settlement where settlement_id = ? and kind = ?").params(settlementId, kind.name())
                .query(String.class).optional();
    }

    /** How many settlements the visit has had (in force or reversed). */
    public int settlementsOf(String mdtrtId) {
        return jdbc.sql("select count(*) from visit_settlement where mdtrt_id = ? and kind = ?")
                .params(mdtrtId, VisitSettlement.Kind.SETTLEMENT.name()).query(Integer.class).single();
    }

    /** Whether the visit's final settlement (not a mid-stay one) is in force. */
    public boolean finallySettled(String mdtrtId) {
        return jdbc.sql("""
                        select count(*) from visit_settlement
                        where mdtrt_id = ? and kind = ? and not mid_stay and reversed_by is null""")
                .params(mdtrtId, VisitSettlement.Kind.SETTLEMENT.name()).query(Integer.class).single() > 0;
    }

    /** Whether any settlement of the visit is in force (not reversed). */
    public boolean hasSettlementsInForce(String mdtrtId) {
        return jdbc.sql("select count(*) from visit_settlement where mdtrt_id = ? and kind = ? and reversed_by is null")
                .params(mdtrtId, VisitSettlement.Kind.SETTLEMENT.name()).query(Integer.class).single() > 0;
    }

    // --- fee details ---

    /** Adds a detail to the visit; false when the visit has a detail of its feedetl_sn already. */
    boolean addLine(String mdtrtId, FeeLine l, String msgid) {
        return jdbc.sql("""
                        insert into fee_line (mdtrt_id, feedetl_sn, chrg_bchno, item_code, quantity, unit_price, amount, fee_time, uploaded_msgid,
                                              prd_days, doctor_code)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(mdtrtId, l.feedetlSn(), l.chrgBchno(), l.itemCode(), l.quantity(), l.unitPrice(), l.amount(), l.feeTime(), msgid,
                        l.prdDays(), l.doctorCode())
                .update() > 0;
    }

    /** Removes a batch's details not yet settled ("0000": all of the visit's); how many went. */
    public int removeBatch(String mdtrtId, String chrgBchno) {
        return "0000".equals(chrgBchno)
                ? jdbc.sql("delete from fee_line where mdtrt_id = ? and setl_id is null").param(mdtrtId).update()
                : jdbc.sql("delete from fee_line where mdtrt_id = ? and chrg_bchno = ? and setl_id is null").params(mdtrtId, chrgBchno).update();
    }

    /** Removes a detail not yet settled ("0000": all of the visit's not yet settled); how many went. */
    public int removeDetail(String mdtrtId, String feedetlSn) {
        return "0000".equals(feedetlSn)
                ? jdbc.sql("delete from fee_line where mdtrt_id = ? and setl_id is null").param(mdtrtId).update()
                : jdbc.sql("delete from fee_line where mdtrt_id = ? and feedetl_sn = ? and setl_id is null").params(mdtrtId, feedetlSn).update();
    }

    /** How many of the details a message uploaded are settled. */
    public int settledUploadedBy(String msgid) {
        return jdbc.sql("select count(*) from fee_line where uploaded_msgid = ? and setl_id is not null").param(msgid)
                .query(Integer.class).single();
    }

    /** Removes the details a message uploaded; how many went. */
    public int removeUploadedBy(String msgid) {
        return jdbc.sql("delete from fee_line where uploaded_msgid = ?").param(msgid).update();
    }

    /** The visit's details, in the order they occurred. */
    public List<FeeLine> lines(String mdtrtId) {
        return jdbc.sql("select * from fee_line where mdtrt_id = ? order by fee_time, feedetl_sn").param(mdtrtId)
                .query((rs, i) -> new FeeLine(rs.getString("feedetl_sn"), rs.getString("chrg_bchno"), rs.getString("item_code"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("fee_time").toLocalDateTime(), rs.getString("setl_id"), rs.getBigDecimal("prd_days"),
                        rs.getString("doctor_code")))
                .list();
    }

    /**
     * A drug detail of a chronic-disease visit (med_type 14), at any institution.
     *
     * @param institution the institution of the visit (fixmedins_code)
     */
    public record ChronicDrugDetail(String feedetlSn, String institution, String personId, String medType, LocalDateTime feeTime,
                                    BigDecimal quantity, BigDecimal unitPrice, String itemCode) {
    }

    /** The person's details on chronic-disease visits not cancelled, in a period, in the order they occurred (at most 1000). */
    public List<ChronicDrugDetail> chronicDrugDetails(String personId, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("""
                        select f.feedetl_sn, v.institution, v.person_id, v.med_type, f.fee_time, f.quantity, f.unit_price, f.item_code
                        from fee_line f join visit v on v.mdtrt_id = f.mdtrt_id
                        where v.person_id = ? and v.med_type = '14' and v.status <> ? and f.fee_time between ? and ?
                        order by f.fee_time, f.feedetl_sn limit 1000""")
                .params(personId, Visit.Status.CANCELLED.name(), from, to)
                .query((rs, i) -> new ChronicDrugDetail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toLocalDateTime(), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8)))
                .list();
    }
}
