package org.yibao.clearing.payment;

import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.money.Money;

/**
 * One fund's line of an institution's monthly payment (月度拨付), every part shown, in yuan. Always
 * {@code owed = withheld + deducted + recovered + deferred + paid}, to the fen.
 *
 * @param owedInPeriod  what the fund owes for the period's claims less reversals counted in it
 * @param broughtForward what earlier months deferred (over the monthly cap, or a negative balance)
 * @param owed          owedInPeriod + broughtForward
 * @param withheld      the quality deposit (质量保证金) withheld: the period's own owed (not what was brought forward) x the ratio, HALF_UP to the fen; negative (released) when the period's owed is
 * @param deducted      deductions netted (扣款); negative when a deduction is given back
 * @param recovered     recoveries netted (追回基金)
 * @param prepaymentRecovered the instalments of prepayments (预付金) of this fund recovered: the institution was paid
 *                      that much ahead, by the prepayment
 * @param deferred      carried to the next month: over the monthly cap, or a negative balance (never pulled back by an order)
 * @param paid          paid to the institution this month, never negative, at most the cap
 */
public record FundPayment(Fund fund, Money owedInPeriod, Money broughtForward, Money owed, Money withheld, Money deducted,
                          Money recovered, Money prepaymentRecovered, Money deferred, Money paid) {

    /** Whether the parts add up to what was owed, to the fen. */
    public boolean balances() {
        return owed.compareTo(withheld.plus(deducted).plus(recovered).plus(prepaymentRecovered).plus(deferred).plus(paid)) == 0
                && owed.compareTo(owedInPeriod.plus(broughtForward)) == 0;
    }
}
