package org.yibao.settlement.readmodel;

import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;

import java.time.LocalDate;

/** A person's enrollment for a year, as enrollment-service last announced it. */
public record Enrollment(String personId, int year, Scheme scheme, PersonType personType, String regionCode,
                         EnrollmentStatus status, LocalDate effectiveFrom) {

    public boolean coversDate(LocalDate date) {
        return status == EnrollmentStatus.ACTIVE && date.getYear() == year && !date.isBefore(effectiveFrom);
    }
}
