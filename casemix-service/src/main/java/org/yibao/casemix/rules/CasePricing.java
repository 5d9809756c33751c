package org.yibao.casemix.rules;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * The steps DIP and DRG price a stay by, pure, each appending its line to the trace (DipPayment and DrgPayment name their
 * units: points at a point value, or a weight at a base rate):
 *
 * <ol>
 * <li>the cost ratio = the stay's total cost / its group's mean cost, HALF_UP to 4 decimals;</li>
 * <li>its units: the group's for a normal stay; above the rules' high-outlier ratio (高倍率) the group's x (ratio −
 *     threshold + 1); below the low-outlier ratio (低倍率) the group's x ratio — HALF_UP to 4 decimals; the thresholds
 *     themselves are within (ASSUMPTION: the formulas common in regions' DIP and DRG rules);</li>
 * <li>the payment standard = units x rate x the institution's coefficient (机构系数), HALF_UP to the fen;</li>
 * <li>the fund's payment = the standard − what others paid of the bill (the person and the other funds), never below zero
 *     (ASSUMPTION: the group prices the whole stay; the basic pooling fund pays what the others did not);</li>
 * <li>against what the basic pooling fund paid item by item: the hospital's gain (结余, positive) or loss (超支, negative).</li>
 * </ol>
 */
public final class CasePricing {

    private CasePricing() {
    }

    /** Whether a stay is priced as its group or as an outlier. */
    public enum Kind {
        NORMAL,
        /** 高倍率病例 */
        HIGH_OUTLIER,
        /** 低倍率病例 */
        LOW_OUTLIER
    }

    /** Steps 1 and 2: the stay's kind, cost ratio and units. */
    public record Scaled(Kind kind, BigDecimal ratio, BigDecimal units) {
    }

    /** Steps 3 to 5, yuan. */
    public record Settled(Money standard, Money fundPayment, Money difference) {
    }

    /**
     * Steps 1 and 2.
     *
     * @param costLine what the trace says before " = ratio" (the cost over the group's mean, in the method's words)
     * @param units    the group's units (points or weight)
     * @param said     how the method names an amount of units ("120 points", "weight 1.0448")
     * @param normal   how it names the group's own units for a normal stay
     * @throws IllegalArgumentException when the group has no mean cost to price against
     */
    public static Scaled scale(Money cost, BigDecimal meanCost, BigDecimal units, CasemixRule rule, String costLine,
                               Function<BigDecimal, String> said, Function<BigDecimal, String> normal, List<String> trace) {
        if (meanCost.signum() <= 0) {
            throw new IllegalArgumentException("a group without a mean cost cannot price a stay");
        }
        BigDecimal ratio = cost.amount().divide(meanCost, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
        trace.add(costLine + " = ratio " + ratio);
        if (ratio.compareTo(rule.highOutlierRatio()) > 0) {
            BigDecimal scaled = units.multiply(ratio.subtract(rule.highOutlierRatio()).add(BigDecimal.ONE)).setScale(4, RoundingMode.HALF_UP);
            trace.add("above " + rule.highOutlierRatio() + ": high outlier (高倍率), " + units + " x (" + ratio + " − "
                    + rule.highOutlierRatio() + " + 1) = " + said.apply(scaled));
            return new Scaled(Kind.HIGH_OUTLIER, ratio, scaled);
        }
        if (ratio.compareTo(rule.lowOutlierRatio()) < 0) {
            BigDecimal scaled = units.multiply(ratio).setScale(4, RoundingMode.HALF_UP);
            trace.add("below " + rule.lowOutlierRatio() + ": low outlier (低倍率), " + units + " x " + ratio + " = " + said.apply(scaled));
            return new Scaled(Kind.LOW_OUTLIER, ratio, scaled);
        }
        trace.add("within " + rule.lowOutlierRatio() + " to " + rule.highOutlierRatio() + ": " + normal.apply(units));
        return new Scaled(Kind.NORMAL, ratio, units);
    }

    /**
     * Steps 3 to 5.
     *
     * @param unitsSaid the units as the method names them ("120 points", "weight 1.0448")
     * @param rateName  "point value" or "base rate"
     * @param method    "DIP" or "DRG"
     */
    public static Settled settle(BigDecimal units, String unitsSaid, BigDecimal rate, String rateName, BigDecimal coefficient,
                                 Money othersPaid, Money itemFund, String method, List<String> trace) {
        Money standard = Money.rounded(units.multiply(rate).multiply(coefficient), RoundingMode.HALF_UP);
        trace.add(unitsSaid + " x " + rateName + " " + rate + " x institution coefficient " + coefficient + " = standard " + standard);
        Money fund = standard.minus(othersPaid).max(Money.ZERO);
        trace.add("standard " + standard + " − paid by the person and the other funds " + othersPaid + " = the pooling fund's " + method
                + " payment " + fund);
        Money difference = fund.minus(itemFund);
        trace.add("item by item the pooling fund paid " + itemFund + ": the hospital's " + (difference.isNegative() ? "loss (超支) " : "gain (结余) ")
                + difference);
        return new Settled(standard, fund, difference);
    }
}
