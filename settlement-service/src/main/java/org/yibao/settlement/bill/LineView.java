package org.yibao.settlement.bill;

import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;

/**
 * One line of the one-stop bill as the caller sees it: what the catalog said and what the person pays.
 *
 * @param paidInFullBy the policy rule under which the fund paid the line in full (e.g. 两病 class 甲
 *                     VBP drugs), or null
 * @param priceCeiling the catalog's price ceiling per unit (yuan) on the service date, or null when it has
 *                     none (and in bills settled before it was recorded)
 * @param selfPaidBecause the restricted-payment condition (限定支付范围) the line did not meet, in the
 *                     catalog's words, for which the whole line is self-paid; null when none
 * @param daysOfSupply days the line's drug lasts as prescribed (prd_days), as the caller stated it, or null
 * @param doctorCode   the prescribing doctor's national code, as the caller stated it, or null
 */
public record LineView(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, boolean inCatalog,
                       BigDecimal quantity, Price unitPrice, Money amount, Money fullSelfPay, Money priorSelfPay,
                       boolean vbp, String paidInFullBy, Money priceCeiling, String selfPaidBecause,
                       Integer daysOfSupply, String doctorCode) {

    public Money selfPay() {
        return fullSelfPay.plus(priorSelfPay);
    }
}
