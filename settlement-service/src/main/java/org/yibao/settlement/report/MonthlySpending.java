package org.yibao.settlement.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * The funds' spending in a year month by month (基金支出月报, issue 25): one row per month of the service date, scheme and
 * visit type, from the settled bills alone (reversed ones left out, as in the yearly {@link FundReport}), so that the rows'
 * money and bill counts add up to the yearly report's rows. Yuan, exact to the fen.
 *
 * @param region the city or district asked for, or null for all regions
 */
record MonthlySpending(int year, String region, List<Month> months) {

    /**
     * One month's spending of a scheme and visit type, with the yearly report's fields ({@code persons}: distinct in the
     * month, so months do not add up to the year's persons).
     *
     * @param month the service date's month, {@code yyyy-MM}
     */
    record Month(String month, @JsonUnwrapped FundReport.Spending spending) {
    }
}
