package org.yibao.casemix.drg;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A region's DRG weight table (DRG 相对权重表) for a year, built from its passed settlement lists discharged in the basis
 * period and grouped by the tables in force; each build is a new version, the earlier kept.
 *
 * @param weightsId   {@code <region>-<year>-drg-v<n>}
 * @param edition     the grouping tables' edition the history was grouped by
 * @param cases       the history's grouped cases (weights are computed from them)
 * @param ungroupable the history's cases in 0000 or a 歧义组, or without a cost, left out of the weights
 * @param overallMean the grouped cases' mean cost, yuan
 * @param minCases    the fewest cases a DRG needs for its own weight (the rules' minCasesPerGroup)
 * @param baseRate    the base rate (费率, yuan per weight 1.0) in force when built; cases are priced at it
 */
public record DrgWeightTable(String weightsId, String regionCode, int year, LocalDate basisFrom, LocalDate basisTo, String edition, int cases,
                             int ungroupable, BigDecimal overallMean, int minCases, BigDecimal baseRate, List<DrgWeight> weights,
                             String builtBy, Instant builtAt) {

    public DrgWeightTable {
        weights = List.copyOf(weights);
    }
}
