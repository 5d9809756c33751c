package org.yibao.casemix.drg;

import org.junit.jupiter.api.Test;
import org.yibao.casemix.drg.DrgWeights.WeightCase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relative weights from a fixed history, by hand. */
class DrgWeightsTest {

    /**
     * GD25: 8,000, 10,000, 12,000 (mean 10,000.00); GD21: one case of 20,000 (fewer than 3: its ADRG GD2 pooled, 50,000 / 4 =
     * 12,500.00); ES35: 4,000, 5,000, 6,000 (5,000.00). All: 65,000 / 7 = 9,285.71. Weights: 10,000 / 9,285.71 = 1.0769;
     * 12,500 / 9,285.71 = 1.3462; 5,000 / 9,285.71 = 0.5385.
     */
    private static final List<WeightCase> HISTORY = List.of(
            c("GD25", "GD2", "8000.00"), c("GD25", "GD2", "10000.00"), c("GD25", "GD2", "12000.00"), c("GD21", "GD2", "20000.00"),
            c("ES35", "ES3", "4000.00"), c("ES35", "ES3", "5000.00"), c("ES35", "ES3", "6000.00"));

    @Test
    void weightsAreMeanCostsOverTheOverallMeanAndFewCasesTakeTheirAdrgs() {
        List<DrgWeight> weights = DrgWeights.build(HISTORY, 3);

        assertThat(DrgWeights.overallMean(HISTORY)).isEqualByComparingTo("9285.71");
        assertThat(weights).containsExactly(
                new DrgWeight("ES35", "ES3", 3, DrgWeight.Basis.DRG, new BigDecimal("5000.00"), new BigDecimal("0.5385")),
                new DrgWeight("GD21", "GD2", 1, DrgWeight.Basis.ADRG, new BigDecimal("12500.00"), new BigDecimal("1.3462")),
                new DrgWeight("GD25", "GD2", 3, DrgWeight.Basis.DRG, new BigDecimal("10000.00"), new BigDecimal("1.0769")));
    }

    @Test
    void theSameHistoryInAnyOrderGivesTheSameWeights() {
        List<DrgWeight> first = DrgWeights.build(HISTORY, 3);
        Random random = new Random(24);
        for (int i = 0; i < 20; i++) {
            List<WeightCase> shuffled = new ArrayList<>(HISTORY);
            Collections.shuffle(shuffled, random);
            assertThat(DrgWeights.build(shuffled, 3)).isEqualTo(first);
        }
        // with a minimum of 1 every DRG has its own weight: GD21 20,000 / 9,285.71 = 2.1538
        assertThat(DrgWeights.build(HISTORY, 1).get(1).weight()).isEqualByComparingTo("2.1538");
        assertThatThrownBy(() -> DrgWeights.build(List.of(), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static WeightCase c(String drg, String adrg, String cost) {
        return new WeightCase(drg, adrg, new BigDecimal(cost));
    }
}
