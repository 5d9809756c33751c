package org.yibao.clearing.budget;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scheme's year budget (年度基金预算) allocated to institutions by history (按历史数据分配): each gets the budget x its
 * share of what the fund owed all of them in the basis year, rounded down to the fen; the fen left over go one each to
 * the largest remainders (ties: the institution code), so the allocations add up to the budget exactly. Institutions
 * owed nothing (or less than nothing) in the basis year get no allocation (ASSUMPTION: a new institution's budget is
 * entered by hand).
 */
public final class BudgetAllocation {

    private BudgetAllocation() {
    }

    /** One institution's part: its basis-year owed, its share (8 decimals) and its allocation, yuan. */
    public record Part(String institutionCode, Money history, BigDecimal share, Money allocation) {
    }

    public static List<Part> byHistory(Money budget, Map<String, Money> history) {
        Map<String, Money> counted = new TreeMap<>();
        history.forEach((code, owed) -> {
            if (owed.isPositive()) {
                counted.put(code, owed);
            }
        });
        if (counted.isEmpty()) {
            return List.of();
        }
        long totalFen = counted.values().stream().mapToLong(Money::fen).sum();
        long budgetFen = budget.fen();
        Map<String, Long> fen = new LinkedHashMap<>();
        Map<String, BigDecimal> remainder = new LinkedHashMap<>();
        long given = 0;
        for (Map.Entry<String, Money> e : counted.entrySet()) {
            BigDecimal exact = BigDecimal.valueOf(budgetFen).multiply(BigDecimal.valueOf(e.getValue().fen()))
                    .divide(BigDecimal.valueOf(totalFen), 12, RoundingMode.DOWN);
            long down = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            fen.put(e.getKey(), down);
            remainder.put(e.getKey(), exact.subtract(BigDecimal.valueOf(down)));
            given += down;
        }
        List<String> byRemainder = new ArrayList<>(counted.keySet());
        byRemainder.sort(Comparator.comparing((String c) -> remainder.get(c)).reversed().thenComparing(Comparator.naturalOrder()));
        for (int i = 0; given < budgetFen; i++, given++) {
            fen.merge(byRemainder.get(i % byRemainder.size()), 1L, Long::sum);
        }
        List<Part> parts = new ArrayList<>();
        counted.forEach((code, owed) -> parts.add(new Part(code, owed,
                BigDecimal.valueOf(owed.fen()).divide(BigDecimal.valueOf(totalFen), 8, RoundingMode.HALF_UP), Money.ofFen(fen.get(code)))));
        return parts;
    }
}
