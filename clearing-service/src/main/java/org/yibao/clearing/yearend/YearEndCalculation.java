package org.yibao.clearing.yearend;

import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.rules.ClearingRule;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The year-end clearing (年终清算) of one institution's fund, a pure calculation: the year's claims (actual) against the
 * budget, the surplus retained (结余留用) or the overspend shared (超支分担) by the year's progressive bands, the deferral
 * of the year settled, and the quality deposit (质量保证金) released by the assessment score. Every step is kept as a
 * line of explanation.
 *
 * <p>With A the year's claims less reversals counted in its months, B the budget, W the deposit withheld by the year's
 * orders and D the deferral left by its last order, the institution got A − W − D during the year (paid, or taken for
 * deductions, recoveries and prepayments). The year's recognised amount (年度清算额) R is A + the surplus retained when
 * A ≤ B (nothing when A is below the rules' minimum use of the budget), B + the fund's share of the overspend when A > B, and A when the fund has no budget (ASSUMPTION: only a basic
 * pooling fund with a budget is measured against it). The deposit released is W x the score's released share, HALF_UP to
 * the fen; the rest is forfeited to the fund. The year-end payable is R − A + D + released: positive, paid with the
 * clearing; negative, owed back by the institution. It always holds that
 * {@code actual + retained − borne = (actual − withheld − deferred) + payable + forfeited}.
 */
public final class YearEndCalculation {

    private YearEndCalculation() {
    }

    /**
     * One fund's year.
     *
     * @param budget   the year's allocation in force, yuan; null when the fund has none
     * @param actual   the year's claims less reversals counted in its months (Σ the orders' owedInPeriod), yuan
     * @param withheld the quality deposit withheld by the year's orders, yuan
     * @param deferred what the year's last order deferred (over the cap, or a negative balance), yuan
     * @param score    the institution's assessment score of the year, 0 to 100
     */
    public record Inputs(Fund fund, Money budget, Money actual, Money withheld, Money deferred, BigDecimal score) {
    }

    /**
     * One fund's result, yuan.
     *
     * @param surplus     budget − actual when under budget, else 0
     * @param retained    the part of the surplus the institution retains (结余留用)
     * @param overspend   actual − budget when over budget, else 0
     * @param fundShare   the part of the overspend the fund bears (超支分担)
     * @param borne       the part of the overspend the institution bears
     * @param recognised  the year's recognised amount (年度清算额)
     * @param received    what the institution got during the year for the year's claims: actual − withheld − deferred
     * @param released    the deposit released by the score
     * @param forfeited   the deposit kept by the fund
     * @param payable     paid at the year-end clearing (negative: owed back by the institution)
     * @param explanation the steps, one sentence each, in English with the terms in Chinese
     */
    public record Result(Fund fund, Money budget, Money actual, Money surplus, Money retained, Money overspend, Money fundShare,
                         Money borne, Money recognised, Money withheld, Money deferred, Money received, BigDecimal releasedShare,
                         Money released, Money forfeited, Money payable, List<String> explanation) {

        public Result {
            explanation = List.copyOf(explanation);
        }

        /** Whether the parts add up, to the fen. */
        public boolean balances() {
            return actual.plus(retained).minus(borne).compareTo(received.plus(payable).plus(forfeited)) == 0
                    && received.compareTo(actual.minus(withheld).minus(deferred)) == 0
                    && withheld.compareTo(released.plus(forfeited)) == 0
                    && overspend.compareTo(fundShare.plus(borne)) == 0;
        }
    }

    public static Result calculate(Inputs in, ClearingRule rule) {
        List<String> why = new ArrayList<>();
        Money surplus = Money.ZERO;
        Money retained = Money.ZERO;
        Money overspend = Money.ZERO;
        Money fundShare = Money.ZERO;
        Money recognised = in.actual();
        if (in.budget() == null) {
            why.add("no budget (总额预算) for this fund: the year's claims " + in.actual() + " are recognised as they are");
        } else if (in.actual().compareTo(in.budget()) <= 0) {
            surplus = in.budget().minus(in.actual());
            why.add("claims " + in.actual() + " within the budget " + in.budget() + ": surplus (结余) " + surplus);
            Money minimum = in.budget().times(rule.surplusRetentionMinimumUse(), RoundingMode.HALF_UP);
            if (in.actual().compareTo(minimum) < 0) {
                why.add("claims below " + pct(rule.surplusRetentionMinimumUse()) + " of the budget (" + minimum + "): nothing retained");
            } else {
                retained = banded(surplus, in.budget(), rule.surplusRetention(), "retained (结余留用)", why);
            }
            recognised = in.actual().plus(retained);
        } else {
            overspend = in.actual().minus(in.budget());
            why.add("claims " + in.actual() + " over the budget " + in.budget() + ": overspend (超支) " + overspend);
            fundShare = banded(overspend, in.budget(), rule.overspendSharing(), "borne by the fund (超支分担)", why);
            recognised = in.budget().plus(fundShare);
            why.add("the institution bears " + overspend.minus(fundShare) + " of the overspend");
        }
        why.add("recognised for the year (年度清算额): " + recognised);
        Money received = in.actual().minus(in.withheld()).minus(in.deferred());
        why.add("settled during the year for these claims (paid, or netted for deductions, recoveries and prepayments): "
                + in.actual() + " − deposit withheld " + in.withheld() + " − deferred " + in.deferred() + " = " + received);
        BigDecimal share = rule.releasedShare(in.score()).setScale(4, RoundingMode.UNNECESSARY);
        Money released = in.withheld().isPositive() ? in.withheld().times(share, RoundingMode.HALF_UP) : in.withheld();
        Money forfeited = in.withheld().minus(released);
        why.add("assessment score (考核得分) " + in.score().stripTrailingZeros().toPlainString() + ": " + share.stripTrailingZeros().toPlainString()
                + " of the deposit (质量保证金) " + in.withheld() + " released, " + released + "; forfeited " + forfeited);
        Money payable = recognised.minus(in.actual()).plus(in.deferred()).plus(released);
        why.add("payable at the year-end clearing: recognised " + recognised + " − claims " + in.actual() + " + deferred "
                + in.deferred() + " + deposit released " + released + " = " + payable
                + (payable.isNegative() ? " (owed back by the institution: recovered from its next payments)" : ""));
        return new Result(in.fund(), in.budget(), in.actual(), surplus, retained, overspend, fundShare, overspend.minus(fundShare),
                recognised, in.withheld(), in.deferred(), received, share, released, forfeited, payable, why);
    }

    /** The progressive bands of an amount measured against the budget: each band's part at its share, HALF_UP per band. */
    private static Money banded(Money amount, Money budget, List<ClearingRule.Band> bands, String what, List<String> why) {
        Money total = Money.ZERO;
        Money below = Money.ZERO;
        for (ClearingRule.Band band : bands) {
            Money top = budget.times(band.upToShareOfBudget(), RoundingMode.HALF_UP);
            Money part = amount.min(top).minus(below);
            if (!part.isPositive()) {
                break;
            }
            Money share = part.times(band.share(), RoundingMode.HALF_UP);
            why.add("band up to " + pct(band.upToShareOfBudget()) + " of the budget (" + top + "): " + part + " x "
                    + pct(band.share()) + " = " + share + " " + what);
            total = total.plus(share);
            below = top;
        }
        if (amount.compareTo(below) > 0) {
            why.add("beyond " + below + ": " + amount.minus(below) + " x 0% " + what);
        }
        return total;
    }

    private static String pct(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
