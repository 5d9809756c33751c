package org.yibao.settlement.bill;

import org.yibao.settlement.adjudication.CalculationStep;

import java.util.List;
import java.util.UUID;

/**
 * A settled bill's calculation trace (计算过程, issue 25): a step per layer of the one-stop bill, in the adjudication
 * order, as stored with the bill when it was settled (never recomputed: the pack and accumulators of that moment).
 *
 * @param policyPack the pack and version that decided the bill, e.g. {@code yangjiang-2019-resident@4}
 * @param steps      the layers, reconciling with the bill's amounts to the fen
 */
public record SettlementTrace(UUID settlementId, String policyPack, List<CalculationStep> steps) {

    public SettlementTrace {
        steps = List.copyOf(steps);
    }
}
