package org.yibao.casemix.dip;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A DIP table from a fixed history, by hand, and the same on every run and in any order of the history. */
class DipTableBuilderTest {

    private static final BigDecimal SCALE = new BigDecimal("100");

    /**
     * Ten stays, at least 3 a core group: K35 with 47.0100 three times (9,000, 10,000, 11,000: mean 10,000.00); J18 without a
     * procedure four times (5,000 each); K35 without a procedure once (4,000) and I63 twice (12,000, 14,000) — too few even
     * by category: the catch-all (30,000 / 3 = 10,000.00). All: 80,000 / 10 = 8,000.00. Points: 10,000 / 8,000 x 100 =
     * 125.0000, 62.5000, 125.0000.
     */
    static List<HistoryCase> history() {
        List<HistoryCase> h = new ArrayList<>();
        for (String cost : List.of("9000", "10000", "11000")) {
            h.add(new HistoryCase("K35.800", "47.0100", new BigDecimal(cost)));
        }
        for (int i = 0; i < 4; i++) {
            h.add(new HistoryCase("J18.900", null, new BigDecimal("5000")));
        }
        h.add(new HistoryCase("K35.900", null, new BigDecimal("4000")));
        h.add(new HistoryCase("I63.900", null, new BigDecimal("12000")));
        h.add(new HistoryCase("I63.900", null, new BigDecimal("14000")));
        return h;
    }

    @Test
    void coreGroupsAndTheCatchAllByHand() {
        List<DipGroup> table = DipTableBuilder.build(history(), 3, SCALE);

        assertThat(table).extracting(DipGroup::code).containsExactly("J18+保守", "K35+47.0100", "综合");
        assertThat(table).extracting(DipGroup::points).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("62.5"), new BigDecimal("125"), new BigDecimal("125"));
        assertThat(table).extracting(DipGroup::cases).containsExactly(4, 3, 3);
        assertThat(DipTableBuilder.overallMean(history())).isEqualByComparingTo("8000.00");
        // a stay of a key the table lacks falls in the catch-all, and says why
        DipGrouper.Grouped g = DipGrouper.group(table, "K35.800", "47.0900").orElseThrow();
        assertThat(g.group().code()).isEqualTo("综合");
        assertThat(g.trace()).anyMatch(s -> s.contains("no core group K35+47.0900"));
    }

    @Test
    void aCategorysFewCasesTogetherMakeItsComprehensiveGroup() {
        // two more K35 stays with 47.0900 (8,000 each): K35's stays outside its core group are 4,000 + 8,000 + 8,000, three:
        // the comprehensive group K35+综合, mean 6,666.67; all 12 stays: 96,000 / 12 = 8,000.00; points 83.3334
        List<HistoryCase> h = new ArrayList<>(history());
        h.add(new HistoryCase("K35.800", "47.0900", new BigDecimal("8000")));
        h.add(new HistoryCase("K35.800", "47.0900", new BigDecimal("8000")));

        List<DipGroup> table = DipTableBuilder.build(h, 3, SCALE);

        DipGroup comprehensive = table.stream().filter(g -> g.code().equals("K35+综合")).findFirst().orElseThrow();
        assertThat(comprehensive.kind()).isEqualTo(DipGroup.Kind.COMPREHENSIVE);
        assertThat(comprehensive.meanCost()).isEqualByComparingTo("6666.67");
        assertThat(comprehensive.points()).isEqualByComparingTo("83.3334");
        assertThat(DipGrouper.group(table, "K35.800", "47.0900").orElseThrow().group().code()).isEqualTo("K35+综合");
    }

    @Test
    void theHistorySummedByKeyAsTheDatabaseSumsItGivesTheSameTable() {
        List<DipTableBuilder.KeySum> sums = List.of(
                new DipTableBuilder.KeySum("I63", null, 2, new BigDecimal("26000")),
                new DipTableBuilder.KeySum("K35", "47.0100", 3, new BigDecimal("30000")),
                new DipTableBuilder.KeySum("J18", null, 4, new BigDecimal("20000")),
                new DipTableBuilder.KeySum("K35", null, 1, new BigDecimal("4000")));

        assertThat(DipTableBuilder.buildFromSums(sums, 3, SCALE)).isEqualTo(DipTableBuilder.build(history(), 3, SCALE));
        assertThat(DipTableBuilder.overallMeanOfSums(sums)).isEqualByComparingTo("8000.00");
    }

    @Test
    void theSameHistoryGivesTheSameTableOnEveryRunInAnyOrder() {
        List<DipGroup> first = DipTableBuilder.build(history(), 3, SCALE);
        for (long seed = 0; seed < 20; seed++) {
            List<HistoryCase> shuffled = new ArrayList<>(history());
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(DipTableBuilder.build(shuffled, 3, SCALE)).isEqualTo(first);
        }
    }
}
