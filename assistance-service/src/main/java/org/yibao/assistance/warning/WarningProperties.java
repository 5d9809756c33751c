package org.yibao.assistance.warning;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * Thresholds of the dual early warning, in application.yml. (The annual assistance limits are the
 * policy packs' and arrive with each ClaimSettled; they are not configured here.)
 *
 * @param lowIncomeThreshold yearly personal payment that flags a low-income person (返贫 risk)
 * @param generalThreshold   yearly personal payment that flags anyone else (致贫 risk)
 * @param incomeShare        where the household income is known, the share of it that flags instead
 */
@ConfigurationProperties("yibao.assistance")
public record WarningProperties(BigDecimal lowIncomeThreshold, BigDecimal generalThreshold, BigDecimal incomeShare) {

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
    }
}
