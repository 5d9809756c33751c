package org.yibao.enrollment.certification;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.contracts.events.CertificationStatus;
import org.yibao.enrollment.person.Person;
import org.yibao.enrollment.person.PersonStore;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Chronic/special-disease certifications: applied for, decided within ten working days, valid for a
 * period, revocable. Every status change is announced (CertificationChanged) so settlement knows
 * who may be settled as chronic outpatient care and who counts as a 两病 patient.
 */
@Service
public class CertificationService {

    static final int DECISION_WORKING_DAYS = 10;

    private final JdbcClient jdbc;
    private final PersonStore persons;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    CertificationService(JdbcClient jdbc, PersonStore persons, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** An application filed by the caller: a hospital for its patient, or a clerk; the filer is recorded for ownership. */
    @Transactional
    public Certification apply(String personId, CertificationRequests.Apply r, CallerIdentity caller) {
        Person person = persons.find(personId)
                .orElseThrow(() -> new RefusedException("the person is not registered"));
        LocalDate today = LocalDate.now(clock);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into certification (certification_id, person_id, region_code, disease_code, disease_name,
                                status, applied_on, decide_by, filed_by, filed_for_institution)
                            values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)""")
                    .params(id, personId, person.regionCode(), r.diseaseCode(), r.diseaseName(), today,
                            WorkingDays.after(today, DECISION_WORKING_DAYS), caller.clientId(),
                            caller.actsForInstitution() ? caller.institution() : null)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the person already has an open application or a certification for " + r.diseaseCode());
        }
        return announce(find(id));
    }

    /** The bureau's decision; the decider is the calling staff member. */
    @Transactional
    public Certification decide(UUID id, CertificationRequests.Decide r, CallerIdentity caller) {
        Certification c = lock(id);
        if (c.status() != CertificationStatus.PENDING) {
            throw new ConflictException("certification " + id + " was already decided: " + c.status());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = Optional.ofNullable(r.validFrom()).orElse(today);
        if (r.approved() && r.validTo() != null && r.validTo().isBefore(from)) {
            throw new InvalidRequestException("validTo", "must not be before validFrom");
        }
        if (!r.approved() && (r.reason() == null || r.reason().isBlank())) {
            throw new InvalidRequestException("reason", "is required when an application is rejected");
        }
        CertificationStatus status = r.approved() ? CertificationStatus.APPROVED : CertificationStatus.REJECTED;
        jdbc.sql("""
                        update certification set status = ?, decided_on = ?, decided_by = ?, decision_reason = ?,
                            valid_from = ?, valid_to = ?, updated_at = now() where certification_id = ?""")
                .params(status.name(), today, caller.clientId(), r.reason(), r.approved() ? from : null,
                        r.approved() ? r.validTo() : null, id)
                .update();
        meters.counter("yibao.enrollment.certification.decisions", "status", status.name(),
                "on_time", String.valueOf(!today.isAfter(c.decideBy()))).increment();
        return announce(find(id));
    }

    /**
     * Revokes an approved certification (from today on) or withdraws a pending application. Bureau
     * staff may revoke any; a hospital only withdraws an application it filed itself and that is still
     * pending (the national interface's 2504): once the bureau decided, only the bureau revokes.
     *
     * @throws ForbiddenException (403) for a hospital that did not file it, or when it is no longer pending
     */
    @Transactional
    public Certification revoke(UUID id, CertificationRequests.Revoke r, CallerIdentity caller) {
        Certification c = lock(id);
        if (caller.actsForInstitution()) {
            caller.requireFiledByOwnInstitution(jdbc.sql("select filed_for_institution from certification where certification_id = ?")
                    .param(id).query(String.class).optional().orElse(null), "certification " + id);
            if (c.status() != CertificationStatus.PENDING) {
                throw new ForbiddenException("certification " + id + " is " + c.status()
                        + "; once the bureau has decided, only bureau staff revoke it");
            }
        }
        // an approved certification ends yesterday; a pending application is withdrawn (the HIS's 2504) and was never valid
        if (c.status() != CertificationStatus.APPROVED && c.status() != CertificationStatus.PENDING) {
            throw new ConflictException("only an approved or pending certification can be revoked; this one is " + c.status());
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                        update certification set status = 'REVOKED', revoked_on = ?, revoked_by = ?, revocation_reason = ?,
                            valid_to = ?, updated_at = now() where certification_id = ?""")
                .params(today, caller.clientId(), r.reason(), c.status() == CertificationStatus.APPROVED ? today.minusDays(1) : null, id)
                .update();
        return announce(find(id));
    }

    @Transactional(readOnly = true)
    public List<Certification> ofPerson(String personId) {
        return jdbc.sql(SELECT + " where person_id = ? order by applied_on, certification_id").param(personId)
                .query(CertificationService::read).list();
    }

    /** Applications still undecided after their deadline, oldest first. */
    @Transactional(readOnly = true)
    public List<Certification> overdue() {
        return jdbc.sql(SELECT + " where status = 'PENDING' and decide_by < ? order by decide_by")
                .param(LocalDate.now(clock)).query(CertificationService::read).list();
    }

    private Certification announce(Certification c) {
        outbox.append(new CertificationChanged(c.certificationId().toString(), c.personId(), c.regionCode(), c.diseaseCode(),
                c.diseaseName(), c.status(), c.validFrom().orElse(c.appliedOn()), c.validTo().orElse(null), clock.instant()));
        return c;
    }

    private Certification find(UUID id) {
        return jdbc.sql(SELECT + " where certification_id = ?").param(id).query(CertificationService::read).single();
    }

    private Certification lock(UUID id) {
        return jdbc.sql(SELECT + " where certification_id = ? for update").param(id).query(CertificationService::read)
                .optional().orElseThrow(() -> new NotFoundException("no certification " + id));
    }

    private static final String SELECT = """
            select certification_id, person_id, region_code, disease_code, disease_name, status, applied_on, decide_by,
                   decided_on, decided_by, decision_reason, valid_from, valid_to, revoked_on, revoked_by, revocation_reason
            from certification""";

    private static Certification read(ResultSet rs, int n) throws SQLException {
        return new Certification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), CertificationStatus.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), Optional.ofNullable(rs.getObject(9, LocalDate.class)),
                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
                Optional.ofNullable(rs.getObject(12, LocalDate.class)), Optional.ofNullable(rs.getObject(13, LocalDate.class)),
                Optional.ofNullable(rs.getObject(14, LocalDate.class)), Optional.ofNullable(rs.getString(15)),
                Optional.ofNullable(rs.getString(16)));
    }
}
