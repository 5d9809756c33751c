package org.yibao.settlement.policy;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.Map;

/** Medical assistance (医疗救助): a share of the policy-scope self-pay left after every insurance. */
public record AssistanceRules(Map<AssistanceCategory, Share> byCategory) {

    public AssistanceRules {
        byCategory = Map.copyOf(byCategory);
    }

    /**
     * @param annualLimit the most assistance pays a person of the category in a year, all visit types together
     * @param ratioByVisit a ratio of its own for a visit type (e.g. Pingdingshan 2020's outpatient assistance,
     *                     10%), replacing {@code ratio} for it
     */
    public record Share(BigDecimal ratio, Money annualLimit, Map<VisitType, BigDecimal> ratioByVisit) {

        public Share {
            ratioByVisit = Map.copyOf(ratioByVisit);
        }

        /** A share with one ratio for every visit type. */
        public Share(BigDecimal ratio, Money annualLimit) {
            this(ratio, annualLimit, Map.of());
        }

        public BigDecimal ratioFor(VisitType visitType) {
            return ratioByVisit.getOrDefault(visitType, ratio);
        }
    }
}
