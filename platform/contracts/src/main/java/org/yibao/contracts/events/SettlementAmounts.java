package org.yibao.contracts.events;

import org.yibao.contracts.money.Money;

import java.util.Objects;

/**
 * The one-stop bill (一站式结算单) of one settlement: how its total splits across the layers.
 * Construction refuses a bill whose parts do not add up to its total to the fen.
 *
 * @param total           医疗费总额
 * @param fullSelfPay     全自费: class C items and amounts above a catalog price ceiling
 * @param priorSelfPay    先行自付: the class B share the person pays first
 * @param policyScope     政策范围内费用 = total - fullSelfPay - priorSelfPay
 * @param deductible      起付线 applied to this bill
 * @param basicFund       统筹基金支付
 * @param catastrophic    大病保险支付
 * @param supplementary   补充保险支付 (employee high-amount or low-income supplementary)
 * @param assistance      医疗救助支付
 * @param personalAccount 个人账户支付
 * @param cash            现金支付
 */
public record SettlementAmounts(
        Money total,
        Money fullSelfPay,
        Money priorSelfPay,
        Money policyScope,
        Money deductible,
        Money basicFund,
        Money catastrophic,
        Money supplementary,
        Money assistance,
        Money personalAccount,
        Money cash) {

    public SettlementAmounts {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(fullSelfPay, "fullSelfPay");
        Objects.requireNonNull(priorSelfPay, "priorSelfPay");
        Objects.requireNonNull(policyScope, "policyScope");
        Objects.requireNonNull(deductible, "deductible");
        Objects.requireNonNull(basicFund, "basicFund");
        Objects.requireNonNull(catastrophic, "catastrophic");
        Objects.requireNonNull(supplementary, "supplementary");
        Objects.requireNonNull(assistance, "assistance");
        Objects.requireNonNull(personalAccount, "personalAccount");
        Objects.requireNonNull(cash, "cash");
        Money paid = basicFund.plus(catastrophic).plus(supplementary).plus(assistance)
                .plus(personalAccount).plus(cash);
        if (paid.compareTo(total) != 0) {
            throw new IllegalArgumentException("layers add up to " + paid + ", not the total " + total);
        }
        if (total.minus(fullSelfPay).minus(priorSelfPay).compareTo(policyScope) != 0) {
            throw new IllegalArgumentException("policyScope " + policyScope
                    + " is not total - fullSelfPay - priorSelfPay");
        }
    }

    /** What the funds paid together: everything but personal account and cash. */
    public Money fundsPaid() {
        return basicFund.plus(catastrophic).plus(supplementary).plus(assistance);
    }

    /** What the person paid: personal account and cash. */
    public Money personalPayment() {
        return personalAccount.plus(cash);
    }
}
