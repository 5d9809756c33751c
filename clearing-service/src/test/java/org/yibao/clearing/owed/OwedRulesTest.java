package org.yibao.clearing.owed;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which fund owes what for a bill, and the clearing period an entry is counted in. */
class OwedRulesTest {

    @Test
    void eachFundOwesItsLayerAndTheSchemeChoosesThePoolingFund() {
        // total 2000.00 = basic 1200.00 + catastrophic 300.00 + supplementary 100.00 + assistance 50.00 + account 150.00 + cash 200.00
        SettlementAmounts bill = new SettlementAmounts(Money.of("2000.00"), Money.ZERO, Money.ZERO, Money.of("2000.00"), Money.ZERO,
                Money.of("1200.00"), Money.of("300.00"), Money.of("100.00"), Money.of("50.00"), Money.of("150.00"), Money.of("200.00"));

        assertThat(Fund.owedFor(Scheme.EMPLOYEE, bill)).isEqualTo(Map.of(Fund.EMPLOYEE_POOLING, Money.of("1200.00"),
                Fund.CATASTROPHIC, Money.of("300.00"), Fund.SUPPLEMENTARY, Money.of("100.00"),
                Fund.MEDICAL_ASSISTANCE, Money.of("50.00"), Fund.PERSONAL_ACCOUNT, Money.of("150.00")));
        assertThat(Fund.owedFor(Scheme.RESIDENT, bill)).containsEntry(Fund.RESIDENT_POOLING, Money.of("1200.00"))
                .doesNotContainKey(Fund.EMPLOYEE_POOLING);
    }

    @Test
    void theBeijingMonthNotTheUtcOne() {
        // 2026-01-31 16:30 UTC is 2026-02-01 00:30 in Beijing
        assertThat(ClearingPeriods.monthOf(Instant.parse("2026-01-31T16:30:00Z"))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(ClearingPeriods.monthOf(Instant.parse("2026-01-31T15:59:59Z"))).isEqualTo(YearMonth.of(2026, 1));
    }

    @Test
    void anEntryOfAClosedMonthIsCountedInTheMonthAfterTheLatestClosed() {
        Set<YearMonth> closed = Set.of(YearMonth.of(2026, 1), YearMonth.of(2026, 3));

        assertThat(ClearingPeriods.earliestOpen(YearMonth.of(2026, 1), closed)).isEqualTo(YearMonth.of(2026, 4));
        assertThat(ClearingPeriods.earliestOpen(YearMonth.of(2026, 2), closed)).isEqualTo(YearMonth.of(2026, 4));
        assertThat(ClearingPeriods.earliestOpen(YearMonth.of(2026, 5), closed)).isEqualTo(YearMonth.of(2026, 5));
        assertThat(ClearingPeriods.earliestOpen(YearMonth.of(2026, 1), Set.of())).isEqualTo(YearMonth.of(2026, 1));
    }
}
