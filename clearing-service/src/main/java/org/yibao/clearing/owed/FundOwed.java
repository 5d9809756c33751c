package org.yibao.clearing.owed;

import org.yibao.contracts.money.Money;

/**
 * What one fund owes an institution for one period: its claims, less its reversals (both counted in
 * this period), in yuan.
 *
 * @param owed        everything booked in the period: the claims less the reversals, and the other entries (deductions
 *                    given back, paying by group's adjustments ...)
 * @param otherEntries the entries of other kinds than claims and reversals (OwedEntry.Kind)
 */
public record FundOwed(Fund fund, Money settled, Money reversed, Money owed, int claims, int reversals, int otherEntries) {
}
