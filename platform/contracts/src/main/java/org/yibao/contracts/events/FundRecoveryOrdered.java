package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * A reviewed case decided that an institution must pay money back to the fund (追回基金).
 *
 * @param settlementIds the claims the recovery concerns, where the case names them
 */
@EventType(name = "FundRecoveryOrdered", version = 1, topic = Topics.FUND_RECOVERIES)
public record FundRecoveryOrdered(
        String caseId,
        String institutionCode,
        String regionCode,
        Money amount,
        List<String> settlementIds,
        String reason,
        Instant orderedAt) implements IntegrationEvent {

    public FundRecoveryOrdered {
        settlementIds = settlementIds == null ? List.of() : List.copyOf(settlementIds);
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
