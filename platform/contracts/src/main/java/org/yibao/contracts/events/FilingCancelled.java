package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A remote-treatment filing was cancelled: it no longer covers treatment from {@code lastDay} + 1 on.
 *
 * @param lastDay the last day the filing covered
 */
@EventType(name = "FilingCancelled", version = 1, topic = Topics.FILINGS)
public record FilingCancelled(
        String filingId,
        String personId,
        LocalDate lastDay,
        String reason,
        Instant cancelledAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return personId;
    }
}
