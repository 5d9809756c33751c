package org.yibao.settlement.adjudication;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace's yuan text: thousands grouped, two decimals, exactly as {@code String.format("%,.2f")} writes it. Money is
 * always at scale 2 (fen), so the formatter's rounding never comes into it.
 */
class YuanTextTest {

    @Test
    void writesYuanAsTheConsoleShowsThem() {
        assertThat(CalculationSteps.yuan(Money.ZERO)).isEqualTo("0.00");
        assertThat(CalculationSteps.yuan(Money.of("0.05"))).isEqualTo("0.05");
        assertThat(CalculationSteps.yuan(Money.of("999.99"))).isEqualTo("999.99");
        assertThat(CalculationSteps.yuan(Money.of("1000"))).isEqualTo("1,000.00");
        assertThat(CalculationSteps.yuan(Money.of("148700"))).isEqualTo("148,700.00");
        assertThat(CalculationSteps.yuan(Money.of("-1234567.8"))).isEqualTo("-1,234,567.80");
        assertThat(CalculationSteps.yuan(Money.of("999999999999.99"))).isEqualTo("999,999,999,999.99");
        assertThat(CalculationSteps.yuan(Money.of("-0.05"))).isEqualTo("-0.05");
        assertThat(CalculationSteps.yuan(Money.of("-0.50"))).isEqualTo("-0.50");
        assertThat(CalculationSteps.yuan(Money.of("-999999999999.99"))).isEqualTo("-999,999,999,999.99");
    }

    @Test
    void agreesWithTheFormatterOnAnyAmount() {
        SplittableRandom random = new SplittableRandom(26);
        for (int i = 0; i < 20_000; i++) {
            long fen = random.nextLong(-99_999_999_999_999L, 99_999_999_999_999L) / (1L << random.nextInt(40));
            Money money = Money.ofFen(fen);
            assertThat(CalculationSteps.yuan(money)).as("%d fen", fen)
                    .isEqualTo(String.format(Locale.ROOT, "%,.2f", money.amount()));
        }
    }
}
