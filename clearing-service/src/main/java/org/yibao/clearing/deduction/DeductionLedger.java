package org.yibao.clearing.deduction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.clearing.owed.OwedService;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.FundRecoveryOrdered;
import org.yibao.contracts.events.ReviewOutcome;
import org.yibao.contracts.events.ViolationReviewed;

import java.util.List;

/**
 * Keeps the deductions and recoveries to net from each institution's next monthly payment, from
 * supervision's events: a CONFIRMED review deducts the finding's amount in violation (扣款); a finding
 * confirmed before and then DISMISSED or WITHDRAWN (an appeal won, a reversal) gives the deduction back,
 * once, as does the reversal in full of the claim it was confirmed on; a dismissal of a finding never
 * confirmed changes nothing; a FundRecoveryOrdered recovers its
 * amount (追回基金), and gives back a deduction confirmed on a claim it names (before or after it). Each source counts once: a redelivered event changes nothing.
 */
@Service
public class DeductionLedger {

    private final DeductionStore store;
    private final OwedService owed;

    DeductionLedger(DeductionStore store, OwedService owed) {
        this.store = store;
        this.owed = owed;
    }

    @Transactional
    public void reviewed(ViolationReviewed e) {
        // the lock the reversal of the claim holds (OwedLedger.reversed, then claimReversed, one transaction): a
        // confirmation and the claim's reversal processed at once would otherwise each miss the other's row, and
        // the give-back would be made by neither
        owed.lock(e.institutionCode());
        if (e.outcome() == ReviewOutcome.CONFIRMED) {
            if (e.amountAtRisk().isPositive()) {
                store.insert(new Deduction(e.violationId(), Deduction.Kind.DEDUCTION, e.institutionCode(), e.settlementId(), e.amountAtRisk(),
                        e.rule() + " confirmed by " + e.reviewedBy(), e.reviewedAt(), null));
                // the claim's reversal came first (another topic): give it back at once
                if (e.settlementId() != null && owed.isReversed(e.institutionCode(), e.settlementId())) {
                    store.insert(new Deduction(e.violationId(), Deduction.Kind.DEDUCTION_RETURNED, e.institutionCode(), e.settlementId(),
                            e.amountAtRisk().negate(), "claim reversed before the confirmation arrived", e.reviewedAt(), null));
                } else if (e.settlementId() != null && store.recoveryNames(e.institutionCode(), e.settlementId())) {
                    // a recovery ordered on the claim covers it: deducting too would charge the claim twice
                    store.insert(new Deduction(e.violationId(), Deduction.Kind.DEDUCTION_RETURNED, e.institutionCode(), e.settlementId(),
                            e.amountAtRisk().negate(), "claim covered by a recovery ordered on it", e.reviewedAt(), null));
                }
            }
            return;
        }
        store.amountOf(e.violationId(), Deduction.Kind.DEDUCTION).ifPresent(deducted ->
                store.insert(new Deduction(e.violationId(), Deduction.Kind.DEDUCTION_RETURNED, e.institutionCode(),
                        e.settlementId(), deducted.negate(), e.outcome() + " by " + e.reviewedBy(), e.reviewedAt(), null)));
    }

    /**
     * A claim reversed in full: the fund pays nothing for it any more, so a deduction confirmed on it is given
     * back (once; supervision withdraws only findings not reviewed yet, so a confirmed one stays CONFIRMED).
     * ASSUMPTION: findings that rest on the reversed claim but were confirmed on another claim keep their deduction.
     */
    @Transactional
    public void claimReversed(ClaimReversed e) {
        for (Deduction d : store.confirmedOn(e.institutionCode(), e.settlementId())) {
            store.insert(new Deduction(d.sourceId(), Deduction.Kind.DEDUCTION_RETURNED, d.institutionCode(), d.settlementId(),
                    d.amount().negate(), "claim reversed (" + e.reversalId() + ")", e.reversedAt(), null));
        }
    }

    /**
     * A recovery ordered: its amount is recovered; a deduction confirmed on a claim it names (before or after it)
     * is given back, once, so the claim is not charged twice. ASSUMPTION: a recovery naming a claim covers every
     * finding confirmed on it (the case's amount is what the claim owes the fund), whatever their amounts.
     */
    @Transactional
    public void recoveryOrdered(FundRecoveryOrdered e) {
        owed.lock(e.institutionCode());
        if (e.amount().isPositive()) {
            store.insert(new Deduction(e.caseId(), Deduction.Kind.RECOVERY, e.institutionCode(), null, e.amount(),
                    e.reason() == null ? null : e.reason().substring(0, Math.min(500, e.reason().length())), e.orderedAt(), null));
            for (String settlementId : e.settlementIds()) {
                store.insertRecoveryClaim(e.caseId(), e.institutionCode(), settlementId);
                for (Deduction d : store.confirmedOn(e.institutionCode(), settlementId)) {
                    store.insert(new Deduction(d.sourceId(), Deduction.Kind.DEDUCTION_RETURNED, d.institutionCode(), d.settlementId(),
                            d.amount().negate(), "claim covered by recovery case " + e.caseId(), e.orderedAt(), null));
                }
            }
        }
    }

    /** Marks what an approved order netted, in the caller's transaction; the number marked. */
    @Transactional
    public int markNetted(String orderId, List<Deduction> netted) {
        return store.markNetted(orderId, netted);
    }

    /** The institution's deductions and recoveries not netted yet, oldest first. */
    @Transactional(readOnly = true)
    public List<Deduction> outstanding(String institutionCode) {
        return store.outstanding(institutionCode);
    }
}
