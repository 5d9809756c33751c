package org.yibao.care.payment;

import org.yibao.contracts.money.Money;

import java.time.YearMonth;

/**
 * A month's home-care payment run (居家护理按月支付): what this run paid, and the month's home-care payments in all
 * (every run of the month), yuan.
 *
 * @param alreadyRun     true when the month had been run before: this run paid only days found due since
 *                       (a benefit decided after the earlier run, its start back-dated to the assessment day)
 * @param paidNow        the payments this run made (0: it changed nothing)
 * @param fundPaidNow    what the fund pays for them
 * @param payments       the month's home-care payments, every run's
 * @param standardAmount the month's standard amount, every run's
 * @param fundPaid       what the fund pays for the month, every run's
 * @param personShare    the persons' shares of the month, every run's
 */
public record HomeCareRun(YearMonth month, boolean alreadyRun, int paidNow, Money fundPaidNow, int payments, Money standardAmount,
                          Money fundPaid, Money personShare) {
}
