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
 * <p>Version 2 adds the rule library's entry and its severity; version 1's fields are unchanged.
 *
 * @param rule          the kind of violation, e.g. SPLIT_HOSPITALISATION or EXCESSIVE_QUANTITY
 * @param settlementIds the claim, and for rules across claims the other claims involved
 * @param amountAtRisk  the part of the claim the rule puts in doubt
 * @param evidence      what was found, in words a reviewer can check
 * @param ruleId        the rule library's entry that found it, e.g. "SH-01" (v2; null in v1 events)
 * @param severity      how sure the entry is (v2; null in v1 events)
 */
@EventType(name = "ViolationDetected", version = 2, topic = Topics.VIOLATIONS)
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
        Instant detectedAt,
        String ruleId,
        Severity severity) implements IntegrationEvent {

    public ViolationDetected {
        settlementIds = List.copyOf(settlementIds);
        evidence = List.copyOf(evidence);
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
