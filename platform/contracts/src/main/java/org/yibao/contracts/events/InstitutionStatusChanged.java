package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A designated institution's agreement status changed (signed, suspended, terminated, restored).
 * Settlement refuses bills from institutions that are not ACTIVE.
 */
@EventType(name = "InstitutionStatusChanged", version = 1, topic = Topics.INSTITUTIONS)
public record InstitutionStatusChanged(
        String institutionCode,
        String name,
        String regionCode,
        InstitutionKind kind,
        InstitutionLevel level,
        AgreementStatus previousStatus,
        AgreementStatus status,
        LocalDate effectiveFrom,
        String reason,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
