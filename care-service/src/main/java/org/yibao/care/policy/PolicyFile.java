package org.yibao.care.policy;

import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.money.Money;

import java.util.List;
import java.util.Map;

/**
 * A care policy's file ({@code care-policies/<region>-<year>.yml}) as written; {@link CarePolicy} is what
 * it means once validated.
 */
record PolicyFile(String region, Integer fromYear, String scale, List<CareLevel> eligibleLevels, Integer validityMonths,
                  Integer reassessmentMonths, Institution institution, Home home) {

    /** Institution care (机构护理): a standard in yuan a day per level, and the fund's ratio of it (a decimal written as text, "0.70"). */
    record Institution(String fundRatio, Map<CareLevel, Money> dailyStandard) {
    }

    /** Home care (居家护理): a standard in yuan a month per level, and the fund's ratio of it. */
    record Home(String fundRatio, Map<CareLevel, Money> monthlyStandard) {
    }
}
