package org.yibao.procurement.batch;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The price cut of a product and a batch's average cut, with values worked out by hand. */
class PriceCutTest {

    @Test
    void aCutIsTheDropOverThePreviousPriceInPercent() {
        assertThat(PriceCut.percent(new BigDecimal("0.10"), new BigDecimal("0.40"))).isEqualByComparingTo("75.00"); // 0.30 / 0.40
        assertThat(PriceCut.percent(new BigDecimal("0.30"), new BigDecimal("0.90"))).isEqualByComparingTo("66.67"); // 66.666...
        assertThat(PriceCut.percent(new BigDecimal("2"), new BigDecimal("3.5"))).isEqualByComparingTo("42.86");     // 1.5 / 3.5 = 42.857...
    }

    @Test
    void aCutHasTwoDecimalsRoundedHalfUp() {
        // 0.0004 x 100 / 8 = 0.005 exactly: half up gives 0.01 (half even would give 0.00)
        assertThat(PriceCut.percent(new BigDecimal("7.9996"), new BigDecimal("8")).toPlainString()).isEqualTo("0.01");
        assertThat(PriceCut.percent(new BigDecimal("12.5"), new BigDecimal("12.5")).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void aPriceThatRoseIsANegativeCut() {
        assertThat(PriceCut.percent(new BigDecimal("1.10"), new BigDecimal("1.00"))).isEqualByComparingTo("-10.00");
    }

    @Test
    void theAverageIsTheMeanOfTheRoundedCutsHalfUp() {
        // (66.67 + 75.00) / 2 = 70.835 -> 70.84
        assertThat(PriceCut.average(List.of(new BigDecimal("66.67"), new BigDecimal("75.00"))).toPlainString()).isEqualTo("70.84");
        // (66.67 + 42.86 + 0.00) / 3 = 109.53 / 3 = 36.51
        assertThat(PriceCut.average(List.of(new BigDecimal("66.67"), new BigDecimal("42.86"), new BigDecimal("0.00"))).toPlainString())
                .isEqualTo("36.51");
        assertThat(PriceCut.average(List.of())).isEqualByComparingTo("0");
    }
}
