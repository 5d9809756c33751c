package org.yibao.casemix.dip;

import org.yibao.casemix.rules.CasePricing;
import org.junit.jupiter.api.Test;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.casemix.rules.CasemixRules;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A normal stay, a high outlier and a low outlier priced by hand under Zhumadian's DIP rules (casemix-rules/411700-2021.yml,
 * ASSUMPTION: outliers above 2 and below 0.5 x the group's mean; 95 yuan a point provisional). The group: 120 points, a mean
 * cost of 12,000.00.
 */
class DipPaymentTest {

    private static final CasemixRule RULE = CasemixRules.loadFromClasspath().inForce("411702", 2026).orElseThrow();
    private static final DipGroup GROUP = new DipGroup("K35+47.0100", "K35", "47.0100", DipGroup.Kind.CORE, 40, new BigDecimal("12000.00"),
            new BigDecimal("120.0000"));

    @Test
    void aNormalStayIsPaidItsGroupsPoints() {
        // cost 10,000.00: ratio 0.8333, within 0.5 to 2: 120 points x 95 x 1.00 (level 3) = 11,400.00; the person and the
        // other funds paid 2,500.00: the pooling fund's DIP payment 8,900.00; item by item it paid 7,500.00: a gain of 1,400.00
        var p = DipPayment.price(GROUP, Money.of("10000.00"), Money.of("2500.00"), Money.of("7500.00"), RULE.provisionalPointValue(),
                new BigDecimal("1.00"), RULE);

        assertThat(p.kind()).isEqualTo(CasePricing.Kind.NORMAL);
        assertThat(p.ratio()).isEqualByComparingTo("0.8333");
        assertThat(p.points()).isEqualByComparingTo("120");
        assertThat(p.standard()).isEqualTo(Money.of("11400.00"));
        assertThat(p.fundPayment()).isEqualTo(Money.of("8900.00"));
        assertThat(p.difference()).isEqualTo(Money.of("1400.00"));
    }

    @Test
    void aHighOutlierIsPaidPointsScaledByHowFarAboveTheThresholdItCost() {
        // cost 30,000.00: ratio 2.5 > 2: 120 x (2.5 - 2 + 1) = 180 points x 95 = 17,100.00; others 6,000.00: 11,100.00 from
        // the pooling fund, which paid 24,000.00 item by item: a loss of 12,900.00
        var p = DipPayment.price(GROUP, Money.of("30000.00"), Money.of("6000.00"), Money.of("24000.00"), RULE.provisionalPointValue(),
                new BigDecimal("1.00"), RULE);

        assertThat(p.kind()).isEqualTo(CasePricing.Kind.HIGH_OUTLIER);
        assertThat(p.points()).isEqualByComparingTo("180");
        assertThat(p.standard()).isEqualTo(Money.of("17100.00"));
        assertThat(p.fundPayment()).isEqualTo(Money.of("11100.00"));
        assertThat(p.difference()).isEqualTo(Money.of("-12900.00"));
    }

    @Test
    void aLowOutlierIsPaidPointsInProportionToItsCostAtALevelTwoHospitalsCoefficient() {
        // cost 4,800.00: ratio 0.4 < 0.5: 120 x 0.4 = 48 points x 95 x 0.90 (level 2) = 4,104.00; others 1,200.00: 2,904.00
        // from the pooling fund, which paid 3,600.00: a loss of 696.00
        var p = DipPayment.price(GROUP, Money.of("4800.00"), Money.of("1200.00"), Money.of("3600.00"), RULE.provisionalPointValue(),
                RULE.coefficient(org.yibao.contracts.events.InstitutionLevel.LEVEL_2), RULE);

        assertThat(p.kind()).isEqualTo(CasePricing.Kind.LOW_OUTLIER);
        assertThat(p.points()).isEqualByComparingTo("48");
        assertThat(p.standard()).isEqualTo(Money.of("4104.00"));
        assertThat(p.fundPayment()).isEqualTo(Money.of("2904.00"));
        assertThat(p.difference()).isEqualTo(Money.of("-696.00"));
        assertThat(p.trace()).anyMatch(s -> s.contains("low outlier (低倍率)"));
    }

    @Test
    void exactlyTwiceOrHalfTheGroupsMeanIsNormal() {
        // the thresholds themselves are within: 24,000.00 (ratio 2) and 6,000.00 (ratio 0.5) are paid the group's 120 points
        for (String cost : new String[]{"24000.00", "6000.00"}) {
            var p = DipPayment.price(GROUP, Money.of(cost), Money.ZERO, Money.ZERO, RULE.provisionalPointValue(), new BigDecimal("1.00"), RULE);
            assertThat(p.kind()).as(cost).isEqualTo(CasePricing.Kind.NORMAL);
            assertThat(p.points()).as(cost).isEqualByComparingTo("120");
        }
        // a fen beyond either is an outlier
        assertThat(DipPayment.price(GROUP, Money.of("24001.20"), Money.ZERO, Money.ZERO, RULE.provisionalPointValue(), BigDecimal.ONE, RULE)
                .kind()).isEqualTo(CasePricing.Kind.HIGH_OUTLIER);
        assertThat(DipPayment.price(GROUP, Money.of("5998.80"), Money.ZERO, Money.ZERO, RULE.provisionalPointValue(), BigDecimal.ONE, RULE)
                .kind()).isEqualTo(CasePricing.Kind.LOW_OUTLIER);
    }

    @Test
    void theFundNeverPaysLessThanNothing() {
        // a standard below what the others paid: the pooling fund pays 0.00, not a negative amount
        var p = DipPayment.price(GROUP, Money.of("12000.00"), Money.of("12000.00"), Money.of("0.00"), RULE.provisionalPointValue(),
                new BigDecimal("0.75"), RULE);
        assertThat(p.standard()).isEqualTo(Money.of("8550.00"));
        assertThat(p.fundPayment()).isEqualTo(Money.ZERO);
    }
}
