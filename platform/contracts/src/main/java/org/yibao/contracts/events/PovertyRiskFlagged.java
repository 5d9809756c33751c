package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * A person's cumulative personal payment for medical care in a year, after every layer, passed the
 * warning threshold (因病致贫/因病返贫 双预警).
 *
 * @param risk             RELAPSE for a low-income person (因病返贫), IMPOVERISHMENT for anyone else (因病致贫)
 * @param category         the person's assistance category, if any
 * @param personalPayment  what the person has paid themselves in the year (personal account and cash)
 * @param threshold        the threshold passed: an absolute amount, or the share of the household income
 * @param basis            ABSOLUTE or INCOME_SHARE
 */
@EventType(name = "PovertyRiskFlagged", version = 1, topic = Topics.POVERTY_RISKS)
public record PovertyRiskFlagged(
        String personId,
        String regionCode,
        int year,
        PovertyRisk risk,
        AssistanceCategory category,
        Money personalPayment,
        Money threshold,
        String basis,
        Instant flaggedAt) implements IntegrationEvent {

    public enum PovertyRisk { RELAPSE, IMPOVERISHMENT }

    @Override
    public String partitionKey() {
        return personId;
    }
}
