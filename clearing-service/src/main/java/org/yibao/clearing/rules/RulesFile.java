package org.yibao.clearing.rules;

/**
 * A clearing rules file ({@code clearing-rules/<region>-<year>.yml}) as written; {@link ClearingRule} is
 * what it means once validated. Ratios are decimals written as text ("0.05").
 */
record RulesFile(String region, Integer fromYear, String qualityDepositRatio, String monthlyCapFactor) {
}
