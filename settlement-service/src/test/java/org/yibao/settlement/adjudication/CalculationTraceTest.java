package org.yibao.settlement.adjudication;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.CalculationStep.Layer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.settlement.adjudication.Bills.line;
import static org.yibao.settlement.adjudication.Bills.pack;

/**
 * The calculation trace (计算过程, issue 25) of the seeds' worked examples (POLICY-FACTS.md): each layer's base, the pack's
 * parameters that applied, its amount and explanation; and that a trace that does not reconcile is refused.
 */
class CalculationTraceTest {

    private final Bills.Reconciling adjudicator = Bills.adjudicator();

    /** Yangjiang 2019 resident, inpatient at level 3: deductible 700, then 60%; 4,700 self-pay below catastrophic's 15,000. */
    @Test
    void yangjiangResidentInpatientStepByStep() {
        Adjudication result = adjudicator.adjudicate(inpatient(Optional.empty(), "10700.00"), Accumulators.NONE,
                pack("yangjiang-2019-resident"));

        Map<Layer, CalculationStep> steps = byLayer(result);
        assertThat(steps.get(Layer.TOTAL).amount()).isEqualTo(Money.of("10700.00"));
        CalculationStep deductible = steps.get(Layer.DEDUCTIBLE);
        assertThat(deductible.base()).isEqualTo(Money.of("10700.00"));
        assertThat(deductible.deductibleDue()).isEqualTo(Money.of("700.00"));
        assertThat(deductible.pool()).isEqualTo("inpatient");
        assertThat(deductible.amount()).isEqualTo(Money.of("700.00"));
        assertThat(deductible.accumulatedBefore()).as("per admission: no accumulator").isNull();
        CalculationStep fund = steps.get(Layer.BASIC_FUND);
        assertThat(fund.base()).isEqualTo(Money.of("10000.00"));
        assertThat(fund.ratio()).isEqualByComparingTo("0.60");
        assertThat(fund.annualCap()).isEqualTo(Money.of("100000.00"));
        assertThat(fund.capLeft()).isEqualTo(Money.of("100000.00"));
        assertThat(fund.accumulatedBefore()).isEqualTo(Money.ZERO);
        assertThat(fund.accumulatedAfter()).isEqualTo(Money.of("6000.00"));
        assertThat(fund.amount()).isEqualTo(Money.of("6000.00"));
        assertThat(fund.explanation()).contains("yangjiang-2019-resident@4").contains("60% of 10,000.00 above the deductible")
                .contains("pool inpatient").contains("cap 100,000.00 of which 100,000.00 left");
        CalculationStep catastrophic = steps.get(Layer.CATASTROPHIC);
        assertThat(catastrophic.base()).isEqualTo(Money.of("4700.00"));
        assertThat(catastrophic.threshold()).isEqualTo(Money.of("15000.00"));
        assertThat(catastrophic.bands()).containsExactly(
                new CalculationStep.Band(Money.of("15000.00"), Money.of("65000.00"), new java.math.BigDecimal("0.60")),
                new CalculationStep.Band(Money.of("65000.00"), null, new java.math.BigDecimal("0.70")));
        assertThat(catastrophic.accumulatedBefore()).isEqualTo(Money.ZERO);
        assertThat(catastrophic.accumulatedAfter()).isEqualTo(Money.of("4700.00"));
        assertThat(catastrophic.amount()).isEqualTo(Money.ZERO);
        assertThat(steps.get(Layer.ASSISTANCE).explanation()).contains("no assistance category");
        assertThat(steps.get(Layer.CASH).amount()).isEqualTo(Money.of("4700.00"));
    }

    /** The basic fund stops at what is left of the 100,000 cap, and says so. */
    @Test
    void theBasicFundStepShowsWhatWasLeftOfTheCap() {
        Accumulators nearTheCap = new Accumulators(Map.of(), Map.of("inpatient", Money.of("98700.00")), Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO);

        CalculationStep fund = byLayer(adjudicator.adjudicate(inpatient(Optional.empty(), "10700.00"), nearTheCap,
                pack("yangjiang-2019-resident"))).get(Layer.BASIC_FUND);

        assertThat(fund.amount()).isEqualTo(Money.of("1300.00"));
        assertThat(fund.capLeft()).isEqualTo(Money.of("1300.00"));
        assertThat(fund.accumulatedBefore()).isEqualTo(Money.of("98700.00"));
        assertThat(fund.accumulatedAfter()).isEqualTo(Money.of("100000.00"));
        assertThat(fund.explanation()).contains("cap 100,000.00 of which 1,300.00 left").contains("limited by the cap");
    }

    /** 特困: catastrophic from 3,000 (threshold cut by 80%) at 80% and no cap; then assistance pays 100% of what remains. */
    @Test
    void extremePovertyTiltsTheBandsAndAssistancePaysTheRest() {
        Adjudication result = adjudicator.adjudicate(inpatient(Optional.of(AssistanceCategory.EXTREME_POVERTY), "10700.00"),
                Accumulators.NONE, pack("yangjiang-2019-resident"));

        Map<Layer, CalculationStep> steps = byLayer(result);
        CalculationStep catastrophic = steps.get(Layer.CATASTROPHIC);
        assertThat(catastrophic.threshold()).isEqualTo(Money.of("3000.00"));
        assertThat(catastrophic.bands()).extracting(CalculationStep.Band::ratio).allSatisfy(r -> assertThat(r).isEqualByComparingTo("0.80"));
        assertThat(catastrophic.annualCap()).as("no cap for 特困").isNull();
        assertThat(catastrophic.amount()).isEqualTo(Money.of("1360.00")); // (4,700 - 3,000) x 80%
        assertThat(catastrophic.explanation()).contains("EXTREME_POVERTY").contains("no cap");
        CalculationStep assistance = steps.get(Layer.ASSISTANCE);
        assertThat(assistance.ratio()).isEqualByComparingTo("1.00");
        assertThat(assistance.limit()).isEqualTo(Money.of("50000.00"));
        assertThat(assistance.limitLeft()).isEqualTo(Money.of("50000.00"));
        assertThat(assistance.base()).isEqualTo(result.amounts().policyScope().minus(result.amounts().basicFund())
                .minus(result.amounts().catastrophic()).minus(result.amounts().supplementary()));
        assertThat(assistance.accumulatedAfter()).isEqualTo(assistance.amount());
    }

    /** Jiangjin 2023 active employee, outpatient at level 2 after the year's 200 deductible: 464.90 x 60% = 278.94. */
    @Test
    void jiangjinOutpatientShowsTheYearlyDeductibleAlreadyUsed() {
        Accumulators deductibleMet = new Accumulators(Map.of("outpatient", Money.of("200.00")), Map.of(),
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        Claim claim = new Claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2, PersonType.EMPLOYEE_ACTIVE,
                Optional.empty(), List.of(line(ItemClass.A, "464.90")), Money.ZERO);

        Map<Layer, CalculationStep> steps = byLayer(adjudicator.adjudicate(claim, deductibleMet, pack("jiangjin-2023-employee")));

        CalculationStep deductible = steps.get(Layer.DEDUCTIBLE);
        assertThat(deductible.deductibleDue()).isEqualTo(Money.ZERO);
        assertThat(deductible.accumulatedBefore()).isEqualTo(Money.of("200.00"));
        assertThat(deductible.accumulatedAfter()).isEqualTo(Money.of("200.00"));
        assertThat(deductible.explanation()).contains("a year").contains("200.00 used before");
        assertThat(steps.get(Layer.BASIC_FUND).amount()).isEqualTo(Money.of("278.94"));
        assertThat(steps.get(Layer.BASIC_FUND).ratio()).isEqualByComparingTo("0.60");
    }

    /** Class B lines: the prior self-pay step's base is their amount and its ratio the pack's. */
    @Test
    void thePriorSelfPayStepShowsTheClassBBaseAndRatio() {
        Claim claim = new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT, Optional.empty(),
                List.of(line(ItemClass.A, "5000.00"), line(ItemClass.B, "2000.00"), line(ItemClass.C, "300.00")), Money.ZERO);

        Adjudication result = adjudicator.adjudicate(claim, Accumulators.NONE, pack("yangjiang-2019-resident"));

        CalculationStep prior = byLayer(result).get(Layer.PRIOR_SELF_PAY);
        assertThat(prior.base()).isEqualTo(Money.of("2000.00"));
        assertThat(prior.ratio()).isEqualByComparingTo(pack("yangjiang-2019-resident").priorSelfPayRatio());
        assertThat(prior.amount()).isEqualTo(result.amounts().priorSelfPay());
        assertThat(byLayer(result).get(Layer.FULL_SELF_PAY).amount()).isEqualTo(Money.of("300.00"));
    }

    /** A delivery under Zhumadian's maternity insurance: the fixed payment in place of every fund layer. */
    @Test
    void aDeliveryIsTracedByItsFixedPayment() {
        Claim claim = new Claim(VisitType.DELIVERY, InstitutionLevel.LEVEL_3, PersonType.EMPLOYEE_ACTIVE,
                Optional.of(EmploymentTier.EMPLOYER), Optional.empty(), TreatmentPlace.LOCAL, List.of("O80"), List.of(),
                List.of(line(ItemClass.A, "5000.00")), Money.ZERO, Optional.of(DeliveryKind.NATURAL));

        Adjudication result = adjudicator.adjudicate(claim, Accumulators.NONE, pack("zhumadian-2021-employee"));

        Map<Layer, CalculationStep> steps = byLayer(result);
        CalculationStep fixed = steps.get(Layer.MATERNITY_FIXED_PAYMENT);
        assertThat(fixed.limit()).isEqualTo(Money.of("2200.00"));
        assertThat(fixed.amount()).isEqualTo(Money.of("2200.00"));
        assertThat(fixed.pool()).isEqualTo("maternity");
        assertThat(steps).doesNotContainKeys(Layer.BASIC_FUND, Layer.DEDUCTIBLE, Layer.CATASTROPHIC);
        assertThat(steps.get(Layer.CASH).amount()).isEqualTo(Money.of("2800.00"));
    }

    /** The steps as the service stores and answers them: money as strings, parameters that do not apply left out. */
    @Test
    void stepsTravelAsJsonWithMoneyAsStringsAndReadBackTheSame() {
        List<CalculationStep> steps = adjudicator.adjudicate(inpatient(Optional.empty(), "10700.00"), Accumulators.NONE,
                pack("yangjiang-2019-resident")).steps();
        JsonMapper json = JsonMapper.builder().build();

        JsonNode tree = json.readTree(json.writeValueAsString(steps));

        assertThat(tree.get(5).get("layer").asString()).isEqualTo("BASIC_FUND");
        assertThat(tree.get(5).get("amount").isString()).isTrue();
        assertThat(tree.get(5).get("amount").asString()).isEqualTo("6000.00");
        assertThat(tree.get(5).get("capLeft").asString()).isEqualTo("100000.00");
        assertThat(tree.get(0).has("ratio")).as("a parameter that does not apply is left out").isFalse();
        assertThat(json.readValue(json.writeValueAsString(steps), new TypeReference<List<CalculationStep>>() {
        })).isEqualTo(steps);
    }

    /** A step whose amount is not the bill's, or a paying layer left out, is refused where the steps are built. */
    @Test
    void aTraceThatDoesNotReconcileIsRefused() {
        Adjudication result = adjudicator.adjudicate(inpatient(Optional.empty(), "10700.00"), Accumulators.NONE,
                pack("yangjiang-2019-resident"));
        List<CalculationStep> tampered = new ArrayList<>(result.steps());
        CalculationStep cash = tampered.remove(tampered.size() - 1);
        tampered.add(new CalculationStep(cash.layer(), cash.base(), null, null, null, null, null, null, null, null, null, null, null,
                null, cash.amount().minus(Money.ofFen(1)), cash.explanation()));

        assertThatThrownBy(() -> CalculationSteps.reconciled(result.amounts(), tampered))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CASH");
        assertThatThrownBy(() -> CalculationSteps.reconciled(result.amounts(), result.steps().subList(0, 10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CASH");
    }

    private static Claim inpatient(Optional<AssistanceCategory> category, String amount) {
        return new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT, category,
                List.of(line(ItemClass.A, amount)), Money.ZERO);
    }

    private static Map<Layer, CalculationStep> byLayer(Adjudication result) {
        Map<Layer, CalculationStep> steps = new java.util.EnumMap<>(Layer.class);
        result.steps().forEach(s -> steps.put(s.layer(), s));
        return steps;
    }
}
