package org.yibao.settlement.simulation;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.Claim;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A settled bill as a policy simulation reads it: what was settled, and what the adjudicator was given.
 *
 * @param regionCode   the person's region on the bill (the enrollment's county code), which decides whether the
 *                     candidate pack applies
 * @param policyPack   the label ({@code id@version}) of the pack that settled it
 * @param settled      the amounts as settled (yuan), the baseline
 * @param settledDelta what the settlement added to the person's accumulators
 * @param claim        the claim the adjudicator was given; empty for a bill settled before claims were kept
 * @param settleSeq    its place in the order of accumulator changes
 * @param reversalSeq  its reversal's place in that order, when it was reversed (冲销) before the replay began
 */
record ReplayBill(UUID id, String personId, Scheme scheme, int year, LocalDate serviceDate, VisitType visitType,
                  String regionCode, String policyPack, SettlementAmounts settled, Accumulators settledDelta,
                  Optional<Claim> claim, long settleSeq, OptionalLong reversalSeq) {

    ReplayBill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(reversalSeq, "reversalSeq");
        if (reversalSeq.isPresent() && reversalSeq.getAsLong() <= settleSeq) {
            throw new IllegalArgumentException("bill " + id + " is reversed (" + reversalSeq.getAsLong()
                    + ") before it was settled (" + settleSeq + ")");
        }
    }

    boolean reversed() {
        return reversalSeq.isPresent();
    }
}
