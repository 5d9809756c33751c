package org.yibao.supervision.inspection;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * The year's supervision report, as the Zhumadian seed gives it.
 *
 * @param institutions        institutions with an agreement not terminated, now
 * @param planned             visits in the year's plan
 * @param inspected           visits with a result
 * @param suspended           agreements suspended with effect in the year
 * @param terminated          agreements terminated with effect in the year
 * @param referredToJudiciary cases closed in the year with a judicial referral
 * @param recovered           yuan recovered by cases closed in the year
 */
record SupervisionReport(int year, long institutions, long planned, long inspected, long suspended, long terminated,
                         long referredToJudiciary, Money recovered, List<RuleCount> violationsByRule) {

    /** The smart audit's findings of one rule detected in the year; the amount as a JSON number, as always answered. */
    record RuleCount(AuditRule rule, long count, @JsonProperty("amount_at_risk") BigDecimal amountAtRisk) {
    }
}
