package org.yibao.settlement.policy;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How the basic fund pays a visit at an institution outside the pack's region (异地就医).
 *
 * @param deductible      起付线 for treatment outside the region, replacing the one by level; empty
 *                        keeps the one by level
 * @param filedRatioCut   percentage points taken off the ratio when the person filed (备案)
 * @param unfiledRatioCut points taken off when the person did not file; empty means treatment
 *                        outside the region without a filing is not settled directly
 */
public record OutOfAreaRules(Optional<Money> deductible, BigDecimal filedRatioCut, Optional<BigDecimal> unfiledRatioCut) {
}
