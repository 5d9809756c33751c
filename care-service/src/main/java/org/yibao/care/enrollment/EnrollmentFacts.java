package org.yibao.care.enrollment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.care.benefit.BenefitService;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonEnrolled;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Enrollment in basic medical insurance as care-service knows it (a read model fed by enrollment's
 * events, a history by effective date): a person may apply for long-term care only while enrolled, a day
 * of care is paid only when the person was enrolled in the benefit's region on it, and a benefit ends when
 * enrollment ends (终止参保). Handlers run in the consumer's transaction, which also
 * records the event as processed: applied once however often it is delivered.
 */
@Service
public class EnrollmentFacts {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentFacts.class);

    private final EnrollmentStore store;
    private final BenefitService benefits;

    EnrollmentFacts(EnrollmentStore store, BenefitService benefits) {
        this.store = store;
        this.benefits = benefits;
    }

    /** PersonEnrolled: ACTIVE from its effective date (the first of its year when it names none). */
    @Transactional
    public void enrolled(PersonEnrolled e) {
        LocalDate from = e.effectiveFrom() != null ? e.effectiveFrom() : LocalDate.of(e.year(), 1, 1);
        store.record(new EnrollmentFact(e.personId(), e.scheme(), e.year(), from, e.regionCode(), EnrollmentStatus.ACTIVE,
                e.enrolledAt()));
    }

    /**
     * EnrollmentChanged: the new status from its effective date. When the person is then no longer enrolled
     * on that date under any scheme, a benefit still running ends the day before (the end of enrollment
     * ends the benefit).
     */
    @Transactional
    public void changed(EnrollmentChanged e) {
        LocalDate from = e.effectiveFrom() != null ? e.effectiveFrom() : LocalDate.of(e.year(), 1, 1);
        store.record(new EnrollmentFact(e.personId(), e.scheme(), e.year(), from, e.regionCode(), e.status(), e.changedAt()));
        if (e.status() != EnrollmentStatus.ACTIVE && historyOf(e.personId(), from.getYear(), from.getYear()).regionOn(from).isEmpty()) {
            benefits.endFrom(e.personId(), from, "enrollment " + e.status().name().toLowerCase()
                    + (e.reason() == null ? "" : ": " + e.reason()));
            log.info("enrollment of a beneficiary ended from {}", from);
        }
    }

    /** The region of the person's enrollment on a date; empty when not enrolled in basic medical insurance then. */
    @Transactional(readOnly = true)
    public Optional<String> enrolledRegionOn(String personId, LocalDate date) {
        return historyOf(personId, date.getYear(), date.getYear()).regionOn(date);
    }

    /**
     * The person's enrollment facts of the years {@code fromYear} to {@code toYear}: what was true on each day of
     * them (a care payment pays only the days the person was enrolled in the benefit's region).
     */
    @Transactional(readOnly = true)
    public EnrollmentHistory historyOf(String personId, int fromYear, int toYear) {
        return new EnrollmentHistory(personId, store.facts(personId, fromYear, toYear));
    }
}
