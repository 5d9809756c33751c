package org.yibao.city.expect;

import org.yibao.contracts.money.Money;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's own personal accounts (个人账户, ADR 0020): what it credited from its own reading of the rates
 * file, and what each bill asking an account payment took — min(asked, balance, what the person owes after the
 * funds) — in the order the bills were sent. A holder's and a bound family member's bills draw on one balance, so
 * the city sends a family's bills from one worker in date order ({@code Treatment}); an account is then used by
 * one thread at a time. An account a bill could not be predicted on (its expectation not modelled) is
 * {@code unknown} from then on: its balance is no longer checked.
 */
public final class Accounts {

    /** One holder's account as the simulator keeps it. */
    public static final class Account {
        private Money credited = Money.ZERO;
        private Money paid = Money.ZERO;
        private Money paidForMembers = Money.ZERO;
        private Money restored = Money.ZERO;
        private long payments;
        private boolean unknown;

        public synchronized Money balance() {
            return credited.minus(paid).plus(restored);
        }

        public synchronized Money credited() {
            return credited;
        }

        /** Debits less restorations: what the account spent. */
        public synchronized Money spent() {
            return paid.minus(restored);
        }

        public synchronized Money paidForMembers() {
            return paidForMembers;
        }

        public synchronized long payments() {
            return payments;
        }

        public synchronized boolean unknown() {
            return unknown;
        }
    }

    private final Map<String, Account> byHolder = new ConcurrentHashMap<>();

    /** The holder's account, opened empty when first named. */
    public Account of(String holderId) {
        return byHolder.computeIfAbsent(holderId, h -> new Account());
    }

    public void credit(String holderId, Money amount) {
        Account a = of(holderId);
        synchronized (a) {
            a.credited = a.credited.plus(amount);
        }
    }

    /**
     * A bill asks {@code asked} of the holder's account and owes {@code owed} after the funds: the account pays
     * min(asked, balance, owed) and that is debited.
     *
     * @param forMember whether the bill is a bound family member's (家庭共济), not the holder's own
     */
    public Money pay(String holderId, Money asked, Money owed, boolean forMember) {
        Account a = of(holderId);
        synchronized (a) {
            Money paid = pays(asked, a.balance(), owed);
            if (paid.isPositive()) {
                a.paid = a.paid.plus(paid);
                a.payments++;
                if (forMember) {
                    a.paidForMembers = a.paidForMembers.plus(paid);
                }
            }
            return paid;
        }
    }

    /** What an account pays: the least of what is asked, its balance and what the person owes (never negative). */
    public static Money pays(Money asked, Money balance, Money owed) {
        return asked.min(balance).min(owed).max(Money.ZERO);
    }

    /** A reversed bill gives back exactly what the account paid for it. */
    public void restore(String holderId, Money amount, boolean forMember) {
        if (!amount.isPositive()) {
            return;
        }
        Account a = of(holderId);
        synchronized (a) {
            a.restored = a.restored.plus(amount);
            a.payments--;
            if (forMember) {
                a.paidForMembers = a.paidForMembers.minus(amount);
            }
        }
    }

    /** From now on the simulator cannot predict this account. */
    public void lose(String holderId) {
        Account a = of(holderId);
        synchronized (a) {
            a.unknown = true;
        }
    }

    /** Every account, by holder. */
    public Map<String, Account> all() {
        return new TreeMap<>(byHolder);
    }
}
