package org.yibao.settlement.readmodel;

import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person's enrollment facts for one period of a year (参保状态), as enrollment-service announced them:
 * true from {@code effectiveFrom} until the next period of the same year begins.
 *
 * @param tier          how an employee is enrolled; empty for residents
 * @param effectiveFrom the period's first day
 */
public record Enrollment(String personId, int year, Scheme scheme, PersonType personType, Optional<EmploymentTier> tier,
                         String regionCode, EnrollmentStatus status, LocalDate effectiveFrom) {

    /** Whether this period, being the one in force on {@code date}, covers it: active, same year, begun. */
    public boolean coversDate(LocalDate date) {
        return status == EnrollmentStatus.ACTIVE && date.getYear() == year && !date.isBefore(effectiveFrom);
    }
}
