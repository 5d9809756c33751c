package org.yibao.settlement.policy;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Supplementary insurance: the employees' high-amount supplementary (高额补充) or the low-income
 * supplementary (困难群众大病补充), paying on cumulative policy-scope self-pay above a threshold.
 *
 * @param countsDeductible    whether the deductible counts towards the threshold
 * @param eligibleCategories  empty: everyone under the pack's scheme; otherwise only these categories
 */
public record SupplementaryRules(Money threshold, BigDecimal ratio, Optional<Money> annualCap,
                                 boolean countsDeductible, Set<AssistanceCategory> eligibleCategories) {

    public SupplementaryRules {
        eligibleCategories = Set.copyOf(eligibleCategories);
    }
}
