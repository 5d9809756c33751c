package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person was enrolled in a basic scheme for a year (参保登记).
 *
 * @param tier how an employee is enrolled (employer or individual tier); null for residents
 */
@EventType(name = "PersonEnrolled", version = 1, topic = Topics.ENROLLMENTS)
public record PersonEnrolled(
        String personId,
        String regionCode,
        Scheme scheme,
        PersonType personType,
        EmploymentTier tier,
        int year,
        LocalDate effectiveFrom,
        Instant enrolledAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return personId;
    }
}
