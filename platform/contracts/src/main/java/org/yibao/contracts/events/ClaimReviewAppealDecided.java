package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * An institution's appeal (申诉) against a claim review's deductions was decided by a reviewer other than the
 * one who decided the review (named by their token): each contested line upheld or withdrawn, fully or partly.
 * Fund clearing pays {@code amountGivenBack} back in the institution's next monthly payment, once per appeal.
 *
 * @param reviewId        the ClaimReviewDecided's reviewId (one appeal per review)
 * @param settlementId    the claim reviewed
 * @param institutionCode the institution that appealed
 * @param amountGivenBack yuan returned, the sum of the lines' givenBack; zero when every contested line was upheld
 * @param lines           one per contested line
 * @param decidedBy       the deciding reviewer's id from their token
 */
@EventType(name = "ClaimReviewAppealDecided", version = 1, topic = Topics.CLAIM_REVIEWS)
public record ClaimReviewAppealDecided(
        String reviewId,
        String settlementId,
        String institutionCode,
        Money amountGivenBack,
        List<Line> lines,
        String decidedBy,
        Instant decidedAt) implements IntegrationEvent {

    public ClaimReviewAppealDecided {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One contested line's outcome.
     *
     * @param lineNo    the claim line, 1-based
     * @param deducted  yuan the review deducted on it
     * @param givenBack yuan given back: zero when UPHELD, at most {@code deducted}
     * @param outcome   UPHELD or WITHDRAWN (fully or partly, as givenBack says)
     */
    public record Line(int lineNo, Money deducted, Money givenBack, String outcome) {
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
