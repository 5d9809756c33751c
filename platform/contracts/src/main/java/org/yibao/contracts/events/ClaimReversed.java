package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.util.List;

/**
 * A settlement was reversed (冲销) in full. It repeats the original amounts and lines, so that a
 * consumer can undo the settlement's effect without having kept it. Version 2: its lines carry
 * version 2's line facts (days of supply, prescribing doctor); nothing else changed.
 */
@EventType(name = "ClaimReversed", version = 2, topic = Topics.CLAIMS)
public record ClaimReversed(
        String reversalId,
        String settlementId,
        String personId,
        String institutionCode,
        String regionCode,
        Scheme scheme,
        VisitType visitType,
        int year,
        Instant reversedAt,
        String reason,
        SettlementAmounts amounts,
        List<ClaimLine> lines) implements IntegrationEvent {

    public ClaimReversed {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @Override
    public String partitionKey() {
        return personId;
    }
}
