package org.yibao.settlement.report;

import org.yibao.contracts.money.Money;

import java.util.List;

/**
 * The funds' income in a year (基金收入) by scheme, month and source, from the contributions enrollment
 * posted (ContributionsCollected), and the personal accounts' spending (个人账户支出) by month.
 *
 * @param region the city or district asked for, or null for all regions
 */
record IncomeReport(int year, String region, List<Month> months) {

    /**
     * One scheme's month. Yuan, exact to the fen.
     *
     * @param persons                 the persons whose contributions were posted for the month
     * @param employerContributions   单位缴费
     * @param individualContributions 个人缴费 (employees)
     * @param toAccounts              of the contributions, what went to personal accounts (个人账户划入, a retiree's
     *                                fixed amount included: it comes from the pooled fund)
     * @param residentContributions   residents' own contributions (居民个人缴费)
     * @param premiumSubsidies        what medical assistance paid of residents' contributions (参保资助)
     * @param fiscalSubsidies         government subsidies per resident (财政补助)
     * @param pooledFund              the pooled fund's income: every source above less what went to accounts
     * @param accountSpending         what personal accounts paid at settlement in the month (recorded then), less
     *                                what reversals gave back; EMPLOYEE only (a family member's bill paid from a
     *                                holder's account counts here)
     */
    record Month(String scheme, String month, long persons, Money employerContributions, Money individualContributions,
                 Money toAccounts, Money residentContributions, Money premiumSubsidies, Money fiscalSubsidies,
                 Money pooledFund, Money accountSpending) {

        Month {
            Money computed = employerContributions.plus(individualContributions).minus(toAccounts).plus(residentContributions)
                    .plus(premiumSubsidies).plus(fiscalSubsidies);
            if (!computed.equals(pooledFund)) {
                throw new IllegalStateException("the pooled fund's income for " + scheme + " " + month + " is " + pooledFund
                        + ", its sources add up to " + computed);
            }
        }
    }
}
