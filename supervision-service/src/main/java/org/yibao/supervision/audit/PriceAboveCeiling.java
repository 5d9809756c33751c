package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 超限价收费: a class 甲 (A) or 乙 (B) line billed above the catalog's price ceiling (最高支付限价).
 *
 * <p>The ceiling is the one of the catalog entry in force on the claim's service date (supervision's
 * copy of settlement's catalog, CatalogChanged) at the billing institution's level: the entry's ceiling
 * for that level where it states one, otherwise its general ceiling. The amount at risk is
 * (unit price - ceiling) x quantity, in yuan, rounded half up to the fen (as the national interface
 * rounds a line's amount); a price at the ceiling, or less than a fen's worth above it on the whole
 * line, is no finding. An item whose entry has no ceiling is no finding.
 *
 * <p>Where the copy does not list the item on the service date (the catalog not yet received, or an
 * item outside it), a class A line is judged as before the catalog was distributed: it has no prior
 * self-pay, so any self-pay on it is taken as the part above the ceiling. A class B line always has
 * prior self-pay, so without the catalog nothing can be said of it.
 */
@Component
class PriceAboveCeiling implements ClaimRule {

    @Override
    public AuditRule rule() {
        return AuditRule.PRICE_ABOVE_CEILING;
    }

    @Override
    public List<Finding> check(ClaimUnderAudit claim) {
        List<Finding> found = new ArrayList<>();
        for (ClaimLine line : claim.claim().lines()) {
            if (line.itemClass() != ItemClass.A && line.itemClass() != ItemClass.B) {
                continue;
            }
            CatalogEntry entry = claim.catalog().get(line.itemCode());
            if (entry != null) {
                aboveCeiling(line, entry, claim.institutionLevel()).ifPresent(found::add);
            } else if (line.itemClass() == ItemClass.A && line.selfPay().isPositive()) {
                found.add(inferred(line));
            }
        }
        return found;
    }

    private static Optional<Finding> aboveCeiling(ClaimLine line, CatalogEntry entry, Optional<InstitutionLevel> level) {
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
        return Optional.of(new Finding(AuditRule.PRICE_ABOVE_CEILING, List.of(), above, line.itemCode() + " (" + name
                + ") billed at " + line.unitPrice() + " a unit, above the catalog ceiling of " + ceiling.get() + where + ": "
                + above + " on " + line.quantity().stripTrailingZeros().toPlainString() + " units"));
    }

    private static Finding inferred(ClaimLine line) {
        return new Finding(AuditRule.PRICE_ABOVE_CEILING, List.of(), line.selfPay(), line.itemCode() + " billed at "
                + line.unitPrice() + " a unit, " + line.selfPay() + " above the catalog ceiling");
    }
}
