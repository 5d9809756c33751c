package org.yibao.settlement.account;

import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A personal account's statement for one month (个人账户对账单): the opening balance, the month's credits,
 * debits by bill and restorations, and the closing balance. Closing = opening + credits - debits +
 * restorations, to the fen; a statement that does not add up is never built.
 *
 * @param opening the balance at the start of the month (the closing balance of the month before), yuan
 * @param lines   every ledger line recorded in the month, in order
 */
public record AccountStatement(String holderId, YearMonth month, Money opening, Money credits, Money debits,
                               Money restorations, Money closing, List<Line> lines) {

    public AccountStatement {
        lines = List.copyOf(lines);
        Money computed = opening.plus(credits).minus(debits).plus(restorations);
        if (!computed.equals(closing)) {
            throw new IllegalStateException("the statement of " + holderId + " for " + month + " does not add up: " + opening
                    + " + " + credits + " - " + debits + " + " + restorations + " is " + computed + ", not " + closing);
        }
    }

    /**
     * One line as the statement shows it.
     *
     * @param patientId whose bill a debit or restoration was (the holder, or a family member)
     * @param mutualAid whether the bill was a family member's, paid from this account (家庭共济)
     */
    public record Line(AccountEntry.Kind kind, Money amount, Money balanceAfter, String contributionMonth, UUID settlementId,
                       String patientId, boolean mutualAid, Instant recordedAt) {
    }

    /** The statement of a month from its opening balance and its lines; the last line's balance must be the closing one. */
    static AccountStatement of(String holderId, YearMonth month, Money opening, List<AccountEntry> entries) {
        Money credits = sum(entries, AccountEntry.Kind.CREDIT);
        Money debits = sum(entries, AccountEntry.Kind.DEBIT);
        Money restorations = sum(entries, AccountEntry.Kind.RESTORATION);
        Money closing = entries.isEmpty() ? opening : entries.get(entries.size() - 1).balanceAfter();
        return new AccountStatement(holderId, month, opening, credits, debits, restorations, closing, entries.stream()
                .map(e -> new Line(e.kind(), e.amount(), e.balanceAfter(), e.contributionMonth(), e.settlementId(), e.patientId(),
                        e.mutualAid(), e.recordedAt())).toList());
    }

    private static Money sum(List<AccountEntry> entries, AccountEntry.Kind kind) {
        return Money.sum(entries.stream().filter(e -> e.kind() == kind).map(AccountEntry::amount).toList());
    }
}
