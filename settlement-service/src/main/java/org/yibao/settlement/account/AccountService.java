package org.yibao.settlement.account;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.ContributionsCollected;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Personal accounts (个人账户): the monthly credit from contributions, the balance and the monthly
 * statement. Payments and restorations at settlement are {@link AccountPayments}'.
 */
@Service
public class AccountService {

    private final AccountStore accounts;
    private final ContributionIncomeStore income;
    private final MeterRegistry meters;
    private final Clock clock;

    AccountService(AccountStore accounts, ContributionIncomeStore income, MeterRegistry meters, Clock clock) {
        this.accounts = accounts;
        this.income = income;
        this.meters = meters;
        this.clock = clock;
    }

    /** The balance of a holder's account. */
    public record Balance(String holderId, Money balance) {
    }

    /**
     * A person's contributions for a month (from enrollment): recorded as the funds' income, and an
     * employee's account allocation credited to the account, once per person and month (a redelivered or
     * repeated event changes nothing). In the consumer's transaction.
     */
    @Transactional
    public void contributionsCollected(ContributionsCollected e) {
        if (!income.record(e)) {
            meters.counter("yibao.settlement.contributions.repeated").increment();
            return;
        }
        if (e.scheme() != Scheme.EMPLOYEE || !e.accountAllocation().isPositive()) {
            return;
        }
        Money balance = accounts.lock(e.personId());
        accounts.append(new AccountEntry(UUID.randomUUID(), e.personId(), AccountEntry.Kind.CREDIT, e.accountAllocation(),
                balance.plus(e.accountAllocation()), YearMonth.now(clock), e.month(), null, null, clock.instant()));
        meters.counter("yibao.settlement.account.credits").increment();
    }

    @Transactional(readOnly = true)
    public Balance balance(String holderId) {
        return new Balance(holderId, accounts.balance(holderId)
                .orElseThrow(() -> new NotFoundException("person " + holderId + " has no personal account")));
    }

    /** The statement of a month: opening, credits, debits by bill, restorations, closing. */
    @Transactional(readOnly = true)
    public AccountStatement statement(String holderId, YearMonth month) {
        if (accounts.balance(holderId).isEmpty()) {
            throw new NotFoundException("person " + holderId + " has no personal account");
        }
        return AccountStatement.of(holderId, month, accounts.balanceBefore(holderId, month), accounts.entries(holderId, month));
    }
}
