package org.yibao.clearing.deduction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.clearing.owed.OwedService;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimReviewAppealDecided;
import org.yibao.contracts.events.ClaimReviewDecided;
import org.yibao.contracts.events.FundRecoveryOrdered;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the deductions and recoveries to net from each institution's next monthly payment, from supervision's
 * events. A claim review's decision (ClaimReviewDecided, 病例审核) deducts its total (扣款), once per review, on the
 * claim it names (so payment takes it from that claim's scheme's basic pooling fund); an appeal's decision
 * (ClaimReviewAppealDecided, 申诉) gives back what it withdrew, once per appeal; the reversal in full of the claim,
 * or a FundRecoveryOrdered naming it (追回基金, which recovers its own amount), gives back what is still deducted
 * on it, once. A give-back is never more than the deduction net of the other give-backs. A smart-audit finding's
 * own review (ViolationReviewed) moves no money any more: the claim review is the money decision (ADR 0024), and a
 * confirmed finding deducted on its own as well would charge the claim twice. Each source counts once: a
 * redelivered event changes nothing.
 */
@Service
public class DeductionLedger {

    private final DeductionStore store;
    private final OwedService owed;

    DeductionLedger(DeductionStore store, OwedService owed) {
        this.store = store;
        this.owed = owed;
    }

    /**
     * A claim review decided: its total is deducted, keyed by the review. When the claim was reversed before the
     * decision arrived (another topic), or a recovery names it, the deduction is given back at once.
     */
    @Transactional
    public void reviewDecided(ClaimReviewDecided e) {
        // the lock the reversal of the claim holds (OwedLedger.reversed, then claimReversed, one transaction): a
        // decision and the claim's reversal processed at once would otherwise each miss the other's row, and
        // the give-back would be made by neither
        owed.lock(e.institutionCode());
        if (!e.totalDeducted().isPositive()) {
            return;
        }
        if (!store.insert(new Deduction(e.reviewId(), Deduction.Kind.DEDUCTION, e.institutionCode(), e.settlementId(), e.totalDeducted(),
                "claim review decided by " + e.reviewedBy() + " (" + e.lines().size() + " lines)", e.decidedAt(), null))) {
            return; // redelivered
        }
        if (owed.isReversed(e.institutionCode(), e.settlementId())) {
            giveBackRest(e.reviewId(), "claim reversed before the review's decision arrived", e.decidedAt());
        } else if (store.recoveryNames(e.institutionCode(), e.settlementId())) {
            // a recovery ordered on the claim covers it: deducting too would charge the claim twice
            giveBackRest(e.reviewId(), "claim covered by a recovery ordered on it", e.decidedAt());
        }
    }

    /**
     * An appeal decided: what it gives back is paid back, once per appeal, at most what is still deducted for the
     * review (a reversal or recovery may have given it back already). An appeal whose decision was never counted (its
     * decision dead-lettered) is refused, so it is retried and dead-lettered in turn, to be replayed after the decision.
     */
    @Transactional
    public void appealDecided(ClaimReviewAppealDecided e) {
        owed.lock(e.institutionCode());
        if (!e.amountGivenBack().isPositive()) {
            return;
        }
        if (store.deduction(e.reviewId()).isEmpty()) {
            // the same topic and key carry the decision first: it is missing only when it was dead-lettered; giving back
            // nothing now would lose the appeal when the decision is replayed, so this waits (retried, then dead-lettered
            // and replayed after it)
            throw new IllegalStateException("review " + e.reviewId() + ": an appeal's give-back of " + e.amountGivenBack()
                    + " before its decision's deduction was counted; replay the decision first");
        }
        Money rest = store.stillDeducted(e.reviewId());
        Money back = e.amountGivenBack().min(rest);
        if (back.isPositive()) {
            store.insert(new Deduction(e.reviewId(), Deduction.Kind.APPEAL_GIVEN_BACK, e.institutionCode(), e.settlementId(), back.negate(),
                    "appeal decided by " + e.decidedBy() + ": " + e.amountGivenBack() + " withdrawn", e.decidedAt(), null));
        }
    }

    /**
     * A claim reversed in full: the fund pays nothing for it any more, so what is still deducted on it is given back
     * (once; supervision withdraws only reviews not decided yet, so a decided one stands). ASSUMPTION: deductions on
     * other claims that rested on the reversed one keep their amount.
     */
    @Transactional
    public void claimReversed(ClaimReversed e) {
        for (Deduction d : store.confirmedOn(e.institutionCode(), e.settlementId())) {
            giveBackRest(d.sourceId(), "claim reversed (" + e.reversalId() + ")", e.reversedAt());
        }
    }

    /**
     * A recovery ordered: its amount is recovered; what is still deducted on a claim it names (before or after it) is
     * given back, once, so the claim is not charged twice. ASSUMPTION: a recovery naming a claim covers every
     * deduction on it (the case's amount is what the claim owes the fund), whatever their amounts.
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
                    giveBackRest(d.sourceId(), "claim covered by recovery case " + e.caseId(), e.orderedAt());
                }
            }
        }
    }

    /** Gives back, once, what is still deducted for a source (its deduction net of every give-back). */
    private void giveBackRest(String sourceId, String reason, Instant at) {
        Money rest = store.stillDeducted(sourceId);
        if (rest.isPositive()) {
            Deduction d = store.deduction(sourceId).orElseThrow();
            store.insert(new Deduction(sourceId, Deduction.Kind.DEDUCTION_RETURNED, d.institutionCode(), d.settlementId(), rest.negate(),
                    reason, at, null));
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
