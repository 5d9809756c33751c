package org.yibao.settlement.readmodel;

import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person's enrollment for a year, as enrollment-service last announced it.
 *
 * @param tier how an employee is enrolled; empty for residents
 */
public record Enrollment(String personId, int year, Scheme scheme, PersonType personType, Optional<EmploymentTier> tier,
                         String regionCode, EnrollmentStatus status, LocalDate effectiveFrom) {

    public boolean coversDate(LocalDate date) {
        return status == EnrollmentStatus.ACTIVE && date.getYear() == year && !date.isBefore(effectiveFrom);
    }
}
