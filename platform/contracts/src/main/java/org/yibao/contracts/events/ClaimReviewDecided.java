package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A settled claim's review (病例审核) was decided: the reviewer (named by their token) deducted these lines
 * (扣款), item by item with a reason, or nothing. Fund clearing deducts {@code totalDeducted} from the
 * institution's next monthly payment, once per review; the institution may appeal (申诉) until
 * {@code appealDeadline}, and the appeal's outcome is a ClaimReviewAppealDecided.
 *
 * @param reviewId        unique per review; a consumer counts it once
 * @param settlementId    the claim reviewed (ClaimSettled.settlementId)
 * @param institutionCode the designated institution that billed the claim
 * @param lines           the deductions, one per claim line; empty when nothing was deducted
 * @param totalDeducted   yuan, the sum of the lines; at most the claim's fund-paid amount
 * @param reviewedBy      the reviewer's id from their token
 * @param appealDeadline  the last day (Beijing date) on which the institution may appeal
 */
@EventType(name = "ClaimReviewDecided", version = 1, topic = Topics.CLAIM_REVIEWS)
public record ClaimReviewDecided(
        String reviewId,
        String settlementId,
        String institutionCode,
        List<Line> lines,
        Money totalDeducted,
        String reviewedBy,
        Instant decidedAt,
        LocalDate appealDeadline) implements IntegrationEvent {

    public ClaimReviewDecided {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One deducted claim line.
     *
     * @param lineNo     the claim line, 1-based in the bill's order
     * @param itemCode   the line's item code
     * @param amount     yuan deducted, at most the line's amount
     * @param reasonCode why, from supervision's declared list (e.g. NOT_MEDICALLY_NECESSARY)
     * @param reason     the reviewer's words, at most 500 characters; null when none
     */
    public record Line(int lineNo, String itemCode, Money amount, String reasonCode, String reason) {
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
