package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * Smart audit (智能审核) found a settled claim that breaks a rule.
 *
 * @param rule          the rule broken, e.g. SPLIT_HOSPITALISATION or EXCESSIVE_QUANTITY
 * @param settlementIds the claim, and for rules across claims the other claims involved
 * @param amountAtRisk  the part of the claim the rule puts in doubt
 * @param evidence      what was found, in words a reviewer can check
 */
@EventType(name = "ViolationDetected", version = 1, topic = Topics.VIOLATIONS)
public record ViolationDetected(
        String violationId,
        AuditRule rule,
        List<String> settlementIds,
        String personId,
        String institutionCode,
        String regionCode,
        int year,
        Money amountAtRisk,
        List<String> evidence,
        Instant detectedAt) implements IntegrationEvent {

    public ViolationDetected {
        settlementIds = List.copyOf(settlementIds);
        evidence = List.copyOf(evidence);
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
