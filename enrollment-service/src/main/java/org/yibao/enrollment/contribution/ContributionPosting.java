package org.yibao.enrollment.contribution;

import org.yibao.contracts.events.ContributionsCollected;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * One person's contributions for one month (缴费到账), as posted. Yuan, exact to the fen; an amount that does
 * not apply is zero.
 *
 * @param month      {@code yyyy-MM}
 * @param wageBase   an active employee's monthly wage base (缴费基数); null for residents and retirees
 * @param toAccount  what goes to the personal account (个人账户划入)
 * @param ratePolicy the rate file ({@code region-fromYear}) or resident policy that decided it
 * @param postedBy   the staff member who posted the month (from the token)
 */
public record ContributionPosting(String personId, String month, String regionCode, Scheme scheme, PersonType personType,
                                  Money wageBase, Money employer, Money individual, Money toAccount,
                                  Money residentContribution, Money premiumSubsidy, Money fiscalSubsidy, String ratePolicy,
                                  String postedBy, Instant postedAt) {

    /** An active employee's month: contributions on the wage base, the account's share per the region's rule. */
    static ContributionPosting active(String personId, String month, String region, Money wageBase, EmployeeRates rates,
                                      String by, Instant at) {
        EmployeeRates.Month m = rates.activeMonth(wageBase);
        return new ContributionPosting(personId, month, region, Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, wageBase,
                m.employer(), m.individual(), m.toAccount(), Money.ZERO, Money.ZERO, Money.ZERO, rates.name(), by, at);
    }

    /** A retiree's month: no contribution, the fixed allocation from the pooled fund. */
    static ContributionPosting retired(String personId, String month, String region, EmployeeRates rates, String by, Instant at) {
        return new ContributionPosting(personId, month, region, Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, null, Money.ZERO,
                Money.ZERO, rates.retireeMonthlyAllocation(), Money.ZERO, Money.ZERO, Money.ZERO, rates.name(), by, at);
    }

    /** A resident's year, posted in the month cover begins: what they pay, what assistance pays, the fiscal subsidy. */
    static ContributionPosting resident(String personId, String month, String region, Money contribution, Money subsidy,
                                        ContributionPolicy policy, String by, Instant at) {
        return new ContributionPosting(personId, month, region, Scheme.RESIDENT, PersonType.RESIDENT, null, Money.ZERO,
                Money.ZERO, Money.ZERO, contribution.minus(subsidy), subsidy, policy.fiscalSubsidy(),
                policy.regionCode() + "-" + policy.fromYear(), by, at);
    }

    ContributionsCollected event() {
        return new ContributionsCollected(personId, regionCode, scheme, personType, month, wageBase, employer, individual,
                toAccount, residentContribution, premiumSubsidy, fiscalSubsidy, ratePolicy, postedAt);
    }
}
