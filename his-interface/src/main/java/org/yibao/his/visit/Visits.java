package org.yibao.his.visit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.his.envelope.HisException;

import org.yibao.his.national.NationalIds;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Visits and their fee details, kept between the HIS's registration, uploads and settlement. */
@Component
public class Visits {

    private final JdbcClient jdbc;
    private final NationalIds ids;

    Visits(JdbcClient jdbc, NationalIds ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    public String open(String institution, String personId, Visit.Kind kind, String medType, String insutype, String iptOtpNo,
                       LocalDateTime beginsAt, List<String> diagnoses, String msgid, Persons.Insured insured) {
        String id = ids.next();
        jdbc.sql("""
                        insert into visit (mdtrt_id, institution, person_id, kind, med_type, insutype, ipt_otp_no, begins_at, diagnoses,
                                           status, created_msgid, psn_name, psn_type)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
                .params(id, institution, personId, kind.name(), medType, insutype, iptOtpNo, beginsAt, String.join(",", diagnoses), msgid,
                        insured.name(), insured.psnType())
                .update();
        return id;
    }

    /** The institution's own visit, or a refusal naming the field. */
    public Visit get(String mdtrtId, String institution, String field) {
        return read(mdtrtId, institution, field, " for update");
    }

    private Visit read(String mdtrtId, String institution, String field, String lock) {
        // locked for the rest of the message's database transaction: two messages on one visit (a settle sent again
        // under a new msgid, a reversal beside a settle) run one after the other, never both on what they read
        return jdbc.sql("select * from visit where mdtrt_id = ? and institution = ?" + lock).params(mdtrtId, institution)
                .query((rs, i) -> new Visit(rs.getString("mdtrt_id"), rs.getString("institution"), rs.getString("person_id"),
                        Visit.Kind.valueOf(rs.getString("kind")), rs.getString("med_type"), rs.getString("insutype"),
                        rs.getString("ipt_otp_no"), rs.getTimestamp("begins_at").toLocalDateTime(),
                        rs.getTimestamp("ends_at") == null ? null : rs.getTimestamp("ends_at").toLocalDateTime(),
                        rs.getString("diagnoses").isEmpty() ? List.of() : Arrays.asList(rs.getString("diagnoses").split(",")),
                        Visit.Status.valueOf(rs.getString("status")), rs.getString("psn_name"), rs.getString("psn_type")))
                .optional()
                .orElseThrow(() -> HisException.field(field, mdtrtId + " is not a visit of this institution"));
    }

    /**
     * The institution's visit of this person; {@code field} names the visit id in the input, and the
     * person's field beside it is named in a refusal.
     */
    public Visit ofPerson(String mdtrtId, String institution, String personId, String field) {
        Visit visit = get(mdtrtId, institution, field);
        if (!visit.personId().equals(personId)) {
            throw HisException.field(field.replace("mdtrt_id", "psn_no"), "is not the person of visit " + mdtrtId);
        }
        return visit;
    }

    /** An open visit of this person, or a refusal. */
    public Visit open(String mdtrtId, String institution, String personId, String field) {
        Visit visit = ofPerson(mdtrtId, institution, personId, field);
        if (visit.status() != Visit.Status.OPEN) {
            throw HisException.field(field, "visit " + mdtrtId + " is " + visit.status());
        }
        return visit;
    }

    public void describe(String mdtrtId, String medType, List<String> diagnoses) {
        jdbc.sql("update visit set med_type = ?, diagnoses = ? where mdtrt_id = ?")
                .params(medType, String.join(",", diagnoses), mdtrtId).update();
    }

    public void discharge(String mdtrtId, LocalDateTime endsAt, List<String> diagnoses) {
        jdbc.sql("update visit set ends_at = ?, diagnoses = case when ? = '' then diagnoses else ? end where mdtrt_id = ?")
                .params(endsAt, String.join(",", diagnoses), String.join(",", diagnoses), mdtrtId).update();
    }

    public void setStatus(String mdtrtId, Visit.Status status) {
        jdbc.sql("update visit set status = ? where mdtrt_id = ?").params(status.name(), mdtrtId).update();
    }

    /** Reverses a discharge (2405): the stay goes on. */
    public void undoDischarge(String mdtrtId) {
        jdbc.sql("update visit set ends_at = null where mdtrt_id = ?").param(mdtrtId).update();
    }

    /** Changes an admission's start, number and diagnoses (2403); a null leaves the value as it was. */
    public void changeAdmission(String mdtrtId, LocalDateTime beginsAt, String iptNo, List<String> diagnoses) {
        jdbc.sql("""
                        update visit set begins_at = coalesce(?, begins_at), ipt_otp_no = coalesce(?, ipt_otp_no),
                                         diagnoses = case when ? = '' then diagnoses else ? end
                        where mdtrt_id = ?""")
                .params(beginsAt, iptNo, String.join(",", diagnoses), String.join(",", diagnoses), mdtrtId).update();
    }

    /** A person's visits at an institution, newest first (5201). */
    public List<Visit> ofPersonAt(String personId, String institution) {
        return jdbc.sql("select mdtrt_id from visit where person_id = ? and institution = ? order by begins_at desc, mdtrt_id")
                .params(personId, institution).query(String.class).list().stream()
                .map(id -> read(id, institution, "mdtrt_id", "")).toList();
    }

    // --- settlements of a visit ---

    /** A settlement (or reversal) of a visit, as the interface answered it. */
    public record Settled(String setlId, String mdtrtId, String institution, String personId, UUID settlementId, String kind,
                          boolean midStay, LocalDate serviceDate, String insutype, String medType, BigDecimal medfeeSumamt,
                          BigDecimal fundPaySumamt, BigDecimal acctPay, BigDecimal psnCashPay, Instant settledAt, String msgid,
                          String initSetlId, String reversedBy, String output) {
    }

    /** A new setl_id (30 digits). */
    public String newSetlId() {
        return ids.next();
    }

    public void recordSettlement(Settled s) {
        jdbc.sql("""
                        insert into visit_settlement (setl_id, mdtrt_id, institution, person_id, settlement_id, kind, mid_stay,
                            service_date, insutype, med_type, medfee_sumamt, fund_pay_sumamt, acct_pay, psn_cash_pay, settled_at, msgid,
                            init_setl_id, setlinfo)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.setlId(), s.mdtrtId(), s.institution(), s.personId(), s.settlementId(), s.kind(), s.midStay(),
                        s.serviceDate(), s.insutype(), s.medType(), s.medfeeSumamt(), s.fundPaySumamt(), s.acctPay(), s.psnCashPay(),
                        Timestamp.from(s.settledAt()), s.msgid(), s.initSetlId(), s.output())
                .update();
        if (s.initSetlId() != null) {
            jdbc.sql("update visit_settlement set reversed_by = ? where setl_id = ?").params(s.setlId(), s.initSetlId()).update();
            jdbc.sql("update fee_line set setl_id = null where setl_id = ?").param(s.initSetlId()).update();
        }
    }

    /** Marks the details a settlement billed. */
    public void billed(String mdtrtId, List<FeeLine> lines, String setlId) {
        String[] serials = lines.stream().map(FeeLine::feedetlSn).toArray(String[]::new);
        int marked = jdbc.sql("update fee_line set setl_id = ? where mdtrt_id = ? and feedetl_sn = any(?) and (setl_id is null or setl_id = ?)")
                .params(setlId, mdtrtId, serials, setlId).update();
        if (marked != serials.length) {
            throw new IllegalStateException((serials.length - marked) + " details of visit " + mdtrtId + " were billed by another settlement");
        }
    }

    /** Whether any detail of the visit is still to be settled. */
    public boolean hasUnsettledLines(String mdtrtId) {
        return jdbc.sql("select exists (select 1 from fee_line where mdtrt_id = ? and setl_id is null)").param(mdtrtId)
                .query(Boolean.class).single();
    }

    public Optional<Settled> settlement(String setlId, String institution) {
        return jdbc.sql("select * from visit_settlement where setl_id = ? and institution = ?").params(setlId, institution)
                .query((rs, i) -> new Settled(rs.getString("setl_id"), rs.getString("mdtrt_id"), rs.getString("institution"),
                        rs.getString("person_id"), rs.getObject("settlement_id", UUID.class), rs.getString("kind"),
                        rs.getBoolean("mid_stay"), rs.getObject("service_date", LocalDate.class), rs.getString("insutype"),
                        rs.getString("med_type"), rs.getBigDecimal("medfee_sumamt"), rs.getBigDecimal("fund_pay_sumamt"),
                        rs.getBigDecimal("acct_pay"), rs.getBigDecimal("psn_cash_pay"), rs.getTimestamp("settled_at").toInstant(),
                        rs.getString("msgid"), rs.getString("init_setl_id"), rs.getString("reversed_by"), rs.getString("setlinfo")))
                .optional();
    }

    /** The setl_id the interface gave a settlement-service bill, if it was settled through the interface. */
    public Optional<String> setlIdOf(UUID settlementId, String kind) {
        return jdbc.sql("select setl_id from visit_settlement where settlement_id = ? and kind = ?").params(settlementId, kind)
                .query(String.class).optional();
    }

    /** How many settlements the visit has had (in force or reversed). */
    public int settlementsOf(String mdtrtId) {
        return jdbc.sql("select count(*) from visit_settlement where mdtrt_id = ? and kind = 'SETTLEMENT'").param(mdtrtId)
                .query(Integer.class).single();
    }

    /** Whether the visit's final settlement (not a mid-stay one) is in force. */
    public boolean finallySettled(String mdtrtId) {
        return jdbc.sql("""
                        select count(*) from visit_settlement
                        where mdtrt_id = ? and kind = 'SETTLEMENT' and not mid_stay and reversed_by is null""")
                .param(mdtrtId).query(Integer.class).single() > 0;
    }

    /** Whether any settlement of the visit is in force (not reversed). */
    public boolean hasSettlementsInForce(String mdtrtId) {
        return jdbc.sql("select count(*) from visit_settlement where mdtrt_id = ? and kind = 'SETTLEMENT' and reversed_by is null")
                .param(mdtrtId).query(Integer.class).single() > 0;
    }

    public void addLines(String mdtrtId, List<FeeLine> lines, String msgid) {
        for (FeeLine l : lines) {
            int added = jdbc.sql("""
                            insert into fee_line (mdtrt_id, feedetl_sn, chrg_bchno, item_code, quantity, unit_price, amount, fee_time, uploaded_msgid)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(mdtrtId, l.feedetlSn(), l.chrgBchno(), l.itemCode(), l.quantity(), l.unitPrice(), l.amount(), l.feeTime(), msgid)
                    .update();
            if (added == 0) {
                throw HisException.field("feedetail.feedetl_sn", l.feedetlSn() + " was already uploaded for visit " + mdtrtId);
            }
        }
    }

    /** Removes a batch's details ("0000": all of the visit's); how many went. */
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

    /** Removes what an upload added (2601 of a 2204/2301); refused when any of it was settled. */
    public int removeUploadedBy(String msgid) {
        int settled = jdbc.sql("select count(*) from fee_line where uploaded_msgid = ? and setl_id is not null").param(msgid)
                .query(Integer.class).single();
        if (settled > 0) {
            throw HisException.field("data.omsgid", msgid + " uploaded details that are settled; reverse the settlement first");
        }
        return jdbc.sql("delete from fee_line where uploaded_msgid = ?").param(msgid).update();
    }

    public List<FeeLine> lines(String mdtrtId) {
        return jdbc.sql("select * from fee_line where mdtrt_id = ? order by fee_time, feedetl_sn").param(mdtrtId)
                .query((rs, i) -> new FeeLine(rs.getString("feedetl_sn"), rs.getString("chrg_bchno"), rs.getString("item_code"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("fee_time").toLocalDateTime(), rs.getString("setl_id")))
                .list();
    }
}
