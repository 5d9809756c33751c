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
        boolean vbp) {

    /** A line whose unit price is to the fen. */
    public ClaimLine(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, BigDecimal quantity, Money unitPrice,
                     Money amount, Money selfPay, boolean vbp) {
        this(itemCode, itemName, category, itemClass, quantity, Price.of(unitPrice), amount, selfPay, vbp);
    }
}
