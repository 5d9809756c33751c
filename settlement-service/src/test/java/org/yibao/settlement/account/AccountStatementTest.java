package org.yibao.settlement.account;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A month's statement adds up to the fen, or is never built. */
class AccountStatementTest {

    private static final String HOLDER = "441702198307225014";
    private static final String SPOUSE = "441702198307225022";
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    /**
     * By hand: opening 20.00; credited 237.00 (257.00); the spouse's bill takes 100.00 (157.00); the holder's takes
     * 157.00 (0.00); the spouse's bill reversed gives 100.00 back (100.00). Closing 20.00 + 237.00 - 257.00 + 100.00 =
     * 100.00, the last line's balance.
     */
    @Test
    void theClosingIsTheOpeningPlusCreditsLessDebitsPlusRestorations() {
        UUID spouseBill = UUID.randomUUID();
        List<AccountEntry> lines = List.of(
                entry(AccountEntry.Kind.CREDIT, "237.00", "257.00", null, null),
                entry(AccountEntry.Kind.DEBIT, "100.00", "157.00", spouseBill, SPOUSE),
                entry(AccountEntry.Kind.DEBIT, "157.00", "0.00", UUID.randomUUID(), HOLDER),
                entry(AccountEntry.Kind.RESTORATION, "100.00", "100.00", spouseBill, SPOUSE));

        AccountStatement statement = AccountStatement.of(HOLDER, MONTH, Money.of("20.00"), lines);

        assertThat(statement.credits()).isEqualTo(Money.of("237.00"));
        assertThat(statement.debits()).isEqualTo(Money.of("257.00"));
        assertThat(statement.restorations()).isEqualTo(Money.of("100.00"));
        assertThat(statement.closing()).isEqualTo(Money.of("100.00"));
        assertThat(statement.lines().get(1).mutualAid()).isTrue();
        assertThat(statement.lines().get(2).mutualAid()).isFalse();
    }

    @Test
    void aStatementThatDoesNotAddUpIsRefused() {
        assertThatThrownBy(() -> new AccountStatement(HOLDER, MONTH, Money.of("20.00"), Money.of("237.00"), Money.of("257.00"),
                Money.of("100.00"), Money.of("100.01"), List.of())).hasMessageContaining("does not add up");
        // a ledger whose last balance disagrees with its own lines is refused too
        assertThatThrownBy(() -> AccountStatement.of(HOLDER, MONTH, Money.ZERO,
                List.of(entry(AccountEntry.Kind.CREDIT, "10.00", "11.00", null, null)))).hasMessageContaining("does not add up");
    }

    @Test
    void aLineIsNeverZeroNorLeavesANegativeBalance() {
        assertThatThrownBy(() -> entry(AccountEntry.Kind.DEBIT, "0.00", "5.00", UUID.randomUUID(), HOLDER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(AccountEntry.Kind.DEBIT, "5.00", "-0.01", UUID.randomUUID(), HOLDER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AccountEntry entry(AccountEntry.Kind kind, String amount, String after, UUID bill, String patient) {
        return new AccountEntry(UUID.randomUUID(), HOLDER, kind, Money.of(amount), Money.of(after), MONTH,
                kind == AccountEntry.Kind.CREDIT ? "2026-11" : null, bill, patient, Instant.parse("2026-11-20T02:00:00Z"));
    }
}
