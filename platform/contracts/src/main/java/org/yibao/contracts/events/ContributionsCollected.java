package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * A person's contributions for one month entered the funds (缴费到账), posted by enrollment's monthly
 * contribution posting: one event per person and month, never two (the posting is idempotent). All
 * amounts are yuan exact to the fen; an amount that does not apply is 0.00, never null.
 *
 * <p>Employees (职工): {@code employerContribution} (单位缴费) and {@code individualContribution}
 * (个人缴费) are the wage base times the region's rates; {@code accountAllocation} (个人账户划入) is what
 * goes to the person's personal account this month: the individual contribution in full plus any
 * employer share the region's rule of that year still gives, or a retiree's fixed monthly amount
 * (retirees contribute nothing, their allocation comes from the pooled fund). The pooled fund's
 * income is employer + individual - allocation.
 *
 * <p>Residents (城乡居民): {@code residentContribution} is the year's contribution the person pays
 * themselves, {@code premiumSubsidy} the part medical assistance pays for them (参保资助), and
 * {@code fiscalSubsidy} the government's subsidy per person and year (财政补助); announced in the month
 * their cover begins.
 *
 * @param month      the contribution month, {@code yyyy-MM}
 * @param personType the person's type on the last day of the month (a November retiree is EMPLOYEE_RETIRED)
 * @param wageBase   the monthly wage base (缴费基数) in yuan; null for residents and retirees
 * @param ratePolicy the rate file that decided it ({@code region-year}), for the audit
 */
@EventType(name = "ContributionsCollected", version = 1, topic = Topics.CONTRIBUTIONS)
public record ContributionsCollected(
        String personId,
        String regionCode,
        Scheme scheme,
        PersonType personType,
        String month,
        Money wageBase,
        Money employerContribution,
        Money individualContribution,
        Money accountAllocation,
        Money residentContribution,
        Money premiumSubsidy,
        Money fiscalSubsidy,
        String ratePolicy,
        Instant postedAt) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return personId;
    }
}
