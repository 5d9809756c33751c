package org.yibao.settlement.report;

import org.yibao.contracts.money.Money;

import java.util.List;

/**
 * The funds' spending in a year (基金支出) by scheme and visit type, from the settled bills alone
 * (reversed ones left out), with the totals summed by the database (issue 25).
 *
 * @param region         the city or district asked for, or null for all regions
 * @param totalsByScheme one row per scheme with bills, over all its visit types ({@code visitType} null); its
 *                       {@code persons} counts each person once across the scheme's visit types
 * @param totals         all schemes together ({@code scheme} and {@code visitType} null); zeros when there are no bills
 */
record FundReport(int year, String region, List<Spending> spending, List<Maternity> maternity, List<Spending> totalsByScheme,
                  Spending totals) {

    /** A report without the maternity section or totals. */
    FundReport(int year, String region, List<Spending> spending) {
        this(year, region, spending, List.of(), List.of(), null);
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
