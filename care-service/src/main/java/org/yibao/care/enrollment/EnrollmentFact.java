package org.yibao.care.enrollment;

import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.Scheme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact of a person's enrollment in basic medical insurance (基本医疗保险参保), as enrollment-service
 * announced it: from {@code effectiveFrom} until the next fact of the same scheme and year.
 *
 * @param statedAt when enrollment stated it; of two facts with the same effective date, the later wins
 */
public record EnrollmentFact(String personId, Scheme scheme, int year, LocalDate effectiveFrom, String regionCode,
                             EnrollmentStatus status, Instant statedAt) {
}
