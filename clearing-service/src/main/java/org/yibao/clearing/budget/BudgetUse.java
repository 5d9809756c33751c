package org.yibao.clearing.budget;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Budget use (预算执行进度) of a region's institutions in a year: what each institution's basic pooling fund budget in
 * force allows, what that fund owes it so far, and how far the year has gone, to set the two side by side.
 *
 * @param year           the budget year
 * @param regionCode     the region asked for (6 digits; a city's code covers its districts and counties)
 * @param asOf           the Beijing day the figures were read
 * @param elapsedPercent the part of the year gone by {@code asOf}, counting that day, in calendar days (0.00 to 100.00,
 *                       HALF_UP to 2 places; 100.00 for a past year, 0.00 for a future one). ASSUMPTION: calendar days,
 *                       not working days or the months' clearing calendar — the bureau's budget reports compare against
 *                       the time elapsed (时间进度)
 * @param institutions   each institution and scheme with a budget in force, by institution code then scheme
 */
public record BudgetUse(int year, String regionCode, LocalDate asOf, BigDecimal elapsedPercent, List<InstitutionUse> institutions) {

    /**
     * One institution's budget of one scheme and its use.
     *
     * @param budgetVersion    the version in force (a new version replaces the one before; see POST /budgets)
     * @param annualAllocation the year's allocation (年度预算总额), yuan
     * @param owedToDate       what the scheme's basic pooling fund owes the institution for claims counted in the year's
     *                         clearing periods so far (net of reversals), yuan; the figure the year-end clearing measures
     *                         against the budget
     * @param usedPercent      {@code owedToDate / annualAllocation × 100}, HALF_UP to 2 places (over 100.00 when the budget
     *                         is overspent)
     */
    public record InstitutionUse(String institutionCode, Scheme scheme, int budgetVersion, Money annualAllocation, Money owedToDate,
                                 BigDecimal usedPercent) {
    }
}
