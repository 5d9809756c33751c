package org.yibao.settlement.adjudication;

import org.yibao.contracts.money.Money;

/**
 * A bill line with what it contributes outside policy scope.
 *
 * @param fullSelfPay  全自费: all of a class C line, or the part above the price ceiling
 * @param priorSelfPay 先行自付: the class B share, within the ceiling
 */
public record AdjudicatedLine(BillLine line, Money amount, Money fullSelfPay, Money priorSelfPay) {

    public Money selfPay() {
        return fullSelfPay.plus(priorSelfPay);
    }
}
