package org.yibao.casemix.drg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a region's DRG relative weights from its own history (CHS-DRG 分组与付费技术规范: a DRG's weight = its cases' mean
 * cost / the mean cost of all cases), reproducibly: the same cases give the same weights in any order. A DRG with fewer
 * than {@code minCases} cases takes its ADRG's pooled weight (all the ADRG's cases' mean / the overall mean; ASSUMPTION:
 * too few cases give no stable mean of their own, and the ADRG is the nearest group of like cases). Means HALF_UP to the
 * fen, weights HALF_UP to 4 decimals. Cases in 0000 or a 歧义组 are left out (the caller passes grouped cases only).
 */
public final class DrgWeights {

    private DrgWeights() {
    }

    /** One grouped case of the history: its DRG and ADRG and its total cost, yuan. */
    public record WeightCase(String drg, String adrg, BigDecimal cost) {
    }

    public static List<DrgWeight> build(List<WeightCase> history, int minCases) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a DRG weight table needs a history of at least one grouped case");
        }
        Map<String, List<BigDecimal>> byDrg = new TreeMap<>();
        Map<String, String> adrgOf = new TreeMap<>();
        Map<String, List<BigDecimal>> byAdrg = new TreeMap<>();
        for (WeightCase c : history) {
            byDrg.computeIfAbsent(c.drg(), k -> new ArrayList<>()).add(c.cost());
            adrgOf.put(c.drg(), c.adrg());
            byAdrg.computeIfAbsent(c.adrg(), k -> new ArrayList<>()).add(c.cost());
        }
        BigDecimal overall = overallMean(history);
        List<DrgWeight> weights = new ArrayList<>();
        for (Map.Entry<String, List<BigDecimal>> e : byDrg.entrySet()) {
            String adrg = adrgOf.get(e.getKey());
            boolean own = e.getValue().size() >= minCases;
            BigDecimal mean = mean(own ? e.getValue() : byAdrg.get(adrg));
            weights.add(new DrgWeight(e.getKey(), adrg, e.getValue().size(), own ? DrgWeight.Basis.DRG : DrgWeight.Basis.ADRG, mean,
                    mean.divide(overall, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP)));
        }
        return List.copyOf(weights);
    }

    /** The mean cost of the history's grouped cases, yuan, HALF_UP to the fen. */
    public static BigDecimal overallMean(List<WeightCase> history) {
        return mean(history.stream().map(WeightCase::cost).toList());
    }

    private static BigDecimal mean(List<BigDecimal> costs) {
        return costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(costs.size()), 2, RoundingMode.HALF_UP);
    }
}
