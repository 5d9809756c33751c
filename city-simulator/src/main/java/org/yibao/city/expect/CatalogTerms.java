package org.yibao.city.expect;

import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.catalog.Restriction;
import org.yibao.city.catalog.SyntheticCatalog;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Item;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A line's catalog terms as the city knows them from its own data, never from the platform: the class and
 * ceiling of the city's sample items ({@link Item}), and for an item of the SYNTHETIC catalog its entry as
 * the city generated it (class, ceiling at the institution's level, own prior self-pay ratio, restricted-
 * payment conditions). A condition is read here by the city's own reading of the bureau's kinds (ADR 0017):
 * DIAGNOSES by ICD-10 prefix among the bill's diagnoses (a bill without any does not meet it), MIN_LEVEL by
 * the order community < level 1 < level 2 < level 3 (an ungraded institution never), RETIREES_ONLY for
 * retired employees, INPATIENT_ONLY for stays, MAX_DAYS_SUPPLY over every line of the item on the bill.
 */
public final class CatalogTerms {

    /**
     * @param itemClass the class, or null for an item off the catalog (目录外)
     * @param ceiling   the ceiling per unit at the institution's level, or null when it has none
     * @param ownRatio  the entry's own prior self-pay ratio (class 乙), or null: the pack's applies
     * @param unmet     the condition the bill does not meet (the line is self-paid whole), or null
     * @param synthetic whether the item is from the synthetic catalog
     */
    public record Terms(ItemClass itemClass, Money ceiling, BigDecimal ownRatio, Restriction unmet, boolean synthetic) {
    }

    private final Function<String, CatalogEntry> entries;

    private CatalogTerms(Function<String, CatalogEntry> entries) {
        this.entries = entries;
    }

    /** The city's items and the synthetic catalog's entries. */
    public static CatalogTerms of(SyntheticCatalog catalog) {
        return new CatalogTerms(catalog::get);
    }

    /** The city's items and these entries. */
    public static CatalogTerms of(List<CatalogEntry> entries) {
        java.util.Map<String, CatalogEntry> byCode = new java.util.HashMap<>();
        entries.forEach(e -> byCode.put(e.code(), e));
        return new CatalogTerms(byCode::get);
    }

    /** The city's items alone. */
    public static CatalogTerms cityItemsOnly() {
        return new CatalogTerms(code -> null);
    }

    /** A line's terms on its bill, for the person billed. */
    public Terms of(Encounter.Line line, Encounter bill, Insured person) {
        Item item = line.item();
        CatalogEntry e = entries.apply(item.code());
        if (e == null) {
            return new Terms(item.itemClass(), item.itemClass() == null ? null : item.ceiling(), null, null, false);
        }
        if (!e.inForce(bill.date())) {
            return new Terms(null, null, null, null, true);
        }
        Restriction unmet = e.restrictions().stream().filter(r -> !holds(r, item, bill, person)).findFirst().orElse(null);
        return new Terms(e.itemClass(), e.ceilingAt(bill.institution().level()), e.selfPayRatio(), unmet, true);
    }

    static boolean holds(Restriction r, Item item, Encounter bill, Insured person) {
        return switch (r.kind()) {
            case DIAGNOSES -> bill.diagnoses().stream().map(d -> d.toUpperCase(Locale.ROOT))
                    .anyMatch(d -> r.diagnosisPrefixes().stream().anyMatch(p -> d.startsWith(p.toUpperCase(Locale.ROOT))));
            case MIN_LEVEL -> rank(bill.institution().level()) >= rank(InstitutionLevel.valueOf(r.parameter()));
            case RETIREES_ONLY -> person.type() == PersonType.EMPLOYEE_RETIRED;
            case INPATIENT_ONLY -> bill.visitType() == VisitType.INPATIENT;
            case MAX_DAYS_SUPPLY -> bill.lines().stream().filter(l -> l.item().code().equals(item.code()))
                    .map(Encounter.Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(r.maxUnits()) <= 0;
        };
    }

    /** Institution levels in order; an ungraded institution (a pharmacy, a clinic) is below every level. */
    private static int rank(InstitutionLevel level) {
        return switch (level) {
            case UNGRADED -> -1;
            case COMMUNITY -> 0;
            case LEVEL_1 -> 1;
            case LEVEL_2 -> 2;
            case LEVEL_3 -> 3;
        };
    }
}
