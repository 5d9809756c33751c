package org.yibao.clearing.budget;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A year's budget allocated by history, worked by hand: proportional, rounded down, the fen left over to the largest remainders. */
class BudgetAllocationTest {

    @Test
    void proportionalToTheBasisYearAndAddingUpToTheBudget() {
        // 10,000.00 over a history of 3,000.00 and 1,000.00: 7,500.00 and 2,500.00
        var parts = BudgetAllocation.byHistory(Money.of("10000.00"), Map.of("A", Money.of("3000.00"), "B", Money.of("1000.00")));

        assertThat(parts).extracting(BudgetAllocation.Part::allocation).containsExactly(Money.of("7500.00"), Money.of("2500.00"));
        assertThat(parts.get(0).share()).isEqualByComparingTo("0.75");
    }

    @Test
    void theFenLeftOverGoToTheLargestRemainders() {
        // 100.00 over three equal histories: 33.333... each, 33.33 down; the one fen left to the first by code (all remainders equal)
        var equal = BudgetAllocation.byHistory(Money.of("100.00"), Map.of("A", Money.of("1.00"), "B", Money.of("1.00"), "C", Money.of("1.00")));
        assertThat(equal).extracting(BudgetAllocation.Part::allocation)
                .containsExactly(Money.of("33.34"), Money.of("33.33"), Money.of("33.33"));

        // 10.00 over 1.00 / 2.00 / 4.00 (of 7.00), in fen: 142.857, 285.714, 571.428 -> 142, 285, 571 (998 fen); the two fen
        // left go to the largest remainders, A's .857 and B's .714: 1.43, 2.86, 5.71
        var uneven = BudgetAllocation.byHistory(Money.of("10.00"), Map.of("A", Money.of("1.00"), "B", Money.of("2.00"), "C", Money.of("4.00")));
        assertThat(uneven).extracting(BudgetAllocation.Part::allocation)
                .containsExactly(Money.of("1.43"), Money.of("2.86"), Money.of("5.71"));
        assertThat(Money.sum(uneven.stream().map(BudgetAllocation.Part::allocation).toList())).isEqualTo(Money.of("10.00"));
    }

    @Test
    void anInstitutionOwedNothingGetsNoAllocationAndNoHistoryNone() {
        var parts = BudgetAllocation.byHistory(Money.of("500.00"), Map.of("A", Money.of("200.00"), "B", Money.ZERO, "C", Money.of("-5.00")));
        assertThat(parts).extracting(BudgetAllocation.Part::institutionCode).containsExactly("A");
        assertThat(parts.get(0).allocation()).isEqualTo(Money.of("500.00"));
        assertThat(BudgetAllocation.byHistory(Money.of("500.00"), Map.of())).isEqualTo(List.of());
    }
}
