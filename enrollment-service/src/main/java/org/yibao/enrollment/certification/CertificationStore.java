package org.yibao.enrollment.certification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.enrollment.Filer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The certifications (table {@code certification}) and who filed each application. */
@Repository
class CertificationStore {

    private final JdbcClient jdbc;

    CertificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a new application; false (nothing changed) when the person already has an open application
     * or a certification for the disease (one open per person and disease, a unique index).
     */
    boolean insert(Certification c, Filer filer) {
        return jdbc.sql("""
                        insert into certification (certification_id, person_id, region_code, disease_code, disease_name,
                            status, applied_on, decide_by, filed_by, filed_for_institution)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(c.certificationId(), c.personId(), c.regionCode(), c.diseaseCode(), c.diseaseName(), c.status().name(),
                        c.appliedOn(), c.decideBy(), filer.clientId(), filer.institution())
                .update() == 1;
    }

    /** Writes a decision or a revocation: the state and what the decision and the revocation recorded. */
    void update(Certification c) {
        jdbc.sql("""
                        update certification set status = ?, decided_on = ?, decided_by = ?, decision_reason = ?,
                            valid_from = ?, valid_to = ?, revoked_on = ?, revoked_by = ?, revocation_reason = ?,
                            updated_at = now() where certification_id = ?""")
                .params(c.status().name(), c.decidedOn().orElse(null), c.decidedBy().orElse(null),
                        c.decisionReason().orElse(null), c.validFrom().orElse(null), c.validTo().orElse(null),
                        c.revokedOn().orElse(null), c.revokedBy().orElse(null), c.revocationReason().orElse(null),
                        c.certificationId())
                .update();
    }

    /** Reads and locks the certification for the rest of the transaction. */
    Optional<Certification> lock(UUID id) {
        return jdbc.sql(SELECT + " where certification_id = ? for update").param(id).query(CertificationStore::read).optional();
    }

    /** The institution of the hospital that filed the application; empty when bureau staff did. */
    Optional<String> filedForInstitution(UUID id) {
        return jdbc.sql("select filed_for_institution from certification where certification_id = ?")
                .param(id).query(String.class).optional();
    }

    List<Certification> ofPerson(String personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by applied_on, certification_id").param(personId)
                .query(CertificationStore::read).list();
    }

    /** Applications still pending whose deadline was before {@code today}, oldest first. */
    List<Certification> pendingPast(LocalDate today) {
        return jdbc.sql(SELECT + " where status = 'PENDING' and decide_by < ? order by decide_by")
                .param(today).query(CertificationStore::read).list();
    }

    /**
     * One page of the applications in {@code status}: those past their deadline first (before {@code today}),
     * then by deadline, then by id (a stable order for paging).
     */
    List<Certification> inStatus(CertificationState status, LocalDate today, int limit, int offset) {
        return jdbc.sql(SELECT + " where status = ? order by decide_by < ? desc, decide_by, certification_id limit ? offset ?")
                .params(status.name(), today, limit, offset).query(CertificationStore::read).list();
    }

    long countInStatus(CertificationState status) {
        return jdbc.sql("select count(*) from certification where status = ?").param(status.name()).query(Long.class).single();
    }

    private static final String SELECT = """
            select certification_id, person_id, region_code, disease_code, disease_name, status, applied_on, decide_by,
                   decided_on, decided_by, decision_reason, valid_from, valid_to, revoked_on, revoked_by, revocation_reason
            from certification""";

    private static Certification read(ResultSet rs, int n) throws SQLException {
        return new Certification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), CertificationState.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), Optional.ofNullable(rs.getObject(9, LocalDate.class)),
                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
                Optional.ofNullable(rs.getObject(12, LocalDate.class)), Optional.ofNullable(rs.getObject(13, LocalDate.class)),
                Optional.ofNullable(rs.getObject(14, LocalDate.class)), Optional.ofNullable(rs.getString(15)),
                Optional.ofNullable(rs.getString(16)));
    }
}
