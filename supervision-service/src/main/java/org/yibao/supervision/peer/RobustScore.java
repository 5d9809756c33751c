package org.yibao.supervision.peer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A peer group's centre and spread of one metric and each member's robust (modified) z-score,
 * after B. Iglewicz and D. C. Hoaglin, <i>How to Detect and Handle Outliers</i> (ASQC Basic
 * References in Quality Control vol. 16, 1993): {@code M = 0.6745 (x - median) / MAD}, where MAD is
 * the median of the absolute deviations from the median; {@code |M| > 3.5} is a potential outlier.
 *
 * <p>When more than half of the group has the same value, MAD is 0 and M is undefined. Then, as IBM
 * documents the modified z score (Cognos Analytics 11.1, "Modified z score"), the mean absolute
 * deviation stands in: {@code M = (x - median) / (1.253314 MeanAD)} (1.253314 = sqrt(pi/2), which
 * makes MeanAD estimate the standard deviation of a normal population). ASSUMPTION: MeanAD is taken
 * about the median, like MAD. When every value is the same, both are 0 and every score is 0.
 *
 * @param median                the group's median
 * @param mad                   median absolute deviation from the median
 * @param meanAbsoluteDeviation mean absolute deviation from the median; computed only when MAD is 0, else null
 * @param method                which spread the scores divide by
 */
record RobustScore(BigDecimal median, BigDecimal mad, BigDecimal meanAbsoluteDeviation, Spread method) {

    /** Iglewicz and Hoaglin's constant: 0.6745 is the 0.75 quantile of the standard normal, so E(MAD)/0.6745 = sigma. */
    static final BigDecimal CONSISTENCY = new BigDecimal("0.6745");
    /** sqrt(pi/2): the standard deviation over the mean absolute deviation of a normal population. */
    static final BigDecimal MEAN_AD_FACTOR = new BigDecimal("1.253314");
    /** Iglewicz and Hoaglin's recommended cut-off: |M| above it is a potential outlier. */
    static final BigDecimal OUTLIER_THRESHOLD = new BigDecimal("3.5");
    /** Scores are answered to 2 decimals; the outlier test uses the unrounded score. */
    static final int SCORE_SCALE = 2;

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** What a score divides by. */
    enum Spread {
        /** MAD > 0: M = 0.6745 (x - median) / MAD */
        MAD,
        /** MAD = 0, MeanAD > 0: M = (x - median) / (1.253314 MeanAD) */
        MEAN_ABSOLUTE_DEVIATION,
        /** every value the same: every M is 0 */
        NONE
    }

    RobustScore {
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(mad, "mad");
        Objects.requireNonNull(method, "method");
    }

    /** The centre and spread of the values (at least one). */
    static RobustScore of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a robust score needs at least one value");
        }
        BigDecimal median = median(values);
        List<BigDecimal> deviations = values.stream().map(v -> v.subtract(median).abs()).toList();
        BigDecimal mad = median(deviations);
        if (mad.signum() != 0) {
            return new RobustScore(median, mad, null, Spread.MAD);
        }
        BigDecimal meanAd = deviations.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), PRECISION);
        return new RobustScore(median, mad, meanAd, meanAd.signum() == 0 ? Spread.NONE : Spread.MEAN_ABSOLUTE_DEVIATION);
    }

    /** The unrounded modified z-score of a value. */
    BigDecimal score(BigDecimal value) {
        BigDecimal difference = value.subtract(median);
        return switch (method) {
            case MAD -> CONSISTENCY.multiply(difference).divide(mad, PRECISION);
            case MEAN_ABSOLUTE_DEVIATION -> difference.divide(MEAN_AD_FACTOR.multiply(meanAbsoluteDeviation), PRECISION);
            case NONE -> BigDecimal.ZERO;
        };
    }

    /** Whether a score marks a potential outlier: |M| > 3.5. */
    static boolean isOutlier(BigDecimal score) {
        return score.abs().compareTo(OUTLIER_THRESHOLD) > 0;
    }

    /** A score as answered: 2 decimals, half up. */
    static BigDecimal rounded(BigDecimal score) {
        return score.setScale(SCORE_SCALE, RoundingMode.HALF_UP);
    }

    /** The middle value, or the mean of the two middle values of an even count (exact: one more decimal at most). */
    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        BigDecimal sum = sorted.get(n / 2 - 1).add(sorted.get(n / 2));
        return sum.divide(BigDecimal.valueOf(2), sum.scale() + 1, RoundingMode.UNNECESSARY);
    }
}
