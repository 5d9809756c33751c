package org.yibao.clearing.budget;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;

import java.time.Clock;
import java.util.Optional;

/** Sets and reads the budgets (总额预算): a new version replaces the one in force, the old ones are kept. */
@Service
public class BudgetService {

    private final BudgetStore store;
    private final Clock clock;

    BudgetService(BudgetStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public Budget set(String institutionCode, int year, Scheme scheme, Money annualAllocation, CallerIdentity caller) {
        store.lock(institutionCode, year, scheme);
        Budget budget = new Budget(institutionCode, year, scheme, store.latestVersion(institutionCode, year, scheme) + 1,
                annualAllocation, caller.clientId(), clock.instant());
        store.insert(budget);
        return budget;
    }

    /** The version in force of an institution's year and scheme, if a budget was set. */
    @Transactional(readOnly = true)
    public Optional<Budget> inForce(String institutionCode, int year, Scheme scheme) {
        return store.inForce(institutionCode, year, scheme);
    }
}
