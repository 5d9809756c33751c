package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPacks;

import java.math.BigDecimal;
import java.util.Optional;

/** Test helpers: shipped packs by id, and bill lines. */
final class Bills {

    private static final PolicyPacks PACKS = PolicyPacks.loadFromClasspath();

    private Bills() {
    }

    static PolicyPack pack(String id) {
        return PACKS.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static PolicyPacks packs() {
        return PACKS;
    }

    static BillLine line(ItemClass itemClass, String amount) {
        return new BillLine("X" + itemClass + amount, "item", ItemCategory.SERVICE, itemClass, BigDecimal.ONE,
                Money.of(amount), Optional.empty(), false);
    }

    static BillLine line(ItemClass itemClass, String quantity, String unitPrice, String ceiling) {
        return new BillLine("X", "item", ItemCategory.DRUG, itemClass, new BigDecimal(quantity), Money.of(unitPrice),
                Optional.ofNullable(ceiling).map(Money::of), false);
    }
}
