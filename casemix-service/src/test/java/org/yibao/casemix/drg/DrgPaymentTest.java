package org.yibao.casemix.drg;

import org.yibao.casemix.rules.CasePricing;
import org.junit.jupiter.api.Test;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.CasemixRules;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases priced by hand: DRG GD25 of weight 1.0769 on a mean of 10,000.00, the base rate 9,500.00 (drg-tables sample,
 * ASSUMPTION), Zhumadian's rules (casemix-rules/411700-2021.yml: high outlier above 2, low below 0.5, ASSUMPTION).
 */
class DrgPaymentTest {

    private static final CasemixRule RULE = CasemixRules.loadFromClasspath().inForce("411700", 2026).orElseThrow();
    private static final DrgWeight GD25 = new DrgWeight("GD25", "GD2", 3, DrgWeight.Basis.DRG, new BigDecimal("10000.00"),
            new BigDecimal("1.0769"));
    private static final BigDecimal RATE = new BigDecimal("9500.00");

    /** 10,000.00: ratio 1.0000; 1.0769 x 9,500 x 1.00 = 10,230.55; less 3,000.00 others = 7,230.55 against 7,000.00: gain 230.55. */
    @Test
    void aNormalCase() {
        DrgPayment.Priced p = DrgPayment.price(GD25, Money.of("10000.00"), Money.of("3000.00"), Money.of("7000.00"), RATE, BigDecimal.ONE, RULE);

        assertThat(p.kind()).isEqualTo(CasePricing.Kind.NORMAL);
        assertThat(p.ratio()).isEqualByComparingTo("1.0000");
        assertThat(p.standard()).isEqualTo(Money.of("10230.55"));
        assertThat(p.fundPayment()).isEqualTo(Money.of("7230.55"));
        assertThat(p.difference()).isEqualTo(Money.of("230.55"));
        assertThat(p.trace()).hasSize(5);
    }

    /**
     * 25,000.00: ratio 2.5000 above 2; 1.0769 x (2.5 − 2 + 1) = 1.6154; x 9,500 x 0.90 (a level 2 hospital) = 13,811.67; less
     * 7,500.00 = 6,311.67 against 17,500.00 item by item: loss −11,188.33.
     */
    @Test
    void aHighOutlier() {
        DrgPayment.Priced p = DrgPayment.price(GD25, Money.of("25000.00"), Money.of("7500.00"), Money.of("17500.00"), RATE,
                new BigDecimal("0.90"), RULE);

        assertThat(p.kind()).isEqualTo(CasePricing.Kind.HIGH_OUTLIER);
        assertThat(p.weight()).isEqualByComparingTo("1.6154");
        assertThat(p.standard()).isEqualTo(Money.of("13811.67"));
        assertThat(p.fundPayment()).isEqualTo(Money.of("6311.67"));
        assertThat(p.difference()).isEqualTo(Money.of("-11188.33"));
        assertThat(p.trace().get(1)).contains("high outlier (高倍率)");
        assertThat(p.trace().get(4)).contains("loss (超支) -11188.33");
    }

    /** 4,000.00: ratio 0.4000 below 0.5; 1.0769 x 0.4 = 0.4308; x 9,500 = 4,092.60; less 1,200.00 = 2,892.60 against 2,800.00: gain 92.60. */
    @Test
    void aLowOutlier() {
        DrgPayment.Priced p = DrgPayment.price(GD25, Money.of("4000.00"), Money.of("1200.00"), Money.of("2800.00"), RATE, BigDecimal.ONE, RULE);

        assertThat(p.kind()).isEqualTo(CasePricing.Kind.LOW_OUTLIER);
        assertThat(p.weight()).isEqualByComparingTo("0.4308");
        assertThat(p.standard()).isEqualTo(Money.of("4092.60"));
        assertThat(p.fundPayment()).isEqualTo(Money.of("2892.60"));
        assertThat(p.difference()).isEqualTo(Money.of("92.60"));
    }

    /** Others paid more than the standard: the fund pays nothing (never below zero). */
    @Test
    void theFundNeverPaysBelowZero() {
        DrgPayment.Priced p = DrgPayment.price(GD25, Money.of("6000.00"), Money.of("12000.00"), Money.of("0.00"), RATE, BigDecimal.ONE, RULE);

        assertThat(p.fundPayment()).isEqualTo(Money.ZERO);
    }
}
