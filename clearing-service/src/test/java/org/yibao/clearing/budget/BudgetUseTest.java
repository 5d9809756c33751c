package org.yibao.clearing.budget;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The part of the year gone that budget use is set beside: Beijing calendar days, counting the day read. */
class BudgetUseTest {

    @Test
    void theYearElapsedCountsTheDayAndLeapYearsHave366Days() {
        assertThat(BudgetService.elapsed(LocalDate.of(2025, 1, 1), 2025)).isEqualByComparingTo("0.27");   // 1/365
        assertThat(BudgetService.elapsed(LocalDate.of(2025, 7, 2), 2025)).isEqualByComparingTo("50.14");  // 183/365
        assertThat(BudgetService.elapsed(LocalDate.of(2024, 7, 2), 2024)).isEqualByComparingTo("50.27");  // 184/366
        assertThat(BudgetService.elapsed(LocalDate.of(2025, 12, 31), 2025)).isEqualByComparingTo("100.00");
    }

    @Test
    void aPastYearIsAllGoneAndAFutureOneNotBegun() {
        assertThat(BudgetService.elapsed(LocalDate.of(2026, 1, 1), 2025)).isEqualByComparingTo("100.00");
        assertThat(BudgetService.elapsed(LocalDate.of(2025, 12, 31), 2026)).isEqualByComparingTo("0.00");
    }
}
