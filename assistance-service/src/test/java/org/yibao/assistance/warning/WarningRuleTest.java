package org.yibao.assistance.warning;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.PovertyRiskFlagged.PovertyRisk;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The dual early warning's thresholds, with the service's settings: 10,000 low-income, 50,000 others, half the income. */
class WarningRuleTest {

    private final WarningRule rule = new WarningRule(new WarningProperties(new BigDecimal("10000.00"),
            new BigDecimal("50000.00"), new BigDecimal("0.50")));

    @Test
    void aLowIncomePersonIsAtRiskOfRelapseFromTheLowIncomeThresholdOn() {
        assertThat(rule.judge(Money.of("9999.99"), AssistanceCategory.MINIMUM_LIVING, null)).isEmpty();
        assertThat(rule.judge(Money.of("10000.00"), AssistanceCategory.MINIMUM_LIVING, null)).hasValue(
                new WarningRule.Decision(PovertyRisk.RELAPSE, Money.of("10000.00"), "ABSOLUTE"));
    }

    @Test
    void anyoneElseIsAtRiskOfImpoverishmentFromTheGeneralThresholdOn() {
        assertThat(rule.judge(Money.of("49999.99"), null, null)).isEmpty();
        assertThat(rule.judge(Money.of("50000.00"), null, null)).hasValue(
                new WarningRule.Decision(PovertyRisk.IMPOVERISHMENT, Money.of("50000.00"), "ABSOLUTE"));
    }

    @Test
    void halfTheHouseholdIncomeIsTheThresholdWhereItIsLower() {
        // 30,000.01 x 0.5 = 15,000.005 -> 15,000.01 (half up): 15,000.00 is not yet enough
        assertThat(rule.judge(Money.of("15000.00"), null, new BigDecimal("30000.01"))).isEmpty();
        assertThat(rule.judge(Money.of("15000.01"), null, new BigDecimal("30000.01"))).hasValue(
                new WarningRule.Decision(PovertyRisk.IMPOVERISHMENT, Money.of("15000.01"), "INCOME_SHARE"));
    }

    @Test
    void anIncomeShareAboveTheAbsoluteThresholdChangesNothing() {
        // 30,000 x 0.5 = 15,000 is above a low-income person's 10,000
        assertThat(rule.judge(Money.of("10000.00"), AssistanceCategory.LIFTED_OUT_OF_POVERTY, new BigDecimal("30000.00")))
                .hasValue(new WarningRule.Decision(PovertyRisk.RELAPSE, Money.of("10000.00"), "ABSOLUTE"));
    }
}
