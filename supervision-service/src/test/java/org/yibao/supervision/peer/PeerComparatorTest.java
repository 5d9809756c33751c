package org.yibao.supervision.peer;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.supervision.peer.PeerComparison.Direction;
import org.yibao.supervision.peer.PeerComparison.GroupMetric;
import org.yibao.supervision.peer.PeerComparison.MetricValue;
import org.yibao.supervision.peer.PeerComparison.Outlier;
import org.yibao.supervision.peer.PeerComparison.PeerGroup;
import org.yibao.supervision.peer.PeerComparison.Standing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Peer groups, the minimum rules and the outlier list, on small groups computed by hand. */
class PeerComparatorTest {

    private final PeerComparator comparator = new PeerComparator();

    @Test
    void aHospitalBillingTwiceItsPeersCostPerStayAndOneWithFewDrugsAreListedStrongestFirst() {
        // cost per stay 1010 1020 1030 1040 1050 2060 (30 stays each): median 1035, MAD 15
        //   M(H6) = 0.6745 * (2060 - 1035) / 15 = 46.09, HIGH
        // drug share 0.3000 0.3100 0.3200 0.3300 0.3400 0.0500: median (0.31 + 0.32) / 2 = 0.315
        //   |x - 0.315| = 0.015 0.005 0.005 0.015 0.025 0.265: MAD (0.015 + 0.015) / 2 = 0.015
        //   M(H6) = 0.6745 * (0.05 - 0.315) / 0.015 = -11.92, LOW; M(H5) = 0.6745 * 0.025 / 0.015 = 1.12
        List<InstitutionFigures> hospitals = new ArrayList<>();
        String[] cost = {"1010", "1020", "1030", "1040", "1050", "2060"};
        String[] drugs = {"3000", "3100", "3200", "3300", "3400", "500"};
        for (int i = 0; i < 6; i++) {
            hospitals.add(hospital("H" + (i + 1), "410402", InstitutionLevel.LEVEL_2, 30, cost[i], drugs[i]));
        }

        PeerComparator.Result result = comparator.compare(hospitals);

        assertThat(result.groups()).singleElement().satisfies(group -> {
            assertThat(group.prefecture()).isEqualTo("410400");
            GroupMetric inpatient = metric(group, PeerMetric.INPATIENT_COST_PER_CASE);
            assertThat(inpatient.scored()).isEqualTo(6);
            assertThat(inpatient.median()).isEqualByComparingTo("1035");
            assertThat(inpatient.median().toPlainString()).as("two decimals more than the metric").isEqualTo("1035.0000");
            assertThat(inpatient.mad()).isEqualByComparingTo("15");
            assertThat(inpatient.spread()).isEqualTo(RobustScore.Spread.MAD);
            assertThat(value(group, "H5", PeerMetric.DRUG_SHARE).score()).isEqualByComparingTo("1.12");
            assertThat(value(group, "H6", PeerMetric.OUTPATIENT_COST_PER_CASE).standing()).isEqualTo(Standing.NO_CASES);
        });
        assertThat(result.outliers()).extracting(Outlier::institution, Outlier::metric, Outlier::direction)
                .containsExactly(tuple("H6", PeerMetric.INPATIENT_COST_PER_CASE, Direction.HIGH),
                        tuple("H6", PeerMetric.DRUG_SHARE, Direction.LOW));
        assertThat(result.outliers().get(0).score()).isEqualByComparingTo("46.09");
        assertThat(result.outliers().get(0).value()).isEqualByComparingTo("2060.00");
        assertThat(result.outliers().get(0).median()).isEqualByComparingTo("1035");
        assertThat(result.outliers().get(1).score()).isEqualByComparingTo("-11.92");
        assertThat(result.outliers().get(1).value()).isEqualByComparingTo("0.0500");
    }

    @Test
    void aHospitalWithFewerThanThirtyStaysIsNeitherScoredNorCountedInItsPeersMedian() {
        // H6 has 29 stays: left out. The five left: 1010 1020 1030 1040 1050, median 1030,
        // |x - 1030| = 20 10 0 10 20: MAD 10; M(H1) = 0.6745 * -20 / 10 = -1.35
        List<InstitutionFigures> hospitals = new ArrayList<>();
        String[] cost = {"1010", "1020", "1030", "1040", "1050"};
        for (int i = 0; i < 5; i++) {
            hospitals.add(hospital("H" + (i + 1), "410402", InstitutionLevel.LEVEL_2, 30, cost[i], "0"));
        }
        hospitals.add(hospital("H6", "410402", InstitutionLevel.LEVEL_2, 29, "2060", "0"));

        PeerComparator.Result result = comparator.compare(hospitals);

        PeerGroup group = result.groups().get(0);
        assertThat(metric(group, PeerMetric.INPATIENT_COST_PER_CASE).median()).isEqualByComparingTo("1030");
        assertThat(metric(group, PeerMetric.INPATIENT_COST_PER_CASE).mad()).isEqualByComparingTo("10");
        assertThat(value(group, "H1", PeerMetric.INPATIENT_COST_PER_CASE).score()).isEqualByComparingTo("-1.35");
        MetricValue few = value(group, "H6", PeerMetric.INPATIENT_COST_PER_CASE);
        assertThat(few.standing()).isEqualTo(Standing.TOO_FEW_CASES);
        assertThat(few.score()).isNull();
        assertThat(few.value()).isEqualByComparingTo("2060.00");
        assertThat(result.outliers()).isEmpty();
    }

    @Test
    void aGroupOfFourIsNotScoredHoweverFarOneLies() {
        List<InstitutionFigures> hospitals = List.of(
                hospital("H1", "410402", InstitutionLevel.LEVEL_2, 30, "1000", "0"),
                hospital("H2", "410402", InstitutionLevel.LEVEL_2, 30, "1010", "0"),
                hospital("H3", "410402", InstitutionLevel.LEVEL_2, 30, "1020", "0"),
                hospital("H4", "410402", InstitutionLevel.LEVEL_2, 30, "9000", "0"),
                // a fifth hospital of another level and one of another prefecture are not peers
                hospital("H5", "410402", InstitutionLevel.LEVEL_3, 30, "1000", "0"),
                hospital("H6", "410502", InstitutionLevel.LEVEL_2, 30, "1000", "0"));

        PeerComparator.Result result = comparator.compare(hospitals);

        assertThat(result.groups()).extracting(PeerGroup::prefecture, PeerGroup::level, g -> g.institutions().size())
                .containsExactly(tuple("410400", InstitutionLevel.LEVEL_2, 4), tuple("410400", InstitutionLevel.LEVEL_3, 1),
                        tuple("410500", InstitutionLevel.LEVEL_2, 1));
        PeerGroup four = result.groups().get(0);
        assertThat(metric(four, PeerMetric.INPATIENT_COST_PER_CASE).scored()).isEqualTo(4);
        assertThat(metric(four, PeerMetric.INPATIENT_COST_PER_CASE).median()).isNull();
        assertThat(value(four, "H4", PeerMetric.INPATIENT_COST_PER_CASE).standing()).isEqualTo(Standing.TOO_FEW_PEERS);
        assertThat(result.outliers()).isEmpty();
    }

    @Test
    void theMinimumsAreTheOnesTheAnswerStates() {
        assertThat(comparator.thresholds().minInstitutions()).isEqualTo(5);
        assertThat(comparator.thresholds().minCases()).isEqualTo(30);
        assertThat(comparator.thresholds().outlierScore()).isEqualByComparingTo("3.5");
    }

    @Test
    void ratiosAreRoundedHalfUpToTheMetricsScale() {
        // 1500.075 yuan over 3 stays = 500.025, answered 500.03; 1 readmission of 3 stays = 0.3333; 7 tests over 3 = 2.33
        InstitutionFigures figures = new InstitutionFigures("H1", "410402", InstitutionLevel.LEVEL_2, 3, 0, BigDecimal.ZERO,
                3, new BigDecimal("1500.075"), 3, 7, 3, new BigDecimal("300.00"), new BigDecimal("100.00"), 1);

        assertThat(figures.measure(PeerMetric.INPATIENT_COST_PER_CASE).value()).isEqualByComparingTo("500.03");
        assertThat(figures.measure(PeerMetric.READMISSION_RATE_30D).value()).isEqualByComparingTo("0.3333");
        assertThat(figures.measure(PeerMetric.TESTS_PER_VISIT).value()).isEqualByComparingTo("2.33");
        assertThat(figures.measure(PeerMetric.DRUG_SHARE).value()).isEqualByComparingTo("0.3333");
        assertThat(figures.measure(PeerMetric.OUTPATIENT_COST_PER_CASE).value()).isNull();
    }

    /** A hospital with stays at the cost per stay and, over 10,000 yuan of claims, this drug amount. */
    private static InstitutionFigures hospital(String code, String region, InstitutionLevel level, int stays, String costPerStay,
                                               String drugAmount) {
        BigDecimal total = new BigDecimal(costPerStay).multiply(BigDecimal.valueOf(stays));
        return new InstitutionFigures(code, region, level, stays, 0, BigDecimal.ZERO, stays, total, stays, 0, stays,
                new BigDecimal("10000"), new BigDecimal(drugAmount), 0);
    }

    private static GroupMetric metric(PeerGroup group, PeerMetric metric) {
        return group.metrics().stream().filter(m -> m.metric() == metric).findFirst().orElseThrow();
    }

    private static MetricValue value(PeerGroup group, String institution, PeerMetric metric) {
        return group.institutions().stream().filter(i -> i.institution().equals(institution)).findFirst().orElseThrow()
                .metrics().stream().filter(m -> m.metric() == metric).findFirst().orElseThrow();
    }
}
