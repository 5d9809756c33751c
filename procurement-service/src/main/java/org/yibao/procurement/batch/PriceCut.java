package org.yibao.procurement.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The price cut (降价幅度) a procurement brings: how much lower the winning price is than the previous one. */
public final class PriceCut {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PriceCut() {
    }

    /** (previous - winning) / previous, in percent with 2 decimals, half up. */
    public static BigDecimal percent(BigDecimal winning, BigDecimal previous) {
        return previous.subtract(winning).multiply(HUNDRED).divide(previous, 2, RoundingMode.HALF_UP);
    }

    /** A batch's average cut: the mean of its products' cuts (as rounded), 2 decimals, half up; zero without products. */
    public static BigDecimal average(List<BigDecimal> cuts) {
        if (cuts.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = cuts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(cuts.size()), 2, RoundingMode.HALF_UP);
    }
}
