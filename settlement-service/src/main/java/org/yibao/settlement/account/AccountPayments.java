package org.yibao.settlement.account;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.InvalidRequestException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A personal account's part in a bill: whose account pays (the patient's own, or under family mutual
 * aid a holder's), the payment under the account's row lock, and its restoration at reversal. Runs
 * inside settlement's and reversal's transactions ({@code bill/SettlementService}), which take the
 * person's accumulator lock first and the account's lock second, always in that order.
 */
@Component
public class AccountPayments {

    private final AccountStore accounts;
    private final FamilyBindingStore bindings;
    private final Clock clock;

    AccountPayments(AccountStore accounts, FamilyBindingStore bindings, Clock clock) {
        this.accounts = accounts;
        this.bindings = bindings;
        this.clock = clock;
    }

    /**
     * Whose account pays a bill that asks for an account payment (reads only). An employee's own account,
     * unless the request names another holder; a bound family member's (家庭共济) holder — the one the
     * request names, or the only one. Empty for a person with no account and no binding (a resident's part
     * is then paid in cash: 城乡居民医保不设个人账户). When nothing is asked, an employee's own account (it pays
     * nothing, and the bill shows its balance) and nobody else's.
     *
     * @param scheme          the scheme the patient is enrolled in on the service date
     * @param accountHolderId the holder the request names ({@code accountHolderId}), or null
     * @throws InvalidRequestException naming {@code accountHolderId} when the named holder is not the person
     *                                 (an employee) nor a holder the person is bound to on the date, or when the
     *                                 person is bound to several and none is named
     */
    public Optional<String> payer(String personId, Scheme scheme, String accountHolderId, LocalDate date, Money asked) {
        if (asked == null || !asked.isPositive()) {
            return scheme == Scheme.EMPLOYEE ? Optional.of(personId) : Optional.empty();
        }
        if (accountHolderId != null && accountHolderId.equals(personId)) {
            if (scheme != Scheme.EMPLOYEE) {
                throw new InvalidRequestException("accountHolderId", "is the patient, who is enrolled as a resident on " + date
                        + " and has no personal account");
            }
            return Optional.of(personId);
        }
        if (accountHolderId != null) {
            boolean bound = bindings.ofMemberOn(personId, date).stream().anyMatch(b -> b.holderId().equals(accountHolderId));
            if (!bound) {
                throw new InvalidRequestException("accountHolderId", "the patient has no family mutual-aid binding (家庭共济) to "
                        + "this holder's account on " + date);
            }
            return Optional.of(accountHolderId);
        }
        if (scheme == Scheme.EMPLOYEE) {
            return Optional.of(personId);
        }
        // bound to several accounts and none named (the national interface's 2207 has no field for it): the earliest
        // binding's holder pays, so a hospital's settle is never refused for a choice it cannot express
        return bindings.ofMemberOn(personId, date).stream().map(FamilyBinding::holderId).findFirst();
    }

    /** The holder's balance without a lock (zero when the account is not opened yet), for a pre-settlement. */
    public Money balance(String holderId) {
        return accounts.balance(holderId).orElse(Money.ZERO);
    }

    /** What the account may pay towards a bill: at most what is asked and the balance (read without a lock, for a pre-settlement). */
    public Money available(String holderId, Money asked) {
        return asked.min(accounts.balance(holderId).orElse(Money.ZERO)).max(Money.ZERO);
    }

    /**
     * Locks the holder's account for the settle transaction and answers what it may pay: min(asked, balance). Nothing
     * asked takes no lock (an employee's bill that asks nothing only shows the balance).
     */
    public Money lockAvailable(String holderId, Money asked) {
        if (!asked.isPositive()) {
            return Money.ZERO;
        }
        return asked.min(accounts.lock(holderId)).max(Money.ZERO);
    }

    /**
     * Takes a bill's account payment, under the lock of {@link #lockAvailable} in the same transaction.
     *
     * @param paid what the adjudicator let the account pay: never more than {@link #lockAvailable}'s answer
     */
    public AccountPayment pay(String holderId, UUID settlementId, String patientId, Money paid) {
        if (!paid.isPositive()) {
            return new AccountPayment(holderId, Money.ZERO, balance(holderId), !holderId.equals(patientId));
        }
        Money balance = accounts.lock(holderId);
        if (paid.compareTo(balance) > 0) {
            throw new IllegalStateException("an account payment of " + paid + " exceeds the balance " + balance);
        }
        Money after = balance.minus(paid);
        accounts.append(new AccountEntry(UUID.randomUUID(), holderId, AccountEntry.Kind.DEBIT, paid, after,
                YearMonth.now(clock), null, settlementId, patientId, clock.instant()));
        return new AccountPayment(holderId, paid, after, !holderId.equals(patientId));
    }

    /**
     * Gives a reversed bill's account payment back, exactly the amount taken, as a line of the month of the
     * reversal. Empty when no account paid towards the bill.
     */
    public Optional<AccountPayment> restore(UUID settlementId) {
        return accounts.debitOf(settlementId).map(debit -> {
            Money after = accounts.lock(debit.holderId()).plus(debit.amount());
            accounts.append(new AccountEntry(UUID.randomUUID(), debit.holderId(), AccountEntry.Kind.RESTORATION, debit.amount(),
                    after, YearMonth.now(clock), null, settlementId, debit.patientId(), clock.instant()));
            return new AccountPayment(debit.holderId(), debit.amount(), after, debit.mutualAid());
        });
    }

    /** What an account paid towards a settled bill, with the balance right after it; empty when none did. */
    public Optional<AccountPayment> paymentOf(UUID settlementId) {
        return accounts.debitOf(settlementId).map(d -> new AccountPayment(d.holderId(), d.amount(), d.balanceAfter(), d.mutualAid()));
    }
}
