package org.yibao.settlement.catalog;

import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.util.Optional;

/** A reimbursement-catalog entry: its class (甲/乙/丙) and price ceiling decide a line's self-pay. */
public record CatalogItem(String code, String name, ItemCategory category, ItemClass itemClass,
                          Optional<Money> priceCeiling, boolean vbp) {
}
