package org.yibao.supervision.peer;

import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.supervision.peer.PeerComparison.Direction;
import org.yibao.supervision.peer.PeerComparison.GroupMetric;
import org.yibao.supervision.peer.PeerComparison.InstitutionComparison;
import org.yibao.supervision.peer.PeerComparison.MetricValue;
import org.yibao.supervision.peer.PeerComparison.Outlier;
import org.yibao.supervision.peer.PeerComparison.PeerGroup;
import org.yibao.supervision.peer.PeerComparison.Standing;
import org.yibao.supervision.peer.PeerComparison.Thresholds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparison itself, pure: groups hospitals by prefecture and level, scores each metric of each
 * hospital that has enough cases against the group's median with {@link RobustScore}, and lists the
 * outliers. Knows nothing of SQL or HTTP.
 */
final class PeerComparator {

    /**
     * ASSUMPTION: five peers at least. Below that the median and MAD of a group say little (with three
     * values one outlier already moves the median) and the bureau's level-and-region groups are often
     * small; five keeps most prefecture-level groups of level-2 hospitals scored.
     */
    static final int MIN_INSTITUTIONS = 5;
    /** ASSUMPTION: thirty cases at least, the usual rule of thumb below which a hospital's average is mostly noise. */
    static final int MIN_CASES = 30;

    private final int minInstitutions;
    private final int minCases;

    PeerComparator() {
        this(MIN_INSTITUTIONS, MIN_CASES);
    }

    PeerComparator(int minInstitutions, int minCases) {
        if (minInstitutions < 1 || minCases < 1) {
            throw new IllegalArgumentException("the minimums are at least 1");
        }
        this.minInstitutions = minInstitutions;
        this.minCases = minCases;
    }

    Thresholds thresholds() {
        return new Thresholds(minInstitutions, minCases, RobustScore.OUTLIER_THRESHOLD, RobustScore.CONSISTENCY,
                RobustScore.MEAN_AD_FACTOR);
    }

    /** The groups, by prefecture then level, and the outliers by |score| descending. */
    Result compare(List<InstitutionFigures> hospitals) {
        Map<String, Map<InstitutionLevel, List<InstitutionFigures>>> grouped = new TreeMap<>();
        for (InstitutionFigures hospital : hospitals) {
            grouped.computeIfAbsent(hospital.prefecture(), p -> new EnumMap<>(InstitutionLevel.class))
                    .computeIfAbsent(hospital.level(), l -> new ArrayList<>()).add(hospital);
        }
        List<PeerGroup> groups = new ArrayList<>();
        List<Scored> outliers = new ArrayList<>();
        grouped.forEach((prefecture, byLevel) -> byLevel.forEach((level, members) ->
                groups.add(group(prefecture, level, members, outliers))));
        outliers.sort(Comparator.comparing((Scored s) -> s.score().abs()).reversed()
                .thenComparing(s -> s.outlier().institution()).thenComparing(s -> s.outlier().metric()));
        return new Result(groups, outliers.stream().map(Scored::outlier).toList());
    }

    /** The groups and the outliers. */
    record Result(List<PeerGroup> groups, List<Outlier> outliers) {
    }

    private record Scored(Outlier outlier, BigDecimal score) {
    }

    private PeerGroup group(String prefecture, InstitutionLevel level, List<InstitutionFigures> members, List<Scored> outliers) {
        List<InstitutionFigures> ordered = members.stream().sorted(Comparator.comparing(InstitutionFigures::institution)).toList();
        List<GroupMetric> metrics = new ArrayList<>();
        Map<String, List<MetricValue>> values = new TreeMap<>();
        for (PeerMetric metric : PeerMetric.values()) {
            List<InstitutionFigures.Measured> measured = ordered.stream().map(m -> m.measure(metric)).toList();
            List<BigDecimal> eligible = measured.stream().filter(this::enoughCases).map(InstitutionFigures.Measured::value).toList();
            RobustScore robust = eligible.size() >= minInstitutions ? RobustScore.of(eligible) : null;
            metrics.add(robust == null
                    ? new GroupMetric(metric, eligible.size(), null, null, null, null)
                    : new GroupMetric(metric, eligible.size(), answered(metric, robust.median()), answered(metric, robust.mad()),
                    robust.meanAbsoluteDeviation() == null ? null : answered(metric, robust.meanAbsoluteDeviation()),
                    robust.method()));
            for (int i = 0; i < ordered.size(); i++) {
                InstitutionFigures hospital = ordered.get(i);
                InstitutionFigures.Measured m = measured.get(i);
                values.computeIfAbsent(hospital.institution(), k -> new ArrayList<>())
                        .add(value(hospital, prefecture, level, metric, m, robust, outliers));
            }
        }
        List<InstitutionComparison> institutions = ordered.stream()
                .map(h -> new InstitutionComparison(h.institution(), h.regionCode(), h.claims(), values.get(h.institution())))
                .toList();
        return new PeerGroup(prefecture, level, metrics, institutions);
    }

    private MetricValue value(InstitutionFigures hospital, String prefecture, InstitutionLevel level, PeerMetric metric,
                              InstitutionFigures.Measured measured, RobustScore robust, List<Scored> outliers) {
        if (measured.value() == null) {
            return new MetricValue(metric, null, measured.cases(), null, Standing.NO_CASES);
        }
        if (!enoughCases(measured)) {
            return new MetricValue(metric, measured.value(), measured.cases(), null, Standing.TOO_FEW_CASES);
        }
        if (robust == null) {
            return new MetricValue(metric, measured.value(), measured.cases(), null, Standing.TOO_FEW_PEERS);
        }
        BigDecimal score = robust.score(measured.value());
        if (RobustScore.isOutlier(score)) {
            outliers.add(new Scored(new Outlier(hospital.institution(), prefecture, level, metric, measured.value(),
                    answered(metric, robust.median()), RobustScore.rounded(score), score.signum() > 0 ? Direction.HIGH : Direction.LOW), score));
        }
        return new MetricValue(metric, measured.value(), measured.cases(), RobustScore.rounded(score), Standing.SCORED);
    }

    /**
     * A group statistic as answered: two decimals more than the metric, half up. The median (one more at
     * most) and MAD (two more at most) are exact at that scale; only MeanAD is rounded.
     */
    private static BigDecimal answered(PeerMetric metric, BigDecimal statistic) {
        return statistic.setScale(metric.scale() + 2, RoundingMode.HALF_UP);
    }

    private boolean enoughCases(InstitutionFigures.Measured measured) {
        return measured.value() != null && measured.cases() >= minCases;
    }
}
