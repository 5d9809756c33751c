package org.yibao.procurement.consumption;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Completion, falling behind, the VBP share and the savings of one product at one institution, worked out by hand. */
class CompletionTest {

    @Test
    void completionIsConsumedOverAgreedInPercent() {
        assertThat(Completion.completionPercent(new BigDecimal("28"), new BigDecimal("1000")).toPlainString()).isEqualTo("2.80");
        assertThat(Completion.completionPercent(new BigDecimal("1"), new BigDecimal("3")).toPlainString()).isEqualTo("33.33");
        assertThat(Completion.completionPercent(new BigDecimal("2"), new BigDecimal("3")).toPlainString()).isEqualTo("66.67");
        // 0.0001 of 2.5 is 0.004 %
        assertThat(Completion.completionPercent(new BigDecimal("0.0001"), new BigDecimal("2.500")).toPlainString()).isEqualTo("0.00");
        // more than agreed: over 100
        assertThat(Completion.completionPercent(new BigDecimal("1200"), new BigDecimal("1000")).toPlainString()).isEqualTo("120.00");
    }

    @Test
    void anInstitutionIsBehindWhenItsCompletionLagsTheElapsedShareOfTheYear() {
        assertThat(Completion.isBehind(new BigDecimal("2.80"), new BigDecimal("16.44"))).isTrue();
        assertThat(Completion.isBehind(new BigDecimal("16.44"), new BigDecimal("16.44"))).as("on pace is not behind").isFalse();
        assertThat(Completion.isBehind(new BigDecimal("16.45"), new BigDecimal("16.44"))).isFalse();
        assertThat(Completion.isBehind(new BigDecimal("0.00"), new BigDecimal("0.00"))).as("a year not begun").isFalse();
    }

    @Test
    void theVbpShareIsTheSelectedProductsPartOfItsGenericsUnits() {
        assertThat(Completion.vbpSharePercent(new BigDecimal("28"), new BigDecimal("14")).toPlainString()).isEqualTo("66.67");     // 28 of 42
        assertThat(Completion.vbpSharePercent(new BigDecimal("28"), new BigDecimal("14.25")).toPlainString()).isEqualTo("66.27");  // 28 of 42.25
        assertThat(Completion.vbpSharePercent(new BigDecimal("7"), BigDecimal.ZERO).toPlainString()).isEqualTo("100.00");
        assertThat(Completion.vbpSharePercent(BigDecimal.ZERO, new BigDecimal("5")).toPlainString()).isEqualTo("0.00");
        assertThat(Completion.vbpSharePercent(BigDecimal.ZERO, BigDecimal.ZERO).toPlainString()).as("nothing used").isEqualTo("0.00");
    }

    @Test
    void savingsAreTheSavingPerUnitTimesTheUnitsConsumedToTheFen() {
        assertThat(Completion.savings(new BigDecimal("0.60"), new BigDecimal("28"))).isEqualTo(Money.of("16.80"));
        assertThat(Completion.savings(new BigDecimal("0.6667"), new BigDecimal("28"))).isEqualTo(Money.of("18.67")); // 18.6676
        assertThat(Completion.savings(new BigDecimal("0.0050"), new BigDecimal("1"))).isEqualTo(Money.of("0.01"));   // 0.005, half up
        assertThat(Completion.savings(new BigDecimal("0.0000"), new BigDecimal("4"))).isEqualTo(Money.of("0.00"));
    }

    @Test
    void aReportRowPutsTheFiguresTogether() {
        VolumeUse use = new VolumeUse("H41170000009", "XC08", "氨氯地平", new BigDecimal("1000"), new BigDecimal("28"),
                new BigDecimal("14"), new BigDecimal("0.60"), new BigDecimal("150"));

        Completion c = Completion.of(use, new BigDecimal("16.44"));

        assertThat(c.completionPercent().toPlainString()).isEqualTo("2.80");
        assertThat(c.elapsedPercent().toPlainString()).isEqualTo("16.44");
        assertThat(c.behind()).isTrue();
        assertThat(c.vbpSharePercent().toPlainString()).isEqualTo("66.67");
        assertThat(c.savings()).isEqualTo(Money.of("16.80"));
        assertThat(c.purchased()).isEqualByComparingTo("150");
        assertThat(c.sameGenericOther()).isEqualByComparingTo("14");
    }
}
