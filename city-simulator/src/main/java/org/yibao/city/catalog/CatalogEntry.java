package org.yibao.city.catalog;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the SYNTHETIC national catalog (generated, never real data): what the four import files
 * state of a code, and what the city needs to bill it.
 *
 * @param validFrom      the entry's begin date (begndate)
 * @param validTo        its end date (enddate), or null when open-ended; an ended entry is out of the catalog after it
 * @param listPrice      what a hospital charges for one unit (per tablet, vial, gram, session or piece): the
 *                       ceiling for classes 甲 and 乙, the market price for class 丙
 * @param ceiling        the price ceiling per unit (最高限价, hilist_pric_uplmt_amt) for every level without one of
 *                       its own; null for class 丙
 * @param levelCeilings  the ceilings of the institution levels whose price differs (a level's own 1318 row)
 * @param selfPayRatio   the item's own prior self-pay ratio (selfpay_prop, 0-1) replacing the pack's for class 乙,
 *                       or null where the catalog states none
 * @param vbp            a volume-based-procurement (带量采购) product, at the batch's price
 * @param restrictions   the restricted-payment conditions (限定支付范围), all of which must hold
 * @param indications    ICD-10 prefixes the item is used for (whether or not a condition restricts it to them):
 *                       what a simulated doctor prescribes it for
 * @param unitsPerDay    a day's use, in units, for a prescription
 */
public record CatalogEntry(String code, String name, Category category, ItemClass itemClass, LocalDate validFrom,
                           LocalDate validTo, Money listPrice, Money ceiling, Map<InstitutionLevel, Money> levelCeilings,
                           BigDecimal selfPayRatio, boolean vbp, List<Restriction> restrictions, List<String> indications,
                           int unitsPerDay) {

    public CatalogEntry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(itemClass, "itemClass");
        levelCeilings = Map.copyOf(levelCeilings);
        restrictions = List.copyOf(restrictions);
        indications = List.copyOf(indications);
        if ((itemClass == ItemClass.C) != (ceiling == null)) {
            throw new IllegalArgumentException(code + ": classes 甲 and 乙 have a ceiling, 丙 none");
        }
        if (selfPayRatio != null && itemClass != ItemClass.B) {
            throw new IllegalArgumentException(code + ": an own self-pay ratio is for class 乙 only");
        }
    }

    /** Whether the entry is in force on a date (begun, and not ended before it). */
    public boolean inForce(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }

    /** The price ceiling at an institution level: the level's own, else the entry's; null for class 丙. */
    public Money ceilingAt(InstitutionLevel level) {
        return levelCeilings.getOrDefault(level, ceiling);
    }

    /** What an honest hospital of a level charges for one unit: its level's ceiling, or the list price for class 丙. */
    public Money priceAt(InstitutionLevel level) {
        Money ceilingThere = ceilingAt(level);
        return ceilingThere == null ? listPrice : ceilingThere;
    }
}
