package org.yibao.settlement.report;

import org.yibao.contracts.money.Money;

import java.util.List;

/**
 * The funds' spending in a year (基金支出) by scheme and visit type, from the settled bills alone
 * (reversed ones left out).
 *
 * @param region the city or district asked for, or null for all regions
 */
record FundReport(int year, String region, List<Spending> spending, List<Maternity> maternity) {

    /** A report without the maternity section. */
    FundReport(int year, String region, List<Spending> spending) {
        this(year, region, spending, List.of());
    }

    /**
     * Maternity insurance's spending (生育保险基金支出) of a scheme in the year: what the fund paid for prenatal
     * care and deliveries (the settled bills' basic fund, reversed ones left out; by service year) and the
     * maternity allowances (生育津贴) granted in the year (Beijing time). Zhumadian's employee medical and
     * maternity insurance share one fund (seed 004), so this is a part of the employee fund's spending.
     *
     * @param total deliveryPaid + prenatalPaid + allowancesPaid, yuan
     */
    record Maternity(String scheme, long prenatalVisits, Money prenatalPaid, long deliveries, Money deliveryPaid,
                     long allowances, Money allowancesPaid, Money total) {
    }

    /** One scheme and visit type's settlements and how their totals split across the layers. */
    record Spending(String scheme, String visitType, long settlements, long persons, Money total, Money fullSelfPay,
                    Money priorSelfPay, Money policyScope, Money basicFund, Money catastrophic, Money supplementary,
                    Money assistance, Money personalAccount, Money cash) {
    }
}
