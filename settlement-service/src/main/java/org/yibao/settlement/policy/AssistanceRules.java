package org.yibao.settlement.policy;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.Map;

/** Medical assistance (医疗救助): a share of the policy-scope self-pay left after every insurance. */
public record AssistanceRules(Map<AssistanceCategory, Share> byCategory) {

    public AssistanceRules {
        byCategory = Map.copyOf(byCategory);
    }

    /** @param annualLimit the most assistance pays a person of the category in a year */
    public record Share(BigDecimal ratio, Money annualLimit) {
    }
}
