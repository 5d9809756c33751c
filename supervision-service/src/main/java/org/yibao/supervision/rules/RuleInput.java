package org.yibao.supervision.rules;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.supervision.knowledge.Knowledge;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a rule sees: the claim, the person's other claims (not reversed) around it, the knowledge base
 * and the catalog in force on its service date, the institution's level, where institutions are,
 * and a registered death.
 *
 * @param history    the person's other claims served within the library's window before and after the claim
 * @param catalog    the catalog's entries in force on the service date, by item code, for the claim's items
 * @param levels     an institution's level as supervision registered it, by code
 * @param places     where an institution is, by code, when registered with coordinates
 */
public record RuleInput(ClaimFacts claim, List<ClaimFacts> history, Knowledge knowledge, Map<String, CatalogEntry> catalog,
                        Function<String, Optional<InstitutionLevel>> levels, Function<String, Optional<GeoPoint>> places,
                        Optional<LocalDate> dateOfDeath, Stage stage) {

    public RuleInput {
        history = List.copyOf(history);
        catalog = Map.copyOf(catalog);
    }

    /** A point on the earth, decimal degrees WGS-84. */
    public record GeoPoint(double latitude, double longitude) {

        private static final double EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

        /** Great-circle distance in kilometres (haversine formula). */
        public double kilometresTo(GeoPoint o) {
            double dLat = Math.toRadians(o.latitude - latitude);
            double dLon = Math.toRadians(o.longitude - longitude);
            double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                    * Math.cos(Math.toRadians(o.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
        }
    }

    /** Levels in order, for the rules that restrict by level: community and ungraded institutions rank with level 1. */
    public static int rank(InstitutionLevel level) {
        return switch (level) {
            case LEVEL_3 -> 3;
            case LEVEL_2 -> 2;
            default -> 1;
        };
    }

    /** The claim's institution's level, when registered. */
    public Optional<InstitutionLevel> level() {
        return levels.apply(claim.institution());
    }

    /** A line's item name: the bill's, else the catalog's in force that day; null when neither names it. */
    public String nameOf(ClaimFacts.Line line) {
        if (line.itemName() != null) {
            return line.itemName();
        }
        CatalogEntry entry = catalog.get(line.itemCode());
        return entry == null ? null : entry.name();
    }

    /** The patient's sex, from the resident id. */
    public ResidentId.Gender sex() {
        return ResidentId.of(claim.personId()).gender();
    }

    /** The patient's age in whole years on the service date, from the resident id. */
    public int age() {
        return Period.between(ResidentId.of(claim.personId()).birthDate(), claim.serviceDate()).getYears();
    }
}
