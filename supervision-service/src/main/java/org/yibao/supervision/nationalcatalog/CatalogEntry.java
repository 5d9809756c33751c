package org.yibao.supervision.nationalcatalog;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An entry of the reimbursement catalog (医保目录) as supervision keeps it from settlement's
 * CatalogChanged: an item's terms from {@code validFrom} until {@code validTo}. Settlement owns the
 * catalog (ADR 0017); this is a copy, never edited here.
 *
 * @param name          the catalog's name of the item; null when the entry states none
 * @param itemClass     甲/乙/丙 (A/B/C); null when the entry states none
 * @param validTo       the last day the entry holds (inclusive); null when open-ended
 * @param priceCeiling  yuan per unit (最高限价); null when the entry has none
 * @param levelCeilings yuan per unit at the institution levels where the ceiling differs from {@code priceCeiling}
 * @param restrictions  the restricted-payment conditions (限定支付范围), in the catalog's order
 */
public record CatalogEntry(String code, LocalDate validFrom, String name, ItemClass itemClass, LocalDate validTo,
                           Money priceCeiling, Map<InstitutionLevel, Money> levelCeilings, List<Restriction> restrictions) {

    public CatalogEntry {
        levelCeilings = Map.copyOf(levelCeilings);
        restrictions = List.copyOf(restrictions);
    }

    /**
     * A restricted-payment condition as settlement applies it (CatalogChanged.Restriction).
     *
     * @param kind        DIAGNOSES, MIN_LEVEL, RETIREES_ONLY, INPATIENT_ONLY or MAX_DAYS_SUPPLY
     * @param parameter   DIAGNOSES: ICD-10 prefixes, comma-separated; MIN_LEVEL: a level; MAX_DAYS_SUPPLY:
     *                    "units a day,days"; null for the others
     * @param description the condition in the catalog's words (e.g. "限糖尿病患者")
     */
    public record Restriction(String kind, String parameter, String description) {

        public static final String DIAGNOSES = "DIAGNOSES";
        public static final String INPATIENT_ONLY = "INPATIENT_ONLY";

        public boolean is(String kind) {
            return this.kind.equals(kind);
        }

        /** A DIAGNOSES condition's ICD-10 prefixes, upper case, as settlement reads them; empty for other kinds. */
        public List<String> diagnosisPrefixes() {
            if (!is(DIAGNOSES) || parameter == null) {
                return List.of();
            }
            return Arrays.stream(parameter.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                    .map(p -> p.toUpperCase(Locale.ROOT)).toList();
        }

        /** Whether one of the diagnoses starts with one of a DIAGNOSES condition's prefixes. */
        public boolean metBy(List<String> diagnoses) {
            List<String> prefixes = diagnosisPrefixes();
            return diagnoses.stream().map(d -> d.toUpperCase(Locale.ROOT)).anyMatch(d -> prefixes.stream().anyMatch(d::startsWith));
        }
    }

    /**
     * Whether the entry still holds on a day on or after its begin date. The entry in force on a day is
     * the latest one begun by then; when it has ended before the day, the item is out of the catalog that
     * day (an earlier entry of the same code never comes back).
     */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !validTo.isBefore(day));
    }

    /**
     * The price ceiling at an institution of this level: the level's own where the entry states one,
     * otherwise the general one; empty when the item has no ceiling.
     *
     * @param level the institution's level; empty when the institution is not known
     */
    public Optional<Money> ceilingAt(Optional<InstitutionLevel> level) {
        return level.map(levelCeilings::get).or(() -> Optional.ofNullable(priceCeiling));
    }
}
