package org.yibao.settlement.catalog;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A restricted-payment condition (限定支付范围) of a catalog entry: the fund pays the item only where it
 * holds; elsewhere the line is self-paid, naming the condition. Source: the national catalog's
 * "限定支付范围" column (e.g. "限二级及以上医疗机构", "限住院", "限退休人员", "限 I10-I15 诊断",
 * "限 30 日用量"), written here as a kind and its parameter.
 *
 * @param description the condition in the catalog's words, shown on the line it made self-paid
 */
public record Restriction(Kind kind, String parameter, String description) {

    /** The kinds of condition and what their parameter holds. */
    public enum Kind {
        /**
         * Only for one of the listed diagnoses (ICD-10 prefixes, comma-separated: "I10,I11,I15"), among the
         * bill's own diagnoses; a bill that states none does not meet it (ASSUMPTION: as the national
         * rules read a bill, not the person's certifications).
         */
        DIAGNOSES,
        /** Only at this institution level or above (COMMUNITY < LEVEL_1 < LEVEL_2 < LEVEL_3; UNGRADED never). */
        MIN_LEVEL,
        /** Only for retired employees. */
        RETIREES_ONLY,
        /** Only during an inpatient stay. */
        INPATIENT_ONLY,
        /** At most so many days' supply on one bill, all its lines of the item together: "units a day,days" ("1,30": 30 units). */
        MAX_DAYS_SUPPLY
    }

    /** What a line's restriction is checked against. */
    public record Context(VisitType visitType, InstitutionLevel level, PersonType personType, List<String> diagnoses,
                          BigDecimal quantity) {
    }

    public Restriction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        switch (kind) {
            case DIAGNOSES -> {
                if (prefixes(parameter).isEmpty()) {
                    throw new IllegalArgumentException("a DIAGNOSES restriction needs ICD-10 prefixes");
                }
            }
            case MIN_LEVEL -> InstitutionLevel.valueOf(Objects.requireNonNull(parameter, "MIN_LEVEL needs a level"));
            case MAX_DAYS_SUPPLY -> maxQuantity(parameter);
            default -> {
            }
        }
    }

    /**
     * Whether a parameter is one settlement can apply for the kind, as the database's check on
     * catalog_restriction also requires (so a file row is refused before it is written).
     */
    public static boolean readable(Kind kind, String parameter) {
        return switch (kind) {
            case DIAGNOSES -> parameter != null
                    && parameter.matches(" *[A-Za-z][0-9]{2}[0-9A-Za-z.]* *(, *[A-Za-z][0-9]{2}[0-9A-Za-z.]* *)*");
            case MIN_LEVEL -> parameter != null && parameter.matches("COMMUNITY|LEVEL_1|LEVEL_2|LEVEL_3");
            case MAX_DAYS_SUPPLY -> parameter != null && parameter.matches(" *[0-9]{1,9}(\\.[0-9]{1,4})? *, *[0-9]{1,5} *")
                    && new BigDecimal(parameter.split(",")[0].trim()).signum() > 0 && Integer.parseInt(parameter.split(",")[1].trim()) > 0;
            case RETIREES_ONLY, INPATIENT_ONLY -> parameter == null;
        };
    }

    /** Whether the fund may pay the item in this context. */
    public boolean allows(Context c) {
        return switch (kind) {
            case DIAGNOSES -> c.diagnoses().stream().map(d -> d.toUpperCase(Locale.ROOT))
                    .anyMatch(d -> prefixes(parameter).stream().anyMatch(d::startsWith));
            case MIN_LEVEL -> c.level() != InstitutionLevel.UNGRADED
                    && rank(c.level()) >= rank(InstitutionLevel.valueOf(parameter));
            case RETIREES_ONLY -> c.personType() == PersonType.EMPLOYEE_RETIRED;
            // a delivery is a stay (分娩住院): what a stay may be paid for, it may be too
            case INPATIENT_ONLY -> c.visitType() == VisitType.INPATIENT || c.visitType() == VisitType.DELIVERY;
            case MAX_DAYS_SUPPLY -> c.quantity().compareTo(maxQuantity(parameter)) <= 0;
        };
    }

    private static int rank(InstitutionLevel level) {
        return switch (level) {
            case COMMUNITY -> 0;
            case LEVEL_1 -> 1;
            case LEVEL_2 -> 2;
            case LEVEL_3 -> 3;
            case UNGRADED -> -1;
        };
    }

    private static List<String> prefixes(String parameter) {
        return parameter == null ? List.of() : Arrays.stream(parameter.split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).map(p -> p.toUpperCase(Locale.ROOT)).toList();
    }

    private static BigDecimal maxQuantity(String parameter) {
        String[] parts = parameter == null ? new String[0] : parameter.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a MAX_DAYS_SUPPLY restriction is \"units a day,days\", was " + parameter);
        }
        BigDecimal perDay = new BigDecimal(parts[0].trim());
        BigDecimal days = new BigDecimal(parts[1].trim());
        if (perDay.signum() <= 0 || days.signum() <= 0) {
            throw new IllegalArgumentException("a MAX_DAYS_SUPPLY restriction's units and days are more than zero");
        }
        return perDay.multiply(days);
    }
}
