package org.yibao.casemix.dip;

import org.yibao.casemix.rules.CasemixRule;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stay is worth to the basic pooling fund under DIP (按病种分值付费), a pure calculation with every step kept:
 *
 * <ol>
 * <li>the cost ratio = the stay's total cost / its group's mean cost, HALF_UP to 4 decimals;</li>
 * <li>its points: the group's points for a normal stay; above the high-outlier ratio (高倍率, e.g. 2) the group's points x
 *     (ratio − threshold + 1); below the low-outlier ratio (低倍率, e.g. 0.5) the group's points x ratio — HALF_UP to 4
 *     decimals (ASSUMPTION: the formulas common in regions' DIP rules; the thresholds are the rules file's);</li>
 * <li>the payment standard = points x the point value (点值, yuan per point) x the institution's coefficient (机构系数),
 *     HALF_UP to the fen;</li>
 * <li>the fund's DIP payment = the standard − what others paid of the bill (the person's cash and personal account, and
 *     the catastrophic, supplementary and assistance funds), never below zero (ASSUMPTION: DIP prices the whole stay;
 *     the basic pooling fund pays what the others did not);</li>
 * <li>against what the basic pooling fund paid item by item: the hospital's gain (结余, positive) or loss (超支, negative).</li>
 * </ol>
 */
public final class DipPayment {

    private DipPayment() {
    }

    /** Whether a stay is priced as its group or as an outlier. */
    public enum Kind {
        NORMAL,
        /** 高倍率病例 */
        HIGH_OUTLIER,
        /** 低倍率病例 */
        LOW_OUTLIER
    }

    /**
     * A stay's price.
     *
     * @param ratio        cost / the group's mean cost
     * @param points       the stay's points
     * @param standard     the payment standard, yuan
     * @param fundPayment  what the basic pooling fund pays under DIP, yuan
     * @param itemFund     what it paid item by item, yuan
     * @param difference   fundPayment − itemFund: the hospital's gain (positive) or loss (negative), yuan
     */
    public record Priced(Kind kind, BigDecimal ratio, BigDecimal points, BigDecimal pointValue, BigDecimal coefficient, Money standard,
                         Money othersPaid, Money fundPayment, Money itemFund, Money difference, List<String> trace) {

        public Priced {
            trace = List.copyOf(trace);
        }
    }

    /**
     * @param cost       the stay's total cost, yuan
     * @param othersPaid what the person and the funds other than basic pooling paid of it, yuan
     * @param itemFund   what the basic pooling fund paid item by item, yuan
     */
    public static Priced price(DipGroup group, Money cost, Money othersPaid, Money itemFund, BigDecimal pointValue, BigDecimal coefficient,
                               CasemixRule rule) {
        List<String> trace = new ArrayList<>();
        if (group.meanCost().signum() <= 0) {
            throw new IllegalArgumentException("group " + group.code() + " has no mean cost to price against");
        }
        BigDecimal ratio = cost.amount().divide(group.meanCost(), MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
        trace.add("cost " + cost + " / group " + group.code() + "'s mean " + group.meanCost() + " = ratio " + ratio);
        Kind kind;
        BigDecimal points;
        if (ratio.compareTo(rule.highOutlierRatio()) > 0) {
            kind = Kind.HIGH_OUTLIER;
            points = group.points().multiply(ratio.subtract(rule.highOutlierRatio()).add(BigDecimal.ONE)).setScale(4, RoundingMode.HALF_UP);
            trace.add("above " + rule.highOutlierRatio() + ": high outlier (高倍率), " + group.points() + " x (" + ratio + " − "
                    + rule.highOutlierRatio() + " + 1) = " + points + " points");
        } else if (ratio.compareTo(rule.lowOutlierRatio()) < 0) {
            kind = Kind.LOW_OUTLIER;
            points = group.points().multiply(ratio).setScale(4, RoundingMode.HALF_UP);
            trace.add("below " + rule.lowOutlierRatio() + ": low outlier (低倍率), " + group.points() + " x " + ratio + " = " + points + " points");
        } else {
            kind = Kind.NORMAL;
            points = group.points();
            trace.add("within " + rule.lowOutlierRatio() + " to " + rule.highOutlierRatio() + ": the group's " + points + " points");
        }
        return atPointValue(kind, ratio, points, pointValue, coefficient, othersPaid, itemFund, trace);
    }

    /**
     * A stay's points priced at a point value (the provisional one, or the year's): steps 3 to 5 above, appended to the
     * trace.
     */
    public static Priced atPointValue(Kind kind, BigDecimal ratio, BigDecimal points, BigDecimal pointValue, BigDecimal coefficient,
                                      Money othersPaid, Money itemFund, List<String> trace) {
        List<String> steps = new ArrayList<>(trace);
        Money standard = Money.rounded(points.multiply(pointValue).multiply(coefficient), RoundingMode.HALF_UP);
        steps.add(points + " points x point value " + pointValue + " x institution coefficient " + coefficient + " = standard " + standard);
        Money fund = standard.minus(othersPaid).max(Money.ZERO);
        steps.add("standard " + standard + " − paid by the person and the other funds " + othersPaid + " = the pooling fund's DIP payment " + fund);
        Money difference = fund.minus(itemFund);
        steps.add("item by item the pooling fund paid " + itemFund + ": the hospital's " + (difference.isNegative() ? "loss (超支) " : "gain (结余) ")
                + difference);
        return new Priced(kind, ratio, points, pointValue, coefficient, standard, othersPaid, fund, itemFund, difference, steps);
    }

    /**
     * The year's point value: the budget / the weighted points (Σ points x coefficient), HALF_UP to 4 decimals.
     *
     * @throws IllegalArgumentException when there are no points
     */
    public static BigDecimal pointValue(Money budget, BigDecimal weightedPoints) {
        if (weightedPoints.signum() <= 0) {
            throw new IllegalArgumentException("no points to divide the budget by");
        }
        return budget.amount().divide(weightedPoints, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
    }
}
