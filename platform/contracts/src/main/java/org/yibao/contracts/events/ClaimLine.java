package org.yibao.contracts.events;

import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;

/**
 * One priced line of a settled bill, as the catalog classified it.
 *
 * @param unitPrice yuan per unit, at the national interface's 6 decimals
 * @param quantity  units, at most 4 decimals
 * @param selfPay the part of this line outside policy scope (full self-pay plus prior self-pay)
 * @param vbp     whether the item is a volume-based-procurement (带量采购) product
 * @param daysOfSupply days the line's drug lasts as prescribed (用药天数, the national interface's prd_days);
 *                     null when not a drug or not given (added in ClaimSettled/ClaimReversed v2)
 * @param doctorCode   the prescribing doctor's national code (开单医生, bilg_dr_codg), if given (v2)
 */
public record ClaimLine(
        String itemCode,
        String itemName,
        ItemCategory category,
        ItemClass itemClass,
        BigDecimal quantity,
        Price unitPrice,
        Money amount,
        Money selfPay,
        boolean vbp,
        Integer daysOfSupply,
        String doctorCode) {

    /** A line without days of supply or prescribing doctor (version 1's facts). */
    public ClaimLine(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, BigDecimal quantity,
                     Price unitPrice, Money amount, Money selfPay, boolean vbp) {
        this(itemCode, itemName, category, itemClass, quantity, unitPrice, amount, selfPay, vbp, null, null);
    }

    /** A line whose unit price is to the fen. */
    public ClaimLine(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, BigDecimal quantity, Money unitPrice,
                     Money amount, Money selfPay, boolean vbp) {
        this(itemCode, itemName, category, itemClass, quantity, Price.of(unitPrice), amount, selfPay, vbp);
    }
}
