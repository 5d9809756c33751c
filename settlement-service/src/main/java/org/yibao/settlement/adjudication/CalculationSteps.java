package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.CalculationStep.Layer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Building a bill's calculation trace (计算过程): a step per layer ({@link #step}), and the check that the steps
 * reconcile exactly with the bill ({@link #reconciled}). Pure; the {@link Adjudicator} builds the steps from the very
 * values it computed the layers with.
 */
public final class CalculationSteps {

    private CalculationSteps() {
    }

    /**
     * The steps, checked against the bill they explain: each layer at most once, each step's amount the bill's amount for
     * its layer, every non-zero amount of the bill explained by a step, and the paying layers adding up to the total
     * (total = basic fund + catastrophic + supplementary + assistance + personal account + cash, to the fen).
     *
     * @throws IllegalStateException naming the first layer that does not reconcile (a bug of the adjudicator, never a
     *                               refusal of a bill)
     */
    public static List<CalculationStep> reconciled(SettlementAmounts amounts, List<CalculationStep> steps) {
        Set<Layer> seen = EnumSet.noneOf(Layer.class);
        Money paid = Money.ZERO;
        boolean fundStep = false;
        for (CalculationStep step : steps) {
            Layer layer = step.layer();
            if (!seen.add(layer)) {
                throw new IllegalStateException("the calculation trace has the layer " + layer + " twice");
            }
            if (step.amount().compareTo(layer.of(amounts)) != 0) {
                throw new IllegalStateException("the calculation trace's " + layer + " is " + step.amount() + " but the bill's is "
                        + layer.of(amounts));
            }
            if (layer == Layer.BASIC_FUND || layer == Layer.MATERNITY_FIXED_PAYMENT) {
                if (fundStep) {
                    throw new IllegalStateException("the calculation trace has both a basic fund and a fixed payment");
                }
                fundStep = true;
            }
            if (layer.pays()) {
                paid = paid.plus(step.amount());
            }
        }
        for (Layer layer : Layer.values()) {
            boolean explained = seen.contains(layer) || (layer == Layer.BASIC_FUND || layer == Layer.MATERNITY_FIXED_PAYMENT) && fundStep;
            if (!explained && !layer.of(amounts).isZero()) {
                throw new IllegalStateException("the calculation trace has no " + layer + " step for the bill's " + layer.of(amounts));
            }
        }
        if (!seen.contains(Layer.TOTAL) || paid.compareTo(amounts.total()) != 0) {
            throw new IllegalStateException("the calculation trace's paying layers add up to " + paid + ", not the total "
                    + amounts.total());
        }
        return List.copyOf(steps);
    }

    /** A step of a layer on its base, to which the parameters that applied are added. */
    static Builder step(Layer layer, Money base, Money amount) {
        return new Builder(layer, base, amount);
    }

    /** Yuan as the console shows it: thousands grouped, two decimals ("148,700.00"). */
    static String yuan(Money money) {
        // as String.format("%,.2f") gave, without its pattern parsing on every call of every bill (docs/benchmarks.md §18)
        String plain = money.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
        boolean negative = plain.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int point = plain.length() - 3;
        StringBuilder text = new StringBuilder(plain.length() + (point - start) / 3);
        if (negative) {
            text.append('-');
        }
        for (int i = start; i < point; i++) {
            if (i > start && (point - i) % 3 == 0) {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return text.append(plain, point, plain.length()).toString();
    }

    /** A ratio as a percentage ("80%", "62.5%"). */
    static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** The steps' parameters, each optional. */
    static final class Builder {
        private final Layer layer;
        private final Money base;
        private final Money amount;
        private BigDecimal ratio;
        private String pool;
        private Money deductibleDue;
        private Money annualCap;
        private Money capLeft;
        private Money threshold;
        private List<CalculationStep.Band> bands;
        private Money limit;
        private Money limitLeft;
        private Money paidInFull;
        private Money before;
        private Money after;

        private Builder(Layer layer, Money base, Money amount) {
            this.layer = layer;
            this.base = base;
            this.amount = amount;
        }

        Builder ratio(BigDecimal value) {
            ratio = value;
            return this;
        }

        Builder pool(String value) {
            pool = value;
            return this;
        }

        Builder deductibleDue(Money value) {
            deductibleDue = value;
            return this;
        }

        Builder cap(Money cap, Money left) {
            annualCap = cap;
            capLeft = left;
            return this;
        }

        Builder threshold(Money value) {
            threshold = value;
            return this;
        }

        Builder bands(List<CalculationStep.Band> value) {
            bands = new ArrayList<>(value);
            return this;
        }

        Builder limit(Money value, Money left) {
            limit = value;
            limitLeft = left;
            return this;
        }

        Builder paidInFull(Money value) {
            paidInFull = value;
            return this;
        }

        Builder accumulated(Money valueBefore, Money valueAfter) {
            before = valueBefore;
            after = valueAfter;
            return this;
        }

        CalculationStep explain(String explanation) {
            return new CalculationStep(layer, base, ratio, pool, deductibleDue, annualCap, capLeft, threshold, bands, limit, limitLeft,
                    paidInFull, before, after, amount, explanation);
        }
    }
}
