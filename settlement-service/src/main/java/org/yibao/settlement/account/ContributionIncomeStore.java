package org.yibao.settlement.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.ContributionsCollected;

import java.sql.Timestamp;

/** The funds' income from contributions (table {@code contribution_income}), one row per person and month. */
@Repository
class ContributionIncomeStore {

    private final JdbcClient jdbc;

    ContributionIncomeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a month's contributions; false (nothing changed) when the person's month is recorded already. */
    boolean record(ContributionsCollected e) {
        return jdbc.sql("""
                        insert into contribution_income (person_id, month, region_code, scheme, person_type,
                            employer_contribution, individual_contribution, account_allocation, resident_contribution,
                            premium_subsidy, fiscal_subsidy, rate_policy, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.personId(), e.month(), e.regionCode(), e.scheme().name(), e.personType().name(),
                        e.employerContribution().amount(), e.individualContribution().amount(),
                        e.accountAllocation().amount(), e.residentContribution().amount(), e.premiumSubsidy().amount(),
                        e.fiscalSubsidy().amount(), e.ratePolicy(), Timestamp.from(e.postedAt()))
                .update() == 1;
    }
}
