package org.yibao.enrollment.contribution;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;

import java.util.Map;
import java.util.Optional;

/**
 * A region's resident contribution and premium subsidies from a year on.
 *
 * @param regionCode a city or district code; a city's policy covers its districts
 */
public record ContributionPolicy(String regionCode, int fromYear, Money residentContribution,
                                 Map<AssistanceCategory, Subsidy> subsidies) {

    public ContributionPolicy {
        subsidies = Map.copyOf(subsidies);
    }

    public Optional<Subsidy> subsidyFor(AssistanceCategory category) {
        return Optional.ofNullable(subsidies.get(category));
    }
}
