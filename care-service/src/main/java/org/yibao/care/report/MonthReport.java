package org.yibao.care.report;

import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.time.YearMonth;
import java.util.Map;

/**
 * A month of long-term care, for the fund's reports (长护险月报).
 *
 * @param region               the region reported (a city covers its districts); null for all
 * @param assessments          disability assessments recorded with a day in the month (失能评估人次)
 * @param beneficiaries        persons whose benefit covers a day of the month (享受待遇人数)
 * @param beneficiariesByLevel those persons by their care level on their last covered day of the month
 * @param payments             the fund's payments for the month by setting
 */
public record MonthReport(YearMonth month, String region, long assessments, long beneficiaries,
                          Map<CareLevel, Long> beneficiariesByLevel, Map<CareSetting, Payments> payments) {

    /** Payments of one setting: how many, the standard amount, the fund's and the persons' shares (yuan). */
    public record Payments(long count, Money standardAmount, Money fundPaid, Money personShare) {
    }
}
