package org.yibao.enrollment.certification;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.enrollment.Filer;
import org.yibao.enrollment.person.Person;
import org.yibao.enrollment.person.PersonStore;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Chronic/special-disease certifications: applied for, decided within ten working days, valid for a
 * period, revocable. Every status change is announced (CertificationChanged) so settlement knows
 * who may be settled as chronic outpatient care and who counts as a 两病 patient.
 */
@Service
public class CertificationService {

    private final CertificationStore certifications;
    private final PersonStore persons;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    CertificationService(CertificationStore certifications, PersonStore persons, OutboxWriter outbox, MeterRegistry meters,
                         Clock clock) {
        this.certifications = certifications;
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
        Certification application = Certification.application(personId, person.regionCode(), r.diseaseCode(), r.diseaseName(),
                LocalDate.now(clock));
        if (!certifications.insert(application, Filer.of(caller))) {
            throw new ConflictException("the person already has an open application or a certification for " + r.diseaseCode());
        }
        return announce(application);
    }

    /** The bureau's decision; the decider is the calling staff member. */
    @Transactional
    public Certification decide(UUID id, CertificationRequests.Decide r, CallerIdentity caller) {
        Certification c = lock(id);
        LocalDate today = LocalDate.now(clock);
        Certification decided = c.decided(r.approved(), r.reason(), r.validFrom(), r.validTo(), caller.clientId(), today);
        certifications.update(decided);
        meters.counter("yibao.enrollment.certification.decisions", "status", decided.status().name(),
                "on_time", String.valueOf(!today.isAfter(c.decideBy()))).increment();
        return announce(decided);
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
            caller.requireFiledByOwnInstitution(certifications.filedForInstitution(id).orElse(null), "certification " + id);
            if (c.status() != CertificationState.PENDING) {
                throw new ForbiddenException("certification " + id + " is " + c.status()
                        + "; once the bureau has decided, only bureau staff revoke it");
            }
        }
        Certification revoked = c.revoked(caller.clientId(), r.reason(), LocalDate.now(clock));
        certifications.update(revoked);
        return announce(revoked);
    }

    @Transactional(readOnly = true)
    public List<Certification> ofPerson(String personId) {
        return certifications.ofPerson(personId);
    }

    /** Applications still undecided after their deadline, oldest first. */
    @Transactional(readOnly = true)
    public List<Certification> overdue() {
        return certifications.pendingPast(LocalDate.now(clock));
    }

    /**
     * The decision queue: one page of the applications still pending, overdue first then by deadline, each
     * with its working days left, and how many are pending in all.
     */
    @Transactional(readOnly = true)
    public CertificationQueue queue(CertificationState status, int limit, int offset) {
        LocalDate today = LocalDate.now(clock);
        List<QueuedCertification> page = certifications.inStatus(status, today, limit, offset).stream()
                .map(c -> QueuedCertification.of(c, today)).toList();
        return new CertificationQueue(page, certifications.countInStatus(status));
    }

    private Certification announce(Certification c) {
        outbox.append(new CertificationChanged(c.certificationId().toString(), c.personId(), c.regionCode(), c.diseaseCode(),
                c.diseaseName(), c.status().published(), c.validFrom().orElse(c.appliedOn()), c.validTo().orElse(null),
                clock.instant()));
        return c;
    }

    private Certification lock(UUID id) {
        return certifications.lock(id).orElseThrow(() -> new NotFoundException("no certification " + id));
    }
}
