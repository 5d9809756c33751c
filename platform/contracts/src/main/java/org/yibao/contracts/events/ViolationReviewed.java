package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * A finding of the smart audit (a ViolationDetected) was decided: confirmed or dismissed by a reviewer
 * (named by their token) — on its own, or by a claim review's decision (病例审核: a finding cited by a
 * deduction line confirmed, the others dismissed) — or withdrawn because its claim was reversed. It feeds
 * each rule's confirmed precision and backtests; it moves no money: what an institution loses is the claim
 * review's ClaimReviewDecided (and gets back, ClaimReviewAppealDecided), which fund clearing deducts (ADR 0024).
 *
 * @param violationId  the ViolationDetected's violationId
 * @param amountAtRisk yuan in violation, as the finding stated it
 * @param reviewedBy   the reviewer's id from their token; "settlement reversal" for a withdrawal
 * @param note         the reviewer's reason, at most 500 characters; null when none was given
 */
@EventType(name = "ViolationReviewed", version = 1, topic = Topics.VIOLATION_REVIEWS)
public record ViolationReviewed(
        String violationId,
        AuditRule rule,
        String settlementId,
        String institutionCode,
        ReviewOutcome outcome,
        Money amountAtRisk,
        String reviewedBy,
        Instant reviewedAt,
        String note) implements IntegrationEvent {

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
