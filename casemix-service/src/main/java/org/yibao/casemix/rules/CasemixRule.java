package org.yibao.casemix.rules;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.web.config.DataFiles;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * A region's rules of paying inpatient stays by group from a year on: DIP (按病种分值付费) and the outliers of DRG too.
 *
 * @param pointScale            a group's points = its mean cost / the mean of all cases x this (100 or 1000 in practice)
 * @param minCasesPerGroup      the fewest history cases a core group (核心病种) needs; fewer are pooled (综合病种)
 * @param highOutlierRatio      a stay costing more than this x its group's mean is a high outlier (高倍率)
 * @param lowOutlierRatio       less than this x its group's mean: a low outlier (低倍率)
 * @param provisionalPointValue yuan per point for the monthly payment (月度预付点值) until the year's point value is known
 * @param coefficients          the institution coefficient (机构系数) per institution level
 * @param defaultMethod         how the region pays an institution's stays unless the bureau assigns it another method
 */
public record CasemixRule(String regionCode, int fromYear, BigDecimal pointScale, int minCasesPerGroup, BigDecimal highOutlierRatio,
                          BigDecimal lowOutlierRatio, BigDecimal provisionalPointValue, Map<InstitutionLevel, BigDecimal> coefficients,
                          PaymentMethod defaultMethod) {

    public CasemixRule {
        coefficients = Map.copyOf(coefficients);
    }

    /** The institution coefficient of a level (1 when the file names none for it). */
    public BigDecimal coefficient(InstitutionLevel level) {
        return level == null ? BigDecimal.ONE : coefficients.getOrDefault(level, BigDecimal.ONE);
    }

    static CasemixRule of(String file, RulesFile f) {
        if (f.region() == null || !f.region().matches("[0-9]{6}")) {
            throw DataFiles.invalid(file, "region", "must be a 6-digit administrative division code");
        }
        if (f.fromYear() == null || f.fromYear() < 2000 || f.fromYear() > 2100) {
            throw DataFiles.invalid(file, "fromYear", "must be a year from 2000 to 2100");
        }
        if (!file.equals(f.region() + "-" + f.fromYear() + ".yml")) {
            throw DataFiles.invalid(file, "(file)", "must be named <region>-<fromYear>.yml: " + f.region() + "-" + f.fromYear() + ".yml");
        }
        BigDecimal scale = decimal(file, "pointScale", f.pointScale(), "1", "10000");
        if (f.minCasesPerGroup() == null || f.minCasesPerGroup() < 1 || f.minCasesPerGroup() > 1000) {
            throw DataFiles.invalid(file, "minCasesPerGroup", "must be from 1 to 1000");
        }
        BigDecimal high = decimal(file, "highOutlierRatio", f.highOutlierRatio(), "1", "10");
        BigDecimal low = decimal(file, "lowOutlierRatio", f.lowOutlierRatio(), "0", "1");
        BigDecimal pointValue = decimal(file, "provisionalPointValue", f.provisionalPointValue(), "0.0001", "1000000");
        Map<InstitutionLevel, BigDecimal> coefficients = new EnumMap<>(InstitutionLevel.class);
        if (f.institutionCoefficients() == null || f.institutionCoefficients().isEmpty()) {
            throw DataFiles.invalid(file, "institutionCoefficients", "is required: one per institution level");
        }
        for (Map.Entry<String, String> e : f.institutionCoefficients().entrySet()) {
            InstitutionLevel level;
            try {
                level = InstitutionLevel.valueOf(e.getKey());
            } catch (IllegalArgumentException x) {
                throw DataFiles.invalid(file, "institutionCoefficients." + e.getKey(), "is not an institution level: "
                        + java.util.Arrays.toString(InstitutionLevel.values()));
            }
            coefficients.put(level, decimal(file, "institutionCoefficients." + e.getKey(), e.getValue(), "0.1", "3"));
        }
        PaymentMethod method;
        try {
            method = PaymentMethod.valueOf(java.util.Objects.requireNonNull(f.defaultMethod()));
        } catch (NullPointerException | IllegalArgumentException x) {
            throw DataFiles.invalid(file, "defaultMethod", "must be DIP or DRG" + (f.defaultMethod() == null ? "" : ": " + f.defaultMethod()));
        }
        return new CasemixRule(f.region(), f.fromYear(), scale, f.minCasesPerGroup(), high, low, pointValue, coefficients, method);
    }

    private static BigDecimal decimal(String file, String field, String text, String min, String max) {
        if (text == null) {
            throw DataFiles.invalid(file, field, "is required");
        }
        if (!text.matches("[0-9]{1,7}(\\.[0-9]{1,4})?")) {
            throw DataFiles.invalid(file, field, "must be a decimal written as text, such as \"1.5\": " + text);
        }
        BigDecimal value = new BigDecimal(text);
        if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
            throw DataFiles.invalid(file, field, "must be from " + min + " to " + max + ": " + value);
        }
        return value;
    }
}
