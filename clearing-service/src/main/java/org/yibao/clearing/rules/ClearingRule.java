package org.yibao.clearing.rules;

import org.yibao.web.config.DataFiles;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The budget rules of a region from a year on (总额预算管理).
 *
 * @param regionCode          administrative division code (a city's code covers its districts and counties)
 * @param fromYear            the first year it applies to
 * @param qualityDepositRatio share of each month's payable withheld as the quality deposit (质量保证金), 0 to 0.30
 * @param monthlyCapFactor    a month pays at most the year's allocation / 12 x this factor from a basic pooling
 *                            fund (月度拨付上限), 0.5 to 3
 */
public record ClearingRule(String regionCode, int fromYear, BigDecimal qualityDepositRatio, BigDecimal monthlyCapFactor) {

    static final BigDecimal MAX_DEPOSIT_RATIO = new BigDecimal("0.30");
    static final BigDecimal MIN_CAP_FACTOR = new BigDecimal("0.5");
    static final BigDecimal MAX_CAP_FACTOR = new BigDecimal("3");

    /** Validates a file's values, naming the file and the field of the first bad one. */
    static ClearingRule of(String file, RulesFile f) {
        if (f.region() == null || !f.region().matches("[0-9]{6}")) {
            throw DataFiles.invalid(file, "region", "must be a 6-digit administrative division code");
        }
        if (f.fromYear() == null || f.fromYear() < 2000 || f.fromYear() > 2100) {
            throw DataFiles.invalid(file, "fromYear", "must be a year from 2000 to 2100");
        }
        if (!file.equals(f.region() + "-" + f.fromYear() + ".yml")) {
            throw DataFiles.invalid(file, "(file)", "must be named <region>-<fromYear>.yml: " + f.region() + "-" + f.fromYear() + ".yml");
        }
        BigDecimal deposit = decimal(file, "qualityDepositRatio", f.qualityDepositRatio());
        if (deposit.signum() < 0 || deposit.compareTo(MAX_DEPOSIT_RATIO) > 0) {
            throw DataFiles.invalid(file, "qualityDepositRatio", "must be from 0 to " + MAX_DEPOSIT_RATIO + ": " + deposit);
        }
        BigDecimal factor = decimal(file, "monthlyCapFactor", f.monthlyCapFactor());
        if (factor.compareTo(MIN_CAP_FACTOR) < 0 || factor.compareTo(MAX_CAP_FACTOR) > 0) {
            throw DataFiles.invalid(file, "monthlyCapFactor", "must be from " + MIN_CAP_FACTOR + " to " + MAX_CAP_FACTOR + ": " + factor);
        }
        return new ClearingRule(f.region(), f.fromYear(), deposit, factor);
    }

    /** The monthly cap of a year's allocation: allocation / 12 x factor, rounded down to the fen. */
    public Money monthlyCap(Money annualAllocation) {
        return Money.rounded(annualAllocation.amount().multiply(monthlyCapFactor).divide(BigDecimal.valueOf(12), 10, RoundingMode.DOWN),
                RoundingMode.DOWN);
    }

    private static BigDecimal decimal(String file, String field, String text) {
        if (text == null) {
            throw DataFiles.invalid(file, field, "is required");
        }
        if (!text.matches("[0-9]{1,3}(\\.[0-9]{1,4})?")) {
            throw DataFiles.invalid(file, field, "must be a decimal written as text, such as \"0.05\": " + text);
        }
        return new BigDecimal(text);
    }
}
