package org.yibao.care.payment;

import org.yibao.contracts.money.Money;

import java.time.YearMonth;

/**
 * A month's home-care payment run (居家护理按月支付): its payments and their totals, yuan.
 *
 * @param alreadyRun true when the month had been run before: this call changed nothing
 */
public record HomeCareRun(YearMonth month, boolean alreadyRun, int payments, Money standardAmount, Money fundPaid,
                          Money personShare) {
}
