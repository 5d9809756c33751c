package org.yibao.casemix.dip;

import org.yibao.casemix.rules.CasePricing;
import org.yibao.casemix.rules.CasePricing.Kind;
import org.yibao.casemix.rules.CasemixRule;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stay is worth to the basic pooling fund under DIP (按病种分值付费): the shared steps of {@link CasePricing} in
 * points at a point value (点值, yuan per point) — the cost ratio to the group's mean, the outliers' points, the standard =
 * points x point value x the institution's coefficient, the fund's DIP payment and the hospital's gain (结余) or loss (超支),
 * every step kept in the trace.
 */
public final class DipPayment {

    private DipPayment() {
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
        CasePricing.Scaled scaled = CasePricing.scale(cost, group.meanCost(), group.points(), rule,
                "cost " + cost + " / group " + group.code() + "'s mean " + group.meanCost(), p -> p + " points",
                p -> "the group's " + p + " points", trace);
        return atPointValue(scaled.kind(), scaled.ratio(), scaled.units(), pointValue, coefficient, othersPaid, itemFund, trace);
    }

    /**
     * A stay's points priced at a point value (the provisional one, or the year's): steps 3 to 5 above, appended to the
     * trace.
     */
    public static Priced atPointValue(Kind kind, BigDecimal ratio, BigDecimal points, BigDecimal pointValue, BigDecimal coefficient,
                                      Money othersPaid, Money itemFund, List<String> trace) {
        List<String> steps = new ArrayList<>(trace);
        CasePricing.Settled s = CasePricing.settle(points, points + " points", pointValue, "point value", coefficient, othersPaid, itemFund,
                "DIP", steps);
        return new Priced(kind, ratio, points, pointValue, coefficient, s.standard(), othersPaid, s.fundPayment(), itemFund, s.difference(),
                steps);
    }
}
