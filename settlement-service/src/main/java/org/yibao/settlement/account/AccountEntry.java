package org.yibao.settlement.account;

import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One line of a personal account's ledger (个人账户明细): every change of a balance is one line.
 *
 * @param amount            yuan, more than zero; {@link #change()} is its sign
 * @param balanceAfter      the account's balance after this line, yuan, never negative
 * @param statementMonth    the Beijing month in which the line was recorded: the statement it appears on (a
 *                          reversal after a month's statement is closed appears in the month of the reversal)
 * @param contributionMonth CREDIT only: the month the contributions were for ({@code yyyy-MM})
 * @param settlementId      DEBIT and RESTORATION: the bill
 * @param patientId         DEBIT and RESTORATION: whose bill it was — the holder, or a bound family member (家庭共济)
 */
public record AccountEntry(UUID id, String holderId, Kind kind, Money amount, Money balanceAfter, YearMonth statementMonth,
                           String contributionMonth, UUID settlementId, String patientId, Instant recordedAt) {

    /** What a line does to the balance. */
    public enum Kind {
        /** the month's allocation from contributions (个人账户划入) */
        CREDIT,
        /** a payment at settlement (个人账户支付) */
        DEBIT,
        /** a reversed bill's payment given back, exactly the amount taken */
        RESTORATION
    }

    public AccountEntry {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an account line's amount must be more than zero, was " + amount);
        }
        if (balanceAfter.isNegative()) {
            throw new IllegalArgumentException("an account's balance never goes below zero, was " + balanceAfter);
        }
    }

    /** The line's effect on the balance: a debit takes, a credit and a restoration give. */
    public Money change() {
        return kind == Kind.DEBIT ? amount.negate() : amount;
    }

    /** Whether a family member's bill was paid from the holder's account (家庭共济). */
    public boolean mutualAid() {
        return patientId != null && !patientId.equals(holderId);
    }
}
