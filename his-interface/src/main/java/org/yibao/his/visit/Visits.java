package org.yibao.his.visit;

import org.springframework.stereotype.Component;
import org.yibao.his.national.HisException;
import org.yibao.his.national.NationalIds;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Visits as the transactions find and open them, kept between the HIS's registration, uploads and
 * settlement ({@link VisitStore}): a visit that is not the institution's, not the person's or not open
 * is refused naming the field.
 */
@Component
public class Visits {

    private final VisitStore store;
    private final NationalIds ids;

    Visits(VisitStore store, NationalIds ids) {
        this.store = store;
        this.ids = ids;
    }

    /** Opens a visit (OPEN) of which the HIS tells nothing for the audit; its new mdtrt_id. */
    public String open(String institution, String personId, Visit.Kind kind, String medType, String insutype, String iptOtpNo,
                       LocalDateTime beginsAt, List<String> diagnoses, String msgid, Persons.Insured insured) {
        return open(institution, personId, kind, medType, insutype, iptOtpNo, beginsAt, diagnoses, msgid, insured, Visit.Facts.NONE);
    }

    /** Opens a visit (OPEN) with what the HIS told of it for the audit (doctor, department, a day surgery's procedure); its new mdtrt_id. */
    public String open(String institution, String personId, Visit.Kind kind, String medType, String insutype, String iptOtpNo,
                       LocalDateTime beginsAt, List<String> diagnoses, String msgid, Persons.Insured insured, Visit.Facts facts) {
        String id = ids.next();
        store.insert(new Visit(id, institution, personId, kind, medType, insutype, iptOtpNo, beginsAt, null, diagnoses,
                Visit.Status.OPEN, insured.name(), insured.psnType(), facts), msgid);
        return id;
    }

    /** The institution's own visit, locked for the message (see {@link VisitStore#lock}), or a refusal naming the field. */
    public Visit get(String mdtrtId, String institution, String field) {
        return store.lock(mdtrtId, institution)
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

    /** Adds uploaded details to a visit; a feedetl_sn the visit has already is refused. */
    public void addLines(String mdtrtId, List<FeeLine> lines, String msgid) {
        for (FeeLine l : lines) {
            if (!store.addLine(mdtrtId, l, msgid)) {
                throw HisException.field("feedetail.feedetl_sn", l.feedetlSn() + " was already uploaded for visit " + mdtrtId);
            }
        }
    }

    /** A new setl_id (30 digits). */
    public String newSetlId() {
        return ids.next();
    }
}
