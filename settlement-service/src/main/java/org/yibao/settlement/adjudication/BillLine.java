package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One line of a bill as the catalog priced it: the class and the price ceiling come from the
 * catalog, never from the caller. An item the catalog does not know is class C (self-paid).
 *
 * @param catalogs          the recommended VBP catalogs (e.g. LIANGBING) the item is on for the service date
 * @param priorSelfPayRatio the item's own prior self-pay ratio from the catalog (selfpay_prop, 0-1), which
 *                          replaces the pack's class-乙 ratio for a class 乙 line (甲 pays none, 丙 all);
 *                          empty where the catalog states none
 * @param selfPaidBecause   the restricted-payment condition (限定支付范围) the line does not meet, in the
 *                          catalog's words: the whole line is then self-paid like a class 丙 item
 */
public record BillLine(
        String itemCode,
        String itemName,
        ItemCategory category,
        ItemClass itemClass,
        BigDecimal quantity,
        Price unitPrice,
        Optional<Money> priceCeiling,
        boolean vbp,
        Set<String> catalogs,
        Optional<BigDecimal> priorSelfPayRatio,
        Optional<String> selfPaidBecause) {

    /** A line with no ratio of its own and no unmet restriction. */
    public BillLine(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, BigDecimal quantity,
                    Price unitPrice, Optional<Money> priceCeiling, boolean vbp, Set<String> catalogs) {
        this(itemCode, itemName, category, itemClass, quantity, unitPrice, priceCeiling, vbp, catalogs, Optional.empty(),
                Optional.empty());
    }

    /** A line whose item is on no recommended catalog. */
    public BillLine(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, BigDecimal quantity,
                    Price unitPrice, Optional<Money> priceCeiling, boolean vbp) {
        this(itemCode, itemName, category, itemClass, quantity, unitPrice, priceCeiling, vbp, Set.of());
    }

    /** A line priced to the fen on no recommended catalog. */
    public BillLine(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, BigDecimal quantity,
                    Money unitPrice, Optional<Money> priceCeiling, boolean vbp) {
        this(itemCode, itemName, category, itemClass, quantity, Price.of(unitPrice), priceCeiling, vbp, Set.of());
    }

    /** A line priced to the fen. */
    public BillLine(String itemCode, String itemName, ItemCategory category, ItemClass itemClass, BigDecimal quantity,
                    Money unitPrice, Optional<Money> priceCeiling, boolean vbp, Set<String> catalogs) {
        this(itemCode, itemName, category, itemClass, quantity, Price.of(unitPrice), priceCeiling, vbp, catalogs);
    }

    public BillLine {
        catalogs = Set.copyOf(catalogs);
        Objects.requireNonNull(priorSelfPayRatio, "priorSelfPayRatio");
        Objects.requireNonNull(selfPaidBecause, "selfPaidBecause");
        if (priorSelfPayRatio.filter(r -> r.signum() < 0 || r.compareTo(BigDecimal.ONE) > 0).isPresent()) {
            throw new IllegalArgumentException("a prior self-pay ratio lies between 0 and 1");
        }
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(itemClass, "itemClass");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unit price must not be negative");
        }
    }

    /** Whether the fund pays nothing of the line: class 丙, or a restricted-payment condition not met. */
    public boolean wholeSelfPaid() {
        return itemClass == ItemClass.C || selfPaidBecause.isPresent();
    }

    /** Quantity times unit price, rounded once, half up, to the fen: the line's charge (the national interface's rule). */
    public Money amount() {
        return unitPrice.times(quantity);
    }
}
