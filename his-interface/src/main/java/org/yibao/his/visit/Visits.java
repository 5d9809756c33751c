package org.yibao.his.visit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.his.envelope.HisException;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Visits and their fee details, kept between the HIS's registration, uploads and settlement. */
@Component
public class Visits {

    private final JdbcClient jdbc;

    Visits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String open(String institution, String personId, Visit.Kind kind, String medType, String insutype, String iptOtpNo,
                       LocalDateTime beginsAt, List<String> diagnoses, String msgid) {
        String id = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                        insert into visit (mdtrt_id, institution, person_id, kind, med_type, insutype, ipt_otp_no, begins_at, diagnoses,
                                           status, created_msgid)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(id, institution, personId, kind.name(), medType, insutype, iptOtpNo, beginsAt, String.join(",", diagnoses), msgid)
                .update();
        return id;
    }

    /** The institution's own visit, or a refusal naming the field. */
    public Visit get(String mdtrtId, String institution, String field) {
        return jdbc.sql("select * from visit where mdtrt_id = ? and institution = ?").params(mdtrtId, institution)
                .query((rs, i) -> new Visit(rs.getString("mdtrt_id"), rs.getString("institution"), rs.getString("person_id"),
                        Visit.Kind.valueOf(rs.getString("kind")), rs.getString("med_type"), rs.getString("insutype"),
                        rs.getString("ipt_otp_no"), rs.getTimestamp("begins_at").toLocalDateTime(),
                        rs.getTimestamp("ends_at") == null ? null : rs.getTimestamp("ends_at").toLocalDateTime(),
                        rs.getString("diagnoses").isEmpty() ? List.of() : Arrays.asList(rs.getString("diagnoses").split(",")),
                        Visit.Status.valueOf(rs.getString("status")), rs.getObject("setl_id", UUID.class)))
                .optional()
                .orElseThrow(() -> HisException.field(field, mdtrtId + " is not a visit of this institution"));
    }

    /** An open visit of this person, or a refusal. */
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

    public void setStatus(String mdtrtId, Visit.Status status, UUID setlId) {
        jdbc.sql("update visit set status = ?, setl_id = ? where mdtrt_id = ?").params(status.name(), setlId, mdtrtId).update();
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
                ? jdbc.sql("delete from fee_line where mdtrt_id = ?").param(mdtrtId).update()
                : jdbc.sql("delete from fee_line where mdtrt_id = ? and chrg_bchno = ?").params(mdtrtId, chrgBchno).update();
    }

    public int removeDetail(String mdtrtId, String feedetlSn) {
        return "0000".equals(feedetlSn)
                ? jdbc.sql("delete from fee_line where mdtrt_id = ?").param(mdtrtId).update()
                : jdbc.sql("delete from fee_line where mdtrt_id = ? and feedetl_sn = ?").params(mdtrtId, feedetlSn).update();
    }

    public int removeUploadedBy(String msgid) {
        return jdbc.sql("delete from fee_line where uploaded_msgid = ?").param(msgid).update();
    }

    public List<FeeLine> lines(String mdtrtId) {
        return jdbc.sql("select * from fee_line where mdtrt_id = ? order by fee_time, feedetl_sn").param(mdtrtId)
                .query((rs, i) -> new FeeLine(rs.getString("feedetl_sn"), rs.getString("chrg_bchno"), rs.getString("item_code"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"),
                        rs.getTimestamp("fee_time").toLocalDateTime()))
                .list();
    }
}
