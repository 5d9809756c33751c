package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 超限价收费: a line billed above the catalog's price ceiling (最高支付限价) in force on the service date
 * at the institution's level (the level's own ceiling where the entry states one, else its general one),
 * for the classes the entry lists (every class with a ceiling by default). The amount in violation is
 * (unit price - ceiling) x quantity, yuan, rounded half up to the fen; less than a fen is no finding.
 *
 * <p>Where supervision's copy of the catalog does not list the item that day, a class A line is judged
 * as before the catalog was distributed: it has no prior self-pay, so self-pay on it is taken as the
 * part above the ceiling (a class B line always has prior self-pay, so nothing can be said of it).
 */
@Component
class PriceAboveCeiling implements RuleType<PriceAboveCeiling.Params> {

    /** @param classes the classes judged; empty or absent: A, B and C */
    record Params(Set<ItemClass> classes) {
        Params {
            classes = classes == null || classes.isEmpty() ? Set.of(ItemClass.A, ItemClass.B, ItemClass.C) : Set.copyOf(classes);
        }
    }

    /** Overcharging the patient is a violation too, whoever pays the line. */
    @Override
    public boolean concernsSelfPay() {
        return true;
    }

    @Override
    public String name() {
        return "PRICE_ABOVE_CEILING";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<Hit> hits = new ArrayList<>();
        Optional<InstitutionLevel> level = in.level();
        for (ClaimFacts.Line line : in.claim().lines()) {
            if (!p.classes().contains(line.itemClass())) {
                continue;
            }
            CatalogEntry entry = in.catalog().get(line.itemCode());
            if (entry != null) {
                aboveCeiling(in.claim(), line, entry, level).ifPresent(hits::add);
            } else if (line.itemClass() == ItemClass.A && line.selfPay().isPositive()) {
                hits.add(Hit.line(in.claim(), line, line.selfPay(), line.itemCode() + " billed at " + line.unitPrice() + " a unit, "
                        + line.selfPay() + " above the catalog ceiling"));
            }
        }
        return hits;
    }

    private static Optional<Hit> aboveCeiling(ClaimFacts c, ClaimFacts.Line line, CatalogEntry entry, Optional<InstitutionLevel> level) {
        Optional<Money> ceiling = entry.ceilingAt(level);
        if (ceiling.isEmpty() || line.unitPrice().amount().compareTo(ceiling.get().amount()) <= 0) {
            return Optional.empty();
        }
        Money above = Money.rounded(line.unitPrice().amount().subtract(ceiling.get().amount()).multiply(line.quantity()),
                RoundingMode.HALF_UP);
        if (!above.isPositive()) {
            return Optional.empty();
        }
        String where = level.filter(entry.levelCeilings()::containsKey).map(l -> " at " + l + " institutions").orElse("");
        String name = entry.name() != null ? entry.name() : line.itemName();
        return Optional.of(Hit.line(c, line, above, line.itemCode() + " (" + name + ") billed at " + line.unitPrice()
                + " a unit, above the catalog ceiling of " + ceiling.get() + where + ": " + above + " on "
                + line.quantity().stripTrailingZeros().toPlainString() + " units"));
    }
}
