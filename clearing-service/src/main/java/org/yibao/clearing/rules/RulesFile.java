package org.yibao.clearing.rules;

import java.util.List;

/**
 * A clearing rules file ({@code clearing-rules/<region>-<year>.yml}) as written; {@link ClearingRule} is
 * what it means once validated. Ratios and scores are decimals written as text ("0.05").
 */
record RulesFile(String region, Integer fromYear, String qualityDepositRatio, String monthlyCapFactor,
                 String surplusRetentionMinimumUse, List<BandFile> surplusRetention, List<BandFile> overspendSharing,
                 List<ScoreBandFile> depositRelease) {

    /** A band of the surplus or overspend: up to this share of the budget, this share of it is retained / borne by the fund. */
    record BandFile(String upToShareOfBudget, String share) {
    }

    /** From this assessment score (inclusive), this share of the year's deposit is released. */
    record ScoreBandFile(String minScore, String releasedShare) {
    }
}
