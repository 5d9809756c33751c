package org.yibao.settlement.adjudication;

import org.yibao.contracts.events.SettlementAmounts;

import java.util.List;

/**
 * The one-stop bill: every layer, every line's self-pay, the change to the person's accumulators,
 * and the policy pack (with its version) that decided it.
 */
public record Adjudication(SettlementAmounts amounts, List<AdjudicatedLine> lines, Accumulators delta, String policyPack) {

    public Adjudication {
        lines = List.copyOf(lines);
    }
}
