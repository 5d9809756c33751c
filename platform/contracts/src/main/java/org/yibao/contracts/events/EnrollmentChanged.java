package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An existing enrollment changed: person type (e.g. retired), tier, status, or region.
 *
 * @param tier how an employee is enrolled (employer or individual tier); null for residents
 */
@EventType(name = "EnrollmentChanged", version = 1, topic = Topics.ENROLLMENTS)
public record EnrollmentChanged(
        String personId,
        String regionCode,
        Scheme scheme,
        PersonType personType,
        EmploymentTier tier,
        int year,
        EnrollmentStatus status,
        LocalDate effectiveFrom,
        String reason,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return personId;
    }
}
