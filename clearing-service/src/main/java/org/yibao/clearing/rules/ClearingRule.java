package org.yibao.clearing.rules;

import org.yibao.web.config.DataFiles;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget rules of a region from a year on (总额预算管理).
 *
 * @param regionCode          administrative division code (a city's code covers its districts and counties)
 * @param fromYear            the first year it applies to
 * @param qualityDepositRatio share of each month's payable withheld as the quality deposit (质量保证金), 0 to 0.30
 * @param monthlyCapFactor    a month pays at most the year's allocation / 12 x this factor from a basic pooling
 *                            fund (月度拨付上限), 0.5 to 3
 * @param surplusRetentionMinimumUse the share of the budget the year's claims must reach for any surplus to be retained
 *                            (0 to 1): an institution far under its budget was over-budgeted, not thrifty
 * @param surplusRetention    结余留用: bands of the surplus (budget − actual) by its share of the budget, each with the share
 *                            of that part the institution retains; beyond the last band nothing is retained
 * @param overspendSharing    超支分担: bands of the overspend (actual − budget) by its share of the budget, each with the share
 *                            of that part the fund bears; beyond the last band the institution bears it all
 * @param depositRelease      the quality deposit released at the year-end clearing by the institution's assessment score
 *                            (考核得分, 0 to 100): the first band whose minimum score the score reaches, highest first;
 *                            below the last, nothing is released
 */
public record ClearingRule(String regionCode, int fromYear, BigDecimal qualityDepositRatio, BigDecimal monthlyCapFactor,
                           BigDecimal surplusRetentionMinimumUse, List<Band> surplusRetention, List<Band> overspendSharing, List<ScoreBand> depositRelease) {

    public ClearingRule {
        surplusRetention = List.copyOf(surplusRetention);
        overspendSharing = List.copyOf(overspendSharing);
        depositRelease = List.copyOf(depositRelease);
    }

    /** A band: the part of the amount up to {@code upToShareOfBudget} x the budget (above the band before) at {@code share}. */
    public record Band(BigDecimal upToShareOfBudget, BigDecimal share) {
    }

    /** From {@code minScore} (inclusive), {@code releasedShare} of the deposit is released. */
    public record ScoreBand(BigDecimal minScore, BigDecimal releasedShare) {
    }

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
        BigDecimal minimumUse = decimal(file, "surplusRetentionMinimumUse", f.surplusRetentionMinimumUse());
        if (minimumUse.compareTo(BigDecimal.ONE) > 0) {
            throw DataFiles.invalid(file, "surplusRetentionMinimumUse", "must be from 0 to 1: " + minimumUse);
        }
        return new ClearingRule(f.region(), f.fromYear(), deposit, factor, minimumUse, bands(file, "surplusRetention", f.surplusRetention()),
                bands(file, "overspendSharing", f.overspendSharing()), scoreBands(file, f.depositRelease()));
    }

    private static List<Band> bands(String file, String field, List<RulesFile.BandFile> written) {
        if (written == null || written.isEmpty()) {
            throw DataFiles.invalid(file, field, "is required: at least one band");
        }
        List<Band> bands = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < written.size(); i++) {
            String at = field + "[" + i + "]";
            RulesFile.BandFile b = written.get(i);
            if (b == null) {
                throw DataFiles.invalid(file, at, "is required");
            }
            BigDecimal upTo = decimal(file, at + ".upToShareOfBudget", b.upToShareOfBudget());
            if (upTo.compareTo(previous) <= 0 || upTo.compareTo(BigDecimal.TEN) > 0) {
                throw DataFiles.invalid(file, at + ".upToShareOfBudget", "must be above the band before (" + previous + ") and at most 10: " + upTo);
            }
            BigDecimal share = decimal(file, at + ".share", b.share());
            if (share.compareTo(BigDecimal.ONE) > 0) {
                throw DataFiles.invalid(file, at + ".share", "must be from 0 to 1: " + share);
            }
            bands.add(new Band(upTo, share));
            previous = upTo;
        }
        return bands;
    }

    private static List<ScoreBand> scoreBands(String file, List<RulesFile.ScoreBandFile> written) {
        String field = "depositRelease";
        if (written == null || written.isEmpty()) {
            throw DataFiles.invalid(file, field, "is required: at least one band");
        }
        List<ScoreBand> bands = new ArrayList<>();
        BigDecimal previousScore = null;
        BigDecimal previousShare = null;
        for (int i = 0; i < written.size(); i++) {
            String at = field + "[" + i + "]";
            RulesFile.ScoreBandFile b = written.get(i);
            if (b == null) {
                throw DataFiles.invalid(file, at, "is required");
            }
            BigDecimal min = decimal(file, at + ".minScore", b.minScore());
            if (min.compareTo(BigDecimal.valueOf(100)) > 0 || (previousScore != null && min.compareTo(previousScore) >= 0)) {
                throw DataFiles.invalid(file, at + ".minScore", "must be at most 100 and below the band before (highest first): " + min);
            }
            BigDecimal share = decimal(file, at + ".releasedShare", b.releasedShare());
            if (share.compareTo(BigDecimal.ONE) > 0 || (previousShare != null && share.compareTo(previousShare) > 0)) {
                throw DataFiles.invalid(file, at + ".releasedShare", "must be from 0 to 1 and at most the band before's: " + share);
            }
            bands.add(new ScoreBand(min, share));
            previousScore = min;
            previousShare = share;
        }
        return bands;
    }

    /** The share of the deposit released for an assessment score (0 below the last band). */
    public BigDecimal releasedShare(BigDecimal score) {
        return depositRelease.stream().filter(b -> score.compareTo(b.minScore()) >= 0).map(ScoreBand::releasedShare)
                .findFirst().orElse(BigDecimal.ZERO);
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
