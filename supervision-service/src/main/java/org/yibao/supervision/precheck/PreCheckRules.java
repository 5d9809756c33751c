package org.yibao.supervision.precheck;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of the real-time pre-check that fit a single bill, as configuration.
 *
 * @param maxQuantityPerLine  a line above this quantity is excessive (过度用药/过度诊疗): WARN
 * @param femaleOnlyItems     item-code prefixes only a woman can be billed for: BLOCK for a man (串换项目)
 * @param maleOnlyItems       item-code prefixes only a man can be billed for: BLOCK for a woman
 * @param ageLimitedItems     items billable only within an age range (e.g. children's services): BLOCK outside it
 * @param diagnosisBoundItems items that must fit one of the bill's diagnoses (ICD-10 prefixes): WARN otherwise
 */
@ConfigurationProperties("yibao.supervision.precheck")
public record PreCheckRules(BigDecimal maxQuantityPerLine, List<String> femaleOnlyItems, List<String> maleOnlyItems,
                            List<AgeLimit> ageLimitedItems, List<DiagnosisBound> diagnosisBoundItems) {

    /** Items (by code prefix) for patients of {@code minAge} to {@code maxAge} years, inclusive. */
    public record AgeLimit(String prefix, int minAge, int maxAge) {
    }

    /** Items (by code prefix) that need a diagnosis starting with one of {@code diagnoses}. */
    public record DiagnosisBound(String prefix, List<String> diagnoses) {
    }

    public PreCheckRules {
        if (maxQuantityPerLine == null || maxQuantityPerLine.signum() <= 0) {
            throw new IllegalStateException("yibao.supervision.precheck.max-quantity-per-line must be a positive number");
        }
        femaleOnlyItems = femaleOnlyItems == null ? List.of() : List.copyOf(femaleOnlyItems);
        maleOnlyItems = maleOnlyItems == null ? List.of() : List.copyOf(maleOnlyItems);
        ageLimitedItems = ageLimitedItems == null ? List.of() : List.copyOf(ageLimitedItems);
        diagnosisBoundItems = diagnosisBoundItems == null ? List.of() : List.copyOf(diagnosisBoundItems);
    }
}
