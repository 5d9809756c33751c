package org.yibao.settlement.report;

import org.yibao.contracts.money.Money;

import java.util.List;

/**
 * The funds' spending in a year (基金支出) by scheme and visit type, from the settled bills alone
 * (reversed ones left out).
 *
 * @param region the city or district asked for, or null for all regions
 */
record FundReport(int year, String region, List<Spending> spending) {

    /** One scheme and visit type's settlements and how their totals split across the layers. */
    record Spending(String scheme, String visitType, long settlements, long persons, Money total, Money fullSelfPay,
                    Money priorSelfPay, Money policyScope, Money basicFund, Money catastrophic, Money supplementary,
                    Money assistance, Money personalAccount, Money cash) {
    }
}
