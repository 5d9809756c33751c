package org.yibao.assistance.warning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yibao.contracts.events.AssistanceCategory;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Thresholds of the dual early warning and the annual assistance limits, in application.yml.
 *
 * @param lowIncomeThreshold yearly personal payment that flags a low-income person (返贫 risk)
 * @param generalThreshold   yearly personal payment that flags anyone else (致贫 risk)
 * @param incomeShare        where the household income is known, the share of it that flags instead
 * @param annualLimits       the most medical assistance pays a person in a year, by category
 */
@ConfigurationProperties("yibao.assistance")
public record WarningProperties(BigDecimal lowIncomeThreshold, BigDecimal generalThreshold, BigDecimal incomeShare,
                                Map<AssistanceCategory, BigDecimal> annualLimits) {

    public WarningProperties {
        if (lowIncomeThreshold == null || lowIncomeThreshold.signum() <= 0) {
            throw new IllegalStateException("yibao.assistance.low-income-threshold must be a positive amount");
        }
        if (generalThreshold == null || generalThreshold.signum() <= 0) {
            throw new IllegalStateException("yibao.assistance.general-threshold must be a positive amount");
        }
        if (incomeShare == null || incomeShare.signum() <= 0 || incomeShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("yibao.assistance.income-share must be a ratio above 0 and at most 1");
        }
        annualLimits = annualLimits == null ? Map.of() : Map.copyOf(new EnumMap<>(annualLimits));
    }
}
