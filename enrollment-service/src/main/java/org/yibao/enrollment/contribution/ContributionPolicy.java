package org.yibao.enrollment.contribution;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;

import java.util.Map;
import java.util.Optional;

/**
 * A region's resident contribution and premium subsidies from a year on.
 *
 * @param regionCode    a city or district code; a city's policy covers its districts
 * @param fiscalSubsidy the government's subsidy per resident and year (财政补助), yuan: the funds' income beside the
 *                      contribution (issue 22); zero when the file states none
 */
public record ContributionPolicy(String regionCode, int fromYear, Money residentContribution,
                                 Map<AssistanceCategory, Subsidy> subsidies, Money fiscalSubsidy) {

    public ContributionPolicy {
        subsidies = Map.copyOf(subsidies);
    }

    /** A policy that states no fiscal subsidy. */
    public ContributionPolicy(String regionCode, int fromYear, Money residentContribution, Map<AssistanceCategory, Subsidy> subsidies) {
        this(regionCode, fromYear, residentContribution, subsidies, Money.ZERO);
    }

    public Optional<Subsidy> subsidyFor(AssistanceCategory category) {
        return Optional.ofNullable(subsidies.get(category));
    }
}
