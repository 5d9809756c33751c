package org.yibao.casemix.dip;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a region's DIP groups from its own history (按病种分值付费 technical specification, NHSA 2020: groups found from
 * the region's settlement lists, not hand-entered), reproducibly: the same cases give the same groups and points in any
 * order. A case's key is its main diagnosis's category (ICD-10 类目, three characters) with its main procedure (or 保守 without
 * one). A key with at least {@code minCases} cases is a core group; the others of a category are pooled into the category's
 * comprehensive group if those reach {@code minCases} together, else into the catch-all. Each group's points = its mean cost /
 * the mean cost of all cases x {@code scale}, HALF_UP to 4 decimals (the means HALF_UP to the fen).
 */
public final class DipTableBuilder {

    private static final String CONSERVATIVE = "保守";

    private DipTableBuilder() {
    }

    public static List<DipGroup> build(List<HistoryCase> history, int minCases, BigDecimal scale) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a DIP table needs a history of at least one case");
        }
        Map<String, Map<String, List<BigDecimal>>> byCategory = new TreeMap<>();
        BigDecimal all = BigDecimal.ZERO;
        for (HistoryCase c : history) {
            String category = c.mainDiagnosis().substring(0, 3);
            String procedure = c.mainProcedure() == null ? CONSERVATIVE : c.mainProcedure();
            byCategory.computeIfAbsent(category, k -> new TreeMap<>()).computeIfAbsent(procedure, k -> new ArrayList<>()).add(c.cost());
            all = all.add(c.cost());
        }
        BigDecimal overallMean = mean(all, history.size());
        List<DipGroup> groups = new ArrayList<>();
        List<BigDecimal> catchAll = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<BigDecimal>>> category : byCategory.entrySet()) {
            List<BigDecimal> pooled = new ArrayList<>();
            for (Map.Entry<String, List<BigDecimal>> key : category.getValue().entrySet()) {
                List<BigDecimal> costs = key.getValue();
                if (costs.size() >= minCases) {
                    groups.add(group(category.getKey() + "+" + key.getKey(), category.getKey(),
                            key.getKey().equals(CONSERVATIVE) ? null : key.getKey(), DipGroup.Kind.CORE, costs, overallMean, scale));
                } else {
                    pooled.addAll(costs);
                }
            }
            if (pooled.size() >= minCases) {
                groups.add(group(category.getKey() + "+综合", category.getKey(), null, DipGroup.Kind.COMPREHENSIVE, pooled, overallMean, scale));
            } else {
                catchAll.addAll(pooled);
            }
        }
        if (!catchAll.isEmpty()) {
            groups.add(group("综合", null, null, DipGroup.Kind.CATCH_ALL, catchAll, overallMean, scale));
        }
        return List.copyOf(groups);
    }

    /** The mean of all the history's cases, yuan, HALF_UP to the fen. */
    public static BigDecimal overallMean(List<HistoryCase> history) {
        return mean(history.stream().map(HistoryCase::cost).reduce(BigDecimal.ZERO, BigDecimal::add), history.size());
    }

    private static DipGroup group(String code, String category, String procedure, DipGroup.Kind kind, List<BigDecimal> costs,
                                  BigDecimal overallMean, BigDecimal scale) {
        BigDecimal mean = mean(costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add), costs.size());
        BigDecimal points = mean.multiply(scale).divide(overallMean, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
        return new DipGroup(code, category, procedure, kind, costs.size(), mean, points);
    }

    private static BigDecimal mean(BigDecimal sum, int n) {
        return sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }
}
