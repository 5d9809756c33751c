package org.yibao.assistance.tracking;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports' reimbursement ratios: percent with 2 decimals, half up; nothing to divide by gives 0.00. */
class AssistanceReportsTest {

    @Test
    void ratiosArePercentToTwoDecimalsHalfUp() {
        // 2/3 = 66.666...% -> 66.67; 1/8 = 12.5% -> 12.50
        assertThat(AssistanceReports.percent(Money.of("2.00"), Money.of("3.00"))).isEqualByComparingTo("66.67");
        assertThat(AssistanceReports.percent(Money.of("1.00"), Money.of("8.00"))).hasToString("12.50");
        assertThat(AssistanceReports.percent(Money.of("1.00"), Money.of("0.00"))).hasToString("0.00");
    }
}
