package org.yibao.city.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A restricted-payment condition (限定支付范围) of a synthetic catalog entry, as the bureau's restrictions
 * file states it: a kind, its parameter and the condition in the catalog's words. The simulator's own
 * calculation of a bill ({@code org.yibao.city.expect}) decides from these whether the fund may pay a
 * line; nothing here is the platform's.
 *
 * @param parameter   DIAGNOSES: ICD-10 prefixes, comma-separated ("E10,E11"); MIN_LEVEL: an institution
 *                    level (LEVEL_2); MAX_DAYS_SUPPLY: "units a day,days" ("3,30"); otherwise null
 * @param description the condition as the catalog words it ("限二级及以上医疗机构使用")
 */
public record Restriction(Kind kind, String parameter, String description) {

    /** The kinds of condition the restrictions file carries. */
    public enum Kind {
        /** Only for a bill stating one of the listed diagnoses. */
        DIAGNOSES,
        /** Only at this institution level or above. */
        MIN_LEVEL,
        /** Only for retired employees. */
        RETIREES_ONLY,
        /** Only during an inpatient stay. */
        INPATIENT_ONLY,
        /** At most so many days' supply on one bill: units a day times days. */
        MAX_DAYS_SUPPLY
    }

    public Restriction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        boolean needsParameter = kind == Kind.DIAGNOSES || kind == Kind.MIN_LEVEL || kind == Kind.MAX_DAYS_SUPPLY;
        if (needsParameter == (parameter == null)) {
            throw new IllegalArgumentException(kind + (needsParameter ? " needs a parameter" : " takes no parameter"));
        }
    }

    /** The diagnosis prefixes of a DIAGNOSES condition. */
    public List<String> diagnosisPrefixes() {
        return kind == Kind.DIAGNOSES ? Arrays.stream(parameter.split(",")).map(String::trim).toList() : List.of();
    }

    /** The most units one bill may carry under a MAX_DAYS_SUPPLY condition (units a day times days). */
    public BigDecimal maxUnits() {
        if (kind != Kind.MAX_DAYS_SUPPLY) {
            throw new IllegalStateException(kind + " states no quantity");
        }
        String[] parts = parameter.split(",");
        return new BigDecimal(parts[0].trim()).multiply(new BigDecimal(parts[1].trim()));
    }
}
