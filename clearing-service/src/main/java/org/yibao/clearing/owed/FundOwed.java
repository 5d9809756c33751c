package org.yibao.clearing.owed;

import org.yibao.contracts.money.Money;

/**
 * What one fund owes an institution for one period: its claims, less its reversals (both counted in
 * this period), in yuan.
 */
public record FundOwed(Fund fund, Money settled, Money reversed, Money owed, int claims, int reversals) {
}
