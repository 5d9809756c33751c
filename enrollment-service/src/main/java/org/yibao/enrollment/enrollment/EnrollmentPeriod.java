package org.yibao.enrollment.enrollment;

import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One period of an enrollment's facts (参保状态变更): what was true from {@code validFrom} until the
 * next period of the same person and year begins. The first period begins on the enrollment's
 * effective date (coverage start); a status other than ACTIVE is a gap in coverage.
 *
 * @param tier   employees only: employer-enrolled or an individual tier
 * @param reason why the facts changed (the change's reason; the enrollment's source for the first)
 */
public record EnrollmentPeriod(LocalDate validFrom, PersonType personType, Optional<EmploymentTier> tier,
                               EnrollmentStatus status, String reason) {

    /** These facts with a change's given fields applied (a field left out keeps its value). */
    EnrollmentPeriod with(ChangeRequest r, LocalDate from) {
        return new EnrollmentPeriod(from, r.personType() != null ? r.personType() : personType,
                r.tier() != null ? Optional.of(r.tier()) : tier, r.status() != null ? r.status() : status, r.reason());
    }

    /** Whether the facts (not the date or reason) are the same. */
    boolean sameFacts(EnrollmentPeriod other) {
        return personType == other.personType && tier.equals(other.tier) && status == other.status;
    }
}
