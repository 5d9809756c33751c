package org.yibao.enrollment.filing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.FilingCancelled;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.contracts.region.Regions;
import org.yibao.enrollment.Filer;
import org.yibao.enrollment.enrollment.Enrollment;
import org.yibao.enrollment.enrollment.EnrollmentStore;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Remote-treatment filings: self-service, no review, in force at once; announced to settlement. */
@Service
public class FilingService {

    private final FilingStore filings;
    private final EnrollmentStore enrollments;
    private final OutboxWriter outbox;
    private final Clock clock;

    FilingService(FilingStore filings, EnrollmentStore enrollments, OutboxWriter outbox, Clock clock) {
        this.filings = filings;
        this.enrollments = enrollments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers a filing made by the caller (a hospital for its patient, or a clerk); the filer is recorded for ownership. */
    @Transactional
    public Filing register(String personId, FilingRequest r, CallerIdentity caller) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = Optional.ofNullable(r.validFrom()).orElse(today);
        if (from.isBefore(today)) {
            throw new InvalidRequestException("validFrom", "must not be in the past; a filing takes effect from the day it is made");
        }
        if (r.validTo() != null && r.validTo().isBefore(from)) {
            throw new InvalidRequestException("validTo", "must not be before validFrom");
        }
        Enrollment enrollment = enrollments.find(personId, from.getYear(), from)
                .orElseThrow(() -> new RefusedException("the person is not enrolled in " + from.getYear() + "; only an insured person can file"));
        if (Regions.contains(r.destinationRegionCode(), enrollment.regionCode())
                || Regions.contains(enrollment.regionCode(), r.destinationRegionCode())) {
            throw new InvalidRequestException("destinationRegionCode", "is not outside the person's insured region "
                    + enrollment.regionCode());
        }
        Filing filing = new Filing(UUID.randomUUID(), personId, enrollment.regionCode(), r.destinationRegionCode(),
                Optional.ofNullable(r.reason()), from, Optional.ofNullable(r.validTo()), Optional.empty());
        filings.insert(filing, Filer.of(caller));
        outbox.append(new FilingRegistered(filing.filingId().toString(), personId, filing.insuredRegion(),
                filing.destinationRegion(), r.reason(), from, r.validTo(), clock.instant()));
        return filing;
    }

    /**
     * Cancels a filing from today on: it still covered yesterday (and today's treatment when it started
     * earlier). Bureau staff cancel any filing; a hospital only one it registered itself.
     *
     * @throws ForbiddenException (403) for a hospital that did not register it
     */
    @Transactional
    public Filing cancel(UUID filingId, String reason, CallerIdentity caller) {
        Filing filing = filings.lock(filingId).orElseThrow(() -> new NotFoundException("no filing " + filingId));
        if (caller.actsForInstitution()) {
            caller.requireFiledByOwnInstitution(filings.filedForInstitution(filingId).orElse(null), "filing " + filingId);
        }
        filing.state().cancel(filingId);
        LocalDate lastDay = filing.lastDayWhenCancelledOn(LocalDate.now(clock));
        filings.cancel(filingId, clock.instant(), reason, lastDay);
        outbox.append(new FilingCancelled(filingId.toString(), filing.personId(), lastDay, reason, clock.instant()));
        return filings.find(filingId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Filing> ofPerson(String personId) {
        return filings.ofPerson(personId);
    }
}
