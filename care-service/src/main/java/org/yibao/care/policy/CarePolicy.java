package org.yibao.care.policy;

import org.yibao.web.config.DataFiles;

import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A region's long-term care policy from a year on (data, {@code care-policies/*.yml}): the assessment
 * scale, which care levels receive a benefit, its validity and reassessment, and what the fund pays per
 * level and setting.
 *
 * @param regionCode         a city or district code (GB/T 2260); a city's policy covers its districts
 * @param fromYear           the first year it applies to (the latest not after the month of care applies)
 * @param scale              the assessment scale's name (BARTHEL)
 * @param eligibleLevels     the care levels that receive a benefit (享受待遇的失能等级)
 * @param validityMonths     how long an approval is valid, in months (待遇有效期)
 * @param reassessmentMonths when a beneficiary is to be reassessed, in months after the approval (复评)
 * @param institution        institution care's standard (yuan a day) and the fund's ratio
 * @param home               home care's standard (yuan a month) and the fund's ratio
 */
public record CarePolicy(String regionCode, int fromYear, String scale, Set<CareLevel> eligibleLevels, int validityMonths,
                         int reassessmentMonths, Standard institution, Standard home) {

    /**
     * What the fund pays in one setting.
     *
     * @param fundRatio the fund's share of the standard (0 to 1); the person pays the rest
     * @param standard  per care level: yuan a day (institution) or yuan a month (home)
     */
    public record Standard(BigDecimal fundRatio, Map<CareLevel, Money> standard) {
        public Standard {
            standard = Map.copyOf(new EnumMap<>(standard));
        }

        public Optional<Money> of(CareLevel level) {
            return Optional.ofNullable(standard.get(level));
        }
    }

    public CarePolicy {
        eligibleLevels = Set.copyOf(eligibleLevels);
    }

    public boolean eligible(CareLevel level) {
        return eligibleLevels.contains(level);
    }

    public Standard in(CareSetting setting) {
        return setting == CareSetting.HOME ? home : institution;
    }

    /** Validates a bound policy file against the scales; every refusal names the file and the field. */
    static CarePolicy of(String file, PolicyFile f, AssessmentScales scales) {
        if (f.region() == null || !f.region().matches("[1-9][0-9]{5}")) {
            throw DataFiles.invalid(file, "region", "must be a 6-digit administrative division code");
        }
        if (f.fromYear() == null || f.fromYear() < 2000 || f.fromYear() > 2100) {
            throw DataFiles.invalid(file, "fromYear", "must be a year from 2000 to 2100");
        }
        if (!file.equals(f.region() + "-" + f.fromYear() + ".yml")) {
            throw DataFiles.invalid(file, "(file)", "must be named " + f.region() + "-" + f.fromYear() + ".yml after its region and year");
        }
        if (f.scale() == null || scales.named(f.scale()).isEmpty()) {
            throw DataFiles.invalid(file, "scale", "must name an assessment scale of care-scales/");
        }
        if (f.eligibleLevels() == null || f.eligibleLevels().isEmpty() || f.eligibleLevels().contains(null)) {
            throw DataFiles.invalid(file, "eligibleLevels", "must list the care levels that receive a benefit");
        }
        if (f.validityMonths() == null || f.validityMonths() < 1 || f.validityMonths() > 120) {
            throw DataFiles.invalid(file, "validityMonths", "must be from 1 to 120 months");
        }
        if (f.reassessmentMonths() == null || f.reassessmentMonths() < 1 || f.reassessmentMonths() > f.validityMonths()) {
            throw DataFiles.invalid(file, "reassessmentMonths", "must be from 1 month to the validity");
        }
        Set<CareLevel> eligible = Set.copyOf(f.eligibleLevels());
        if (f.institution() == null) {
            throw DataFiles.invalid(file, "institution", "is required");
        }
        if (f.home() == null) {
            throw DataFiles.invalid(file, "home", "is required");
        }
        Standard institution = standard(file, "institution", "dailyStandard", f.institution().fundRatio(),
                f.institution().dailyStandard(), eligible);
        Standard home = standard(file, "home", "monthlyStandard", f.home().fundRatio(), f.home().monthlyStandard(), eligible);
        return new CarePolicy(f.region(), f.fromYear(), f.scale(), eligible, f.validityMonths(), f.reassessmentMonths(),
                institution, home);
    }

    private static Standard standard(String file, String setting, String key, String ratioText, Map<CareLevel, Money> amounts,
                                     Set<CareLevel> eligible) {
        BigDecimal ratio = ratioText != null && ratioText.matches("[0-9](\\.[0-9]{1,4})?") ? new BigDecimal(ratioText) : null;
        if (ratio == null || ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0 || ratio.scale() > 4) {
            throw DataFiles.invalid(file, setting + ".fundRatio", "must be a ratio from 0 to 1 with at most 4 decimals");
        }
        if (amounts == null) {
            throw DataFiles.invalid(file, setting + "." + key, "is required");
        }
        for (CareLevel level : eligible) {
            Money amount = amounts.get(level);
            if (amount == null || !amount.isPositive()) {
                throw DataFiles.invalid(file, setting + "." + key + "." + level, "must be a positive amount for every eligible level");
            }
        }
        for (CareLevel level : amounts.keySet()) {
            if (!eligible.contains(level)) {
                throw DataFiles.invalid(file, setting + "." + key + "." + level, "is not an eligible level");
            }
        }
        return new Standard(ratio, amounts);
    }
}
