package org.yibao.settlement.catalog;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reimbursement-catalog entry (医保目录) in force on a date: its class (甲/乙/丙) and price ceiling
 * decide a line's self-pay.
 *
 * @param selfPayRatio     the item's own prior self-pay ratio (selfpay_prop, 0-1), which replaces the
 *                         pack's class-乙 ratio; empty where the catalog states none
 * @param ceilingsByLevel  price ceilings per unit (yuan) at the levels where they differ from {@code priceCeiling}
 * @param restrictions     the restricted-payment conditions (限定支付范围), all of which must hold
 */
public record CatalogItem(String code, String name, ItemCategory category, ItemClass itemClass,
                          Optional<Money> priceCeiling, boolean vbp, Optional<BigDecimal> selfPayRatio,
                          Map<InstitutionLevel, Money> ceilingsByLevel, List<Restriction> restrictions) {

    /** An entry with no own ratio, no ceilings by level and no restriction. */
    public CatalogItem(String code, String name, ItemCategory category, ItemClass itemClass, Optional<Money> priceCeiling,
                       boolean vbp) {
        this(code, name, category, itemClass, priceCeiling, vbp, Optional.empty(), Map.of(), List.of());
    }

    public CatalogItem {
        ceilingsByLevel = Map.copyOf(ceilingsByLevel);
        restrictions = List.copyOf(restrictions);
    }

    /** The price ceiling per unit at an institution level: the level's own, else the entry's. */
    public Optional<Money> ceilingAt(InstitutionLevel level) {
        return Optional.ofNullable(ceilingsByLevel.get(level)).or(() -> priceCeiling);
    }

    /** The first restricted-payment condition this context does not meet, if any. */
    public Optional<Restriction> unmet(Restriction.Context context) {
        return restrictions.stream().filter(r -> !r.allows(context)).findFirst();
    }
}
