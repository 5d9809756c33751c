package org.yibao.settlement.adjudication;

import org.yibao.contracts.money.Money;

import java.util.Optional;

/**
 * A bill line with what it contributes outside policy scope.
 *
 * @param fullSelfPay  全自费: all of a class C line, or the part above the price ceiling
 * @param priorSelfPay 先行自付: the class B share, within the ceiling
 * @param paidInFullBy the zero-pay rule under which the basic fund pays the line's policy-scope part
 *                     in full, if any
 */
public record AdjudicatedLine(BillLine line, Money amount, Money fullSelfPay, Money priorSelfPay,
                              Optional<String> paidInFullBy) {

    public Money selfPay() {
        return fullSelfPay.plus(priorSelfPay);
    }

    /** The line's part within policy scope. */
    public Money policyScope() {
        return amount.minus(fullSelfPay).minus(priorSelfPay);
    }

    AdjudicatedLine paidInFullBy(String rule) {
        return new AdjudicatedLine(line, amount, fullSelfPay, priorSelfPay, Optional.of(rule));
    }
}
