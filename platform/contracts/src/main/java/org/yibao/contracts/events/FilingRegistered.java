package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A remote-treatment filing (异地就医备案) was registered. It lets the person be treated in the
 * destination under the out-of-area rules for filed persons, from the day it is made (self-service,
 * no review) until {@code validTo} or a {@link FilingCancelled}.
 *
 * @param destinationRegionCode where the person may be treated: a city or district code, or a
 *                              province code (ending in 0000) that covers every place in it
 * @param validTo               last day in force; null means until cancelled
 */
@EventType(name = "FilingRegistered", version = 1, topic = Topics.FILINGS)
public record FilingRegistered(
        String filingId,
        String personId,
        String insuredRegionCode,
        String destinationRegionCode,
        String reason,
        LocalDate validFrom,
        LocalDate validTo,
        Instant registeredAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return personId;
    }
}
