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
        Map<List<String>, KeySum> sums = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (HistoryCase c : history) {
            String category = c.mainDiagnosis().substring(0, 3);
            sums.merge(java.util.Arrays.asList(category, c.mainProcedure()), new KeySum(category, c.mainProcedure(), 1, c.cost()),
                    (a, b) -> new KeySum(a.category(), a.procedure(), a.cases() + b.cases(), a.cost().add(b.cost())));
        }
        return fromSums(List.copyOf(sums.values()), minCases, scale);
    }

    /**
     * One key's cases of a history summed (what a database aggregates: a year of a city's stays never needs to be read
     * into memory).
     *
     * @param procedure the main procedure, or null (保守)
     * @param cost      the cases' total cost, yuan
     */
    public record KeySum(String category, String procedure, long cases, BigDecimal cost) {
    }

    /** The same table from the history's keys summed, in any order. */
    public static List<DipGroup> buildFromSums(List<KeySum> keys, int minCases, BigDecimal scale) {
        return fromSums(keys, minCases, scale);
    }

    /** The mean of all the keys' cases, yuan, HALF_UP to the fen. */
    public static BigDecimal overallMeanOfSums(List<KeySum> keys) {
        return mean(keys.stream().map(KeySum::cost).reduce(BigDecimal.ZERO, BigDecimal::add), keys.stream().mapToLong(KeySum::cases).sum());
    }

    private static List<DipGroup> fromSums(List<KeySum> keys, int minCases, BigDecimal scale) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a DIP table needs a history of at least one case");
        }
        Map<String, Map<String, KeySum>> byCategory = new TreeMap<>();
        BigDecimal all = BigDecimal.ZERO;
        long cases = 0;
        for (KeySum k : keys) {
            byCategory.computeIfAbsent(k.category(), x -> new TreeMap<>()).merge(k.procedure() == null ? CONSERVATIVE : k.procedure(), k,
                    (a, b) -> new KeySum(a.category(), a.procedure(), a.cases() + b.cases(), a.cost().add(b.cost())));
            all = all.add(k.cost());
            cases += k.cases();
        }
        BigDecimal overallMean = mean(all, cases);
        List<DipGroup> groups = new ArrayList<>();
        long catchAllCases = 0;
        BigDecimal catchAllCost = BigDecimal.ZERO;
        for (Map.Entry<String, Map<String, KeySum>> category : byCategory.entrySet()) {
            long pooledCases = 0;
            BigDecimal pooledCost = BigDecimal.ZERO;
            for (Map.Entry<String, KeySum> key : category.getValue().entrySet()) {
                KeySum k = key.getValue();
                if (k.cases() >= minCases) {
                    groups.add(group(category.getKey() + "+" + key.getKey(), category.getKey(), k.procedure(), DipGroup.Kind.CORE, k.cases(),
                            k.cost(), overallMean, scale));
                } else {
                    pooledCases += k.cases();
                    pooledCost = pooledCost.add(k.cost());
                }
            }
            if (pooledCases >= minCases) {
                groups.add(group(category.getKey() + "+综合", category.getKey(), null, DipGroup.Kind.COMPREHENSIVE, pooledCases, pooledCost,
                        overallMean, scale));
            } else {
                catchAllCases += pooledCases;
                catchAllCost = catchAllCost.add(pooledCost);
            }
        }
        if (catchAllCases > 0) {
            groups.add(group("综合", null, null, DipGroup.Kind.CATCH_ALL, catchAllCases, catchAllCost, overallMean, scale));
        }
        return List.copyOf(groups);
    }

    /** The mean of all the history's cases, yuan, HALF_UP to the fen. */
    public static BigDecimal overallMean(List<HistoryCase> history) {
        return mean(history.stream().map(HistoryCase::cost).reduce(BigDecimal.ZERO, BigDecimal::add), history.size());
    }

    private static DipGroup group(String code, String category, String procedure, DipGroup.Kind kind, long cases, BigDecimal cost,
                                  BigDecimal overallMean, BigDecimal scale) {
        if (overallMean.signum() <= 0) {
            throw new IllegalArgumentException("a DIP table needs a history whose stays cost something");
        }
        BigDecimal mean = mean(cost, cases);
        BigDecimal points = mean.multiply(scale).divide(overallMean, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
        return new DipGroup(code, category, procedure, kind, Math.toIntExact(cases), mean, points);
    }

    private static BigDecimal mean(BigDecimal sum, long n) {
        return sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }
}
