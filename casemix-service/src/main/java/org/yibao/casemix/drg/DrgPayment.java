package org.yibao.casemix.drg;

import org.yibao.casemix.rules.CasemixRule;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case is worth to the basic pooling fund under DRG (按疾病诊断相关分组付费), a pure calculation with every step kept,
 * by the region's rules of the year (the outlier ratios are the rules file's, as for DIP):
 *
 * <ol>
 * <li>the cost ratio = the case's total cost / its weight's mean cost, HALF_UP to 4 decimals;</li>
 * <li>its weight: the DRG's relative weight for a normal case; above the high-outlier ratio (高倍率) the weight x (ratio −
 *     threshold + 1); below the low-outlier ratio (低倍率) the weight x ratio — HALF_UP to 4 decimals (ASSUMPTION: the same
 *     formulas as DIP's, common in regions' DRG rules);</li>
 * <li>the payment standard = weight x the base rate (费率, yuan per weight) x the institution's coefficient (机构系数),
 *     HALF_UP to the fen;</li>
 * <li>the fund's DRG payment = the standard − what others paid of the bill (the person and the other funds), never below
 *     zero (ASSUMPTION: DRG prices the whole stay; the pooling fund pays what the others did not);</li>
 * <li>against what the basic pooling fund paid item by item: the hospital's gain (结余, positive) or loss (超支, negative).</li>
 * </ol>
 */
public final class DrgPayment {

    private DrgPayment() {
    }

    /** Whether a case is priced as its DRG or as an outlier. */
    public enum Kind {
        NORMAL,
        /** 高倍率病例 */
        HIGH_OUTLIER,
        /** 低倍率病例 */
        LOW_OUTLIER
    }

    /**
     * A case's price.
     *
     * @param ratio       cost / the weight's mean cost
     * @param weight      the case's weight (the DRG's, or as an outlier)
     * @param standard    the payment standard, yuan
     * @param fundPayment what the basic pooling fund pays under DRG, yuan
     * @param itemFund    what it paid item by item, yuan
     * @param difference  fundPayment − itemFund: the hospital's gain (positive) or loss (negative), yuan
     */
    public record Priced(Kind kind, BigDecimal ratio, BigDecimal weight, BigDecimal baseRate, BigDecimal coefficient, Money standard,
                         Money othersPaid, Money fundPayment, Money itemFund, Money difference, List<String> trace) {

        public Priced {
            trace = List.copyOf(trace);
        }
    }

    /**
     * @param cost       the case's total cost, yuan
     * @param othersPaid what the person and the funds other than basic pooling paid of it, yuan
     * @param itemFund   what the basic pooling fund paid item by item, yuan
     */
    public static Priced price(DrgWeight w, Money cost, Money othersPaid, Money itemFund, BigDecimal baseRate, BigDecimal coefficient,
                               CasemixRule rule) {
        List<String> trace = new ArrayList<>();
        BigDecimal ratio = cost.amount().divide(w.meanCost(), MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
        trace.add("cost " + cost + " / " + w.drg() + "'s mean " + w.meanCost() + (w.basis() == DrgWeight.Basis.ADRG
                ? " (its ADRG " + w.adrg() + "'s, pooled: the DRG had " + w.cases() + " cases)" : "") + " = ratio " + ratio);
        Kind kind;
        BigDecimal weight;
        if (ratio.compareTo(rule.highOutlierRatio()) > 0) {
            kind = Kind.HIGH_OUTLIER;
            weight = w.weight().multiply(ratio.subtract(rule.highOutlierRatio()).add(BigDecimal.ONE)).setScale(4, RoundingMode.HALF_UP);
            trace.add("above " + rule.highOutlierRatio() + ": high outlier (高倍率), " + w.weight() + " x (" + ratio + " − "
                    + rule.highOutlierRatio() + " + 1) = weight " + weight);
        } else if (ratio.compareTo(rule.lowOutlierRatio()) < 0) {
            kind = Kind.LOW_OUTLIER;
            weight = w.weight().multiply(ratio).setScale(4, RoundingMode.HALF_UP);
            trace.add("below " + rule.lowOutlierRatio() + ": low outlier (低倍率), " + w.weight() + " x " + ratio + " = weight " + weight);
        } else {
            kind = Kind.NORMAL;
            weight = w.weight();
            trace.add("within " + rule.lowOutlierRatio() + " to " + rule.highOutlierRatio() + ": " + w.drg() + "'s weight " + weight);
        }
        Money standard = Money.rounded(weight.multiply(baseRate).multiply(coefficient), RoundingMode.HALF_UP);
        trace.add("weight " + weight + " x base rate " + baseRate + " x institution coefficient " + coefficient + " = standard " + standard);
        Money fund = standard.minus(othersPaid).max(Money.ZERO);
        trace.add("standard " + standard + " − paid by the person and the other funds " + othersPaid + " = the pooling fund's DRG payment " + fund);
        Money difference = fund.minus(itemFund);
        trace.add("item by item the pooling fund paid " + itemFund + ": the hospital's " + (difference.isNegative() ? "loss (超支) " : "gain (结余) ")
                + difference);
        return new Priced(kind, ratio, weight, baseRate, coefficient, standard, othersPaid, fund, itemFund, difference, trace);
    }
}
