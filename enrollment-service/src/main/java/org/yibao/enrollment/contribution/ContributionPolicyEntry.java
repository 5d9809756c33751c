package org.yibao.enrollment.contribution;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;

import java.util.Map;

/**
 * One entry of {@code contribution-policies.yml} as it is written (YAML), bound by Jackson with the
 * file's own key names. Shapes only: the ranges, and that no region repeats a year, are checked when
 * {@link ContributionPolicies} turns it into a {@link ContributionPolicy}. Money is written quoted
 * ({@code "250.00"}, yuan); a subsidy is {@code FULL} or such an amount ({@link ContributionValues}).
 *
 * @param region        a 6-digit administrative division code, a city's or a district's
 * @param fiscalSubsidy the government's subsidy per resident and year (财政补助), optional (zero when absent)
 */
record ContributionPolicyEntry(String region, Integer fromYear, Money residentContribution,
                               Map<AssistanceCategory, Subsidy> subsidies, Money fiscalSubsidy) {
}
