package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.AssistanceLimit;
import org.yibao.contracts.events.SettlementAmounts;

import java.util.List;
import java.util.Optional;

/**
 * The one-stop bill: every layer, every line's self-pay, the change to the person's accumulators,
 * the policy pack (with its version) that decided it, the annual assistance limit it applied
 * (empty when the person has no assistance category or the pack pays no assistance), and the
 * calculation trace (计算过程): a step per layer, reconciled with the amounts to the fen.
 */
public record Adjudication(SettlementAmounts amounts, List<AdjudicatedLine> lines, Accumulators delta, String policyPack,
                           Optional<AssistanceLimit> assistanceLimit, List<CalculationStep> steps) {

    public Adjudication {
        lines = List.copyOf(lines);
        steps = CalculationSteps.reconciled(amounts, steps);
    }
}
