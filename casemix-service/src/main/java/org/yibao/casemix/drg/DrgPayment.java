package org.yibao.casemix.drg;

import org.yibao.casemix.rules.CasePricing;
import org.yibao.casemix.rules.CasePricing.Kind;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case is worth to the basic pooling fund under DRG (按疾病诊断相关分组付费): the shared steps of {@link CasePricing} in
 * relative weight at a base rate (费率, yuan per weight) — the cost ratio to the DRG's mean (or its ADRG's, pooled), the
 * outliers' weight, the standard = weight x base rate x the institution's coefficient, the fund's DRG payment and the
 * hospital's gain (结余) or loss (超支), every step kept in the trace (the outlier ratios are the rules file's, as for DIP).
 */
public final class DrgPayment {

    private DrgPayment() {
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
        CasePricing.Scaled scaled = CasePricing.scale(cost, w.meanCost(), w.weight(), rule, "cost " + cost + " / " + w.drg() + "'s mean "
                        + w.meanCost() + (w.basis() == DrgWeight.Basis.ADRG ? " (its ADRG " + w.adrg() + "'s, pooled: the DRG had " + w.cases()
                        + " cases)" : ""), x -> "weight " + x, x -> w.drg() + "'s weight " + x, trace);
        CasePricing.Settled s = CasePricing.settle(scaled.units(), "weight " + scaled.units(), baseRate, "base rate", coefficient, othersPaid,
                itemFund, "DRG", trace);
        return new Priced(scaled.kind(), scaled.ratio(), scaled.units(), baseRate, coefficient, s.standard(), othersPaid, s.fundPayment(),
                itemFund, s.difference(), trace);
    }
}
