package org.yibao.contracts;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void equalityIgnoresHowTheScaleWasWritten() {
        assertThat(Money.of("1.0")).isEqualTo(Money.of("1.00")).isEqualTo(Money.ofFen(100));
    }

    @Test
    void refusesFractionsOfAFenUnlessRoundedExplicitly() {
        assertThatThrownBy(() -> Money.of("0.005")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.rounded(new BigDecimal("0.005"), RoundingMode.HALF_UP)).isEqualTo(Money.of("0.01"));
    }

    @Test
    void anAmountFromOutsideFitsTheColumnsAndAHugeExponentCostsNothing() {
        assertThat(Money.of("999999999999.99").amount()).isEqualByComparingTo("999999999999.99");
        assertThat(Money.of("-999999999999.99").amount()).isEqualByComparingTo("-999999999999.99");
        assertThatThrownBy(() -> Money.of("100000000000000000000.00")).hasMessageContaining("at most 999999999999.99 yuan");
        assertThatThrownBy(() -> Money.of("1000000000000")).hasMessageContaining("at most");
        assertThatThrownBy(() -> Money.of("1e999999999")).hasMessageContaining("not an amount"); // would allocate gigabytes if scaled
        assertThatThrownBy(() -> Money.of("1".repeat(100))).hasMessageContaining("100 characters");
    }

    /** Found by the independent review: "１００.００", "٣", "+100.00" and "1e2" were all read as amounts. */
    @Test
    void anAmountIsWrittenOneWay() {
        for (String odd : new String[] {"１００.００", "٣", "+100.00", "1e2", "1E+3", ".5", "5.", "0x10", "NaN"}) {
            assertThatThrownBy(() -> Money.of(odd)).as(odd).hasMessageContaining("not an amount of money");
        }
        assertThat(Money.of(" 12.30 ")).isEqualTo(Money.of("12.3"));
        assertThat(Money.of("-0.50").amount()).isEqualByComparingTo("-0.50");
    }

    @Test
    void multipliesByARatioRoundingOnce() {
        assertThat(Money.of("440.40").times(new BigDecimal("0.6"), RoundingMode.HALF_UP)).isEqualTo(Money.of("264.24"));
        assertThat(Money.of("0.05").times(new BigDecimal("0.5"), RoundingMode.HALF_UP)).isEqualTo(Money.of("0.03"));
    }

    @Test
    void fenIsExact() {
        assertThat(Money.of("12345678.91").fen()).isEqualTo(1234567891L);
    }

    @Test
    void aBillWhoseLayersDoNotAddUpCannotBeBuilt() {
        assertThatThrownBy(() -> new SettlementAmounts(Money.of("100.00"), Money.ZERO, Money.ZERO, Money.of("100.00"),
                Money.ZERO, Money.of("60.00"), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.of("39.99")))
                .hasMessageContaining("99.99");
    }
}
