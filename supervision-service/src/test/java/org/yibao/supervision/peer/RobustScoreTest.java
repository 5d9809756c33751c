package org.yibao.supervision.peer;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Median, MAD and the modified z-score of Iglewicz and Hoaglin, each checked against a hand computation. */
class RobustScoreTest {

    @Test
    void anOddGroupsMedianIsItsMiddleValueAndMadTheMiddleDeviation() {
        // 100 110 120 130 300: median 120
        // |x - 120| = 20 10 0 10 180, sorted 0 10 10 20 180: MAD = 10
        RobustScore robust = RobustScore.of(values("100", "110", "120", "130", "300"));

        assertThat(robust.median()).isEqualByComparingTo("120");
        assertThat(robust.mad()).isEqualByComparingTo("10");
        assertThat(robust.method()).isEqualTo(RobustScore.Spread.MAD);
        assertThat(robust.meanAbsoluteDeviation()).isNull();
        // M(300) = 0.6745 * 180 / 10 = 12.141
        assertThat(robust.score(new BigDecimal("300"))).isEqualByComparingTo("12.141");
        // M(100) = 0.6745 * -20 / 10 = -1.349, answered -1.35
        assertThat(RobustScore.rounded(robust.score(new BigDecimal("100")))).isEqualByComparingTo("-1.35");
        // M(130) = 0.6745 * 10 / 10 = 0.6745, answered 0.67 (half up at the third decimal: 4 goes down)
        assertThat(RobustScore.rounded(robust.score(new BigDecimal("130")))).isEqualByComparingTo("0.67");
        assertThat(RobustScore.isOutlier(robust.score(new BigDecimal("300")))).isTrue();
        assertThat(RobustScore.isOutlier(robust.score(new BigDecimal("100")))).isFalse();
    }

    @Test
    void anEvenGroupsMedianIsTheMeanOfItsTwoMiddleValues() {
        // 1010 1020 1030 1040 1050 2060: median (1030 + 1040) / 2 = 1035
        // |x - 1035| = 25 15 5 5 15 1025, sorted 5 5 15 15 25 1025: MAD = (15 + 15) / 2 = 15
        RobustScore robust = RobustScore.of(values("1040.00", "2060.00", "1010.00", "1030.00", "1050.00", "1020.00"));

        assertThat(robust.median()).isEqualByComparingTo("1035");
        assertThat(robust.mad()).isEqualByComparingTo("15");
        // M(2060) = 0.6745 * 1025 / 15 = 691.3625 / 15 = 46.0908..., answered 46.09
        assertThat(RobustScore.rounded(robust.score(new BigDecimal("2060.00")))).isEqualByComparingTo("46.09");
        // M(1010) = 0.6745 * -25 / 15 = -1.1241..., answered -1.12
        assertThat(RobustScore.rounded(robust.score(new BigDecimal("1010.00")))).isEqualByComparingTo("-1.12");
        // an exact half: (0.31 + 0.32) / 2 = 0.315, not rounded to 0.32
        assertThat(RobustScore.median(values("0.30", "0.31", "0.32", "0.33"))).isEqualByComparingTo("0.315");
    }

    @Test
    void whenMoreThanHalfTheGroupIsTheSameMadIsZeroAndTheMeanAbsoluteDeviationStandsIn() {
        // 5 5 5 5 5 9: median 5; |x - 5| = 0 0 0 0 0 4: MAD = 0, so 0.6745 (x - 5) / MAD is undefined
        // MeanAD = (0 + 0 + 0 + 0 + 0 + 4) / 6 = 0.666667
        RobustScore robust = RobustScore.of(values("5", "5", "5", "9", "5", "5"));

        assertThat(robust.mad()).isEqualByComparingTo("0");
        assertThat(robust.method()).isEqualTo(RobustScore.Spread.MEAN_ABSOLUTE_DEVIATION);
        assertThat(robust.meanAbsoluteDeviation()).isBetween(new BigDecimal("0.666666"), new BigDecimal("0.666667"));
        // M(9) = (9 - 5) / (1.253314 * 0.666667) = 4 / 0.8355427 = 4.78731, answered 4.79: an outlier
        BigDecimal nine = robust.score(new BigDecimal("9"));
        assertThat(nine).isBetween(new BigDecimal("4.78730"), new BigDecimal("4.78732"));
        assertThat(RobustScore.rounded(nine)).isEqualByComparingTo("4.79");
        assertThat(RobustScore.isOutlier(nine)).isTrue();
        assertThat(robust.score(new BigDecimal("5"))).isEqualByComparingTo("0");
    }

    @Test
    void aFallbackScoreBelowTheThresholdIsNoOutlier() {
        // 0.10 0.30 0.30 0.30 0.30 0.50: median 0.30; |x - 0.30| = 0.20 0 0 0 0 0.20: MAD = 0
        // MeanAD = 0.40 / 6 = 0.0666667; M(0.50) = 0.20 / (1.253314 * 0.0666667) = 0.20 / 0.0835543 = 2.39
        RobustScore robust = RobustScore.of(values("0.10", "0.30", "0.30", "0.30", "0.30", "0.50"));

        BigDecimal high = robust.score(new BigDecimal("0.50"));
        assertThat(RobustScore.rounded(high)).isEqualByComparingTo("2.39");
        assertThat(RobustScore.rounded(robust.score(new BigDecimal("0.10")))).isEqualByComparingTo("-2.39");
        assertThat(RobustScore.isOutlier(high)).isFalse();
    }

    @Test
    void aGroupWithoutAnySpreadScoresEveryoneZero() {
        RobustScore robust = RobustScore.of(values("7.00", "7.00", "7.00", "7.00", "7.00"));

        assertThat(robust.method()).isEqualTo(RobustScore.Spread.NONE);
        assertThat(robust.meanAbsoluteDeviation()).isEqualByComparingTo("0");
        assertThat(robust.score(new BigDecimal("7.00"))).isEqualByComparingTo("0");
    }

    @Test
    void theThresholdIsStrictlyAboveThreePointFiveEitherWay() {
        assertThat(RobustScore.isOutlier(new BigDecimal("3.5"))).isFalse();
        assertThat(RobustScore.isOutlier(new BigDecimal("3.5001"))).isTrue();
        assertThat(RobustScore.isOutlier(new BigDecimal("-3.5001"))).isTrue();
        assertThatThrownBy(() -> RobustScore.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BigDecimal> values(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
