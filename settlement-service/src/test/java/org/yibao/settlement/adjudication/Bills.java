package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPacks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: shipped packs by id, bill lines, and the adjudicator whose every result's trace is checked. */
final class Bills {

    private static final PolicyPacks PACKS = PolicyPacks.loadFromClasspath();

    private Bills() {
    }

    static PolicyPack pack(String id) {
        return PACKS.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static PolicyPacks packs() {
        return PACKS;
    }

    static BillLine line(ItemClass itemClass, String amount) {
        return new BillLine("X" + itemClass + amount, "item", ItemCategory.SERVICE, itemClass, BigDecimal.ONE,
                Money.of(amount), Optional.empty(), false);
    }

    static BillLine line(ItemClass itemClass, String quantity, String unitPrice, String ceiling) {
        return new BillLine("X", "item", ItemCategory.DRUG, itemClass, new BigDecimal(quantity), Money.of(unitPrice),
                Optional.ofNullable(ceiling).map(Money::of), false);
    }

    /**
     * The adjudicator as every adjudication test uses it: each result's calculation trace (计算过程, issue 25) is checked
     * against its amounts by {@link #assertTraceReconciles}, so every existing case is also a case of the trace.
     */
    static Reconciling adjudicator() {
        return new Reconciling();
    }

    /** {@link Adjudicator} with the trace of every adjudication checked. */
    static final class Reconciling {
        private final Adjudicator adjudicator = new Adjudicator();

        Adjudication adjudicate(Claim claim, Accumulators yearToDate, PolicyPack pack) {
            Adjudication result = adjudicator.adjudicate(claim, yearToDate, pack);
            assertTraceReconciles(result);
            return result;
        }
    }

    private static final List<CalculationStep.Layer> BY_RATIO = List.of(CalculationStep.Layer.TOTAL,
            CalculationStep.Layer.FULL_SELF_PAY, CalculationStep.Layer.PRIOR_SELF_PAY, CalculationStep.Layer.POLICY_SCOPE,
            CalculationStep.Layer.DEDUCTIBLE, CalculationStep.Layer.BASIC_FUND, CalculationStep.Layer.CATASTROPHIC,
            CalculationStep.Layer.SUPPLEMENTARY, CalculationStep.Layer.ASSISTANCE, CalculationStep.Layer.PERSONAL_ACCOUNT,
            CalculationStep.Layer.CASH);
    private static final List<CalculationStep.Layer> BY_FIXED_PAYMENT = List.of(CalculationStep.Layer.TOTAL,
            CalculationStep.Layer.FULL_SELF_PAY, CalculationStep.Layer.PRIOR_SELF_PAY, CalculationStep.Layer.POLICY_SCOPE,
            CalculationStep.Layer.MATERNITY_FIXED_PAYMENT, CalculationStep.Layer.PERSONAL_ACCOUNT, CalculationStep.Layer.CASH);

    /**
     * The trace's layers come in the adjudication order, each step's amount is the bill's for its layer (read here field by
     * field, not through the production mapping), and total = basic fund + catastrophic + supplementary + assistance +
     * personal account + cash, summed here with BigDecimal.
     */
    static void assertTraceReconciles(Adjudication result) {
        var amounts = result.amounts();
        List<CalculationStep> steps = result.steps();
        List<CalculationStep.Layer> layers = steps.stream().map(CalculationStep::layer).toList();
        assertThat(layers).as("the layers in the adjudication order").isIn(BY_RATIO, BY_FIXED_PAYMENT);
        BigDecimal paid = BigDecimal.ZERO;
        for (CalculationStep step : steps) {
            Money expected = switch (step.layer()) {
                case TOTAL -> amounts.total();
                case FULL_SELF_PAY -> amounts.fullSelfPay();
                case PRIOR_SELF_PAY -> amounts.priorSelfPay();
                case POLICY_SCOPE -> amounts.policyScope();
                case DEDUCTIBLE -> amounts.deductible();
                case BASIC_FUND, MATERNITY_FIXED_PAYMENT -> amounts.basicFund();
                case CATASTROPHIC -> amounts.catastrophic();
                case SUPPLEMENTARY -> amounts.supplementary();
                case ASSISTANCE -> amounts.assistance();
                case PERSONAL_ACCOUNT -> amounts.personalAccount();
                case CASH -> amounts.cash();
            };
            assertThat(step.amount().amount()).as(step.layer() + ": " + step.explanation()).isEqualByComparingTo(expected.amount());
            assertThat(step.amount().amount().scale()).isEqualTo(2);
            assertThat(step.base().amount().scale()).isEqualTo(2);
            assertThat(step.explanation()).isNotBlank();
            if (step.layer().pays()) {
                paid = paid.add(step.amount().amount());
            }
        }
        assertThat(paid).as("total = basic fund + catastrophic + supplementary + assistance + personal account + cash")
                .isEqualByComparingTo(amounts.total().amount());
        if (layers.equals(BY_FIXED_PAYMENT)) {
            assertThat(amounts.deductible().isZero() && amounts.catastrophic().isZero() && amounts.supplementary().isZero()
                    && amounts.assistance().isZero()).as("a fixed payment has no other fund layer").isTrue();
        }
    }
}
