package org.yibao.supervision.peer;

import org.yibao.contracts.events.InstitutionLevel;

import java.math.BigDecimal;
import java.util.List;

/**
 * Hospitals compared with their peers (大数据监管: 同级别同地区比较) over a period: per peer group
 * (a prefecture and a level), each hospital's metrics with its robust z-score, the group's median and
 * spread per metric, and every outlier for inspection, strongest first. docs/peer-comparison.md.
 *
 * @param month      1 to 12, or null for the whole year
 * @param regionCode the region asked for (its prefecture's groups are answered), or null for all
 * @param outliers   |score| above the threshold, by |score| descending
 */
public record PeerComparison(int year, Integer month, String regionCode, Thresholds thresholds, List<PeerGroup> groups,
                             List<Outlier> outliers) {

    /**
     * The rules the comparison applied.
     *
     * @param minInstitutions a metric is scored in a group only when at least this many of its hospitals have enough cases
     * @param minCases        a hospital's metric is scored only when it rests on at least this many claims (stays)
     * @param outlierScore    |M| above it is an outlier (Iglewicz and Hoaglin)
     * @param consistency     M = consistency (x - median) / MAD
     * @param meanAdFactor    when MAD is 0: M = (x - median) / (meanAdFactor MeanAD)
     */
    public record Thresholds(int minInstitutions, int minCases, BigDecimal outlierScore, BigDecimal consistency,
                             BigDecimal meanAdFactor) {
    }

    /**
     * Hospitals of one prefecture and level with claims in the period.
     *
     * @param prefecture the region code's first four digits and "00"
     */
    public record PeerGroup(String prefecture, InstitutionLevel level, List<GroupMetric> metrics,
                            List<InstitutionComparison> institutions) {
    }

    /**
     * A metric's centre and spread in a group.
     *
     * @param scored                hospitals with enough cases; the statistics are over them
     * @param median                null when fewer than the minimum of hospitals are scored
     * @param mad                   median absolute deviation from the median; null likewise
     * @param meanAbsoluteDeviation mean absolute deviation from the median, only when MAD is 0
     * @param spread                what the scores divide by; null when not scored
     */
    public record GroupMetric(PeerMetric metric, int scored, BigDecimal median, BigDecimal mad,
                              BigDecimal meanAbsoluteDeviation, RobustScore.Spread spread) {
    }

    /**
     * One hospital's metrics.
     *
     * @param cases all its claims in the period
     */
    public record InstitutionComparison(String institution, String regionCode, long cases, List<MetricValue> metrics) {
    }

    /**
     * @param value  null when the hospital has no case of the metric
     * @param cases  the claims (stays) the value rests on
     * @param score  the robust z-score, 2 decimals; null unless {@code standing} is SCORED
     */
    public record MetricValue(PeerMetric metric, BigDecimal value, long cases, BigDecimal score, Standing standing) {
    }

    /** Whether a hospital's metric was scored, and if not why. */
    public enum Standing {
        SCORED,
        /** no claim (stay) of the metric, or a zero total */
        NO_CASES,
        /** fewer cases than the minimum: too few to compare */
        TOO_FEW_CASES,
        /** the group has fewer hospitals with enough cases than the minimum */
        TOO_FEW_PEERS
    }

    /** An outlier for inspection: a hospital's metric far from its peers' median. */
    public record Outlier(String institution, String prefecture, InstitutionLevel level, PeerMetric metric, BigDecimal value,
                         BigDecimal median, BigDecimal score, Direction direction) {
    }

    /** Above (HIGH) or below (LOW) the group's median. */
    public enum Direction { HIGH, LOW }
}
