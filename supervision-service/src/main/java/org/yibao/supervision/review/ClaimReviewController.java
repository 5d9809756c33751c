package org.yibao.supervision.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claim review (病例审核) at {@code /api/supervision/claim-reviews}: the reviewers' queue and one review with its
 * claim's lines and findings; a reviewer's decision deducting lines (扣款); the institution's appeal (申诉); another
 * reviewer's decision on the appeal. Reviewers and the appealing institution come from the token, never the body.
 */
@RestController
@RequestMapping("/api/supervision/claim-reviews")
class ClaimReviewController {

    static final int MAX_PAGE = 500;

    private final ClaimReviewService reviews;

    ClaimReviewController(ClaimReviewService reviews) {
        this.reviews = reviews;
    }

    /** @param total the reviews in the status (of the institution when given), on every page */
    record ReviewQueue(List<ClaimReview> reviews, int page, int size, long total) {
    }

    /**
     * The reviews in one status, the open ones when none is given: flagged first, then the oldest.
     *
     * @param institution only this institution's claims (optional)
     * @param status      OPEN (the default), DECIDED or WITHDRAWN
     */
    @GetMapping
    ReviewQueue queue(@RequestParam(required = false) String institution, @RequestParam Optional<ReviewStatus> status,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (institution != null && !institution.matches("[A-Z0-9]{4,32}")) {
            throw new InvalidRequestException("institution", "must be an institution code of 4 to 32 capital letters or digits");
        }
        if (page < 0 || page > 100_000) {
            throw new InvalidRequestException("page", "must be between 0 and 100000");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE);
        }
        ClaimReviewService.QueuePage queue = reviews.queue(status.orElse(ReviewStatus.OPEN), institution, page, size);
        return new ReviewQueue(queue.reviews(), page, size, queue.total());
    }

    @GetMapping("/{id}")
    ClaimReviewService.ReviewFile review(@PathVariable UUID id, CallerIdentity caller) {
        return reviews.review(id, caller);
    }

    /**
     * A deduction line.
     *
     * @param lineNo     the claim line, 1-based as the claim lists them
     * @param amount     yuan deducted: above zero, at most 2 decimals, at most the line's amount
     * @param reasonCode one of the declared reasons ({@code claim-review/claim-review.yml})
     * @param reason     the reviewer's words, at most 500 characters
     * @param findingId  the smart audit's finding on the claim that this line confirms (optional)
     */
    record ReviewDeductionLine(@NotNull @Min(1) @Max(10_000) Integer lineNo,
                         @NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                         @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z_]+") String reasonCode,
                         @Size(max = 500) String reason,
                         UUID findingId) {
    }

    /** @param lines the deductions, at most one per claim line; none for no deduction */
    record ReviewDecisionRequest(@NotNull @Size(max = 1000) List<@NotNull @Valid ReviewDeductionLine> lines, @Size(max = 500) String note) {
    }

    @PostMapping("/{id}/decision")
    ClaimReviewService.ReviewFile decide(@PathVariable UUID id, @Valid @RequestBody ReviewDecisionRequest d, CallerIdentity caller) {
        return reviews.decide(id, d.lines().stream().map(l -> new ClaimReview.RequestedDeduction(l.lineNo(), l.amount(), l.reasonCode(),
                l.reason(), l.findingId())).toList(), d.note(), caller.clientId());
    }

    /**
     * @param lines     the deducted claim lines contested
     * @param statement the institution's case, at most 2,000 characters
     */
    record AppealRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Min(1) @Max(10_000) Integer> lines,
                  @NotBlank @Size(max = 2000) String statement) {
    }

    @PostMapping("/{id}/appeal")
    ClaimReviewService.ReviewFile appeal(@PathVariable UUID id, @Valid @RequestBody AppealRequest a, CallerIdentity caller) {
        return reviews.appeal(id, a.lines(), a.statement(), caller);
    }

    /**
     * A contested line's outcome.
     *
     * @param givenBack yuan given back when WITHDRAWN (the whole deduction when absent); none when UPHELD
     */
    record AppealLineOutcome(@NotNull @Min(1) @Max(10_000) Integer lineNo, @NotNull ClaimReview.LineOutcome outcome,
                         @DecimalMin("0.00") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal givenBack) {
    }

    /** @param lines one per contested line */
    record AppealDecisionRequest(@NotEmpty @Size(max = 1000) List<@NotNull @Valid AppealLineOutcome> lines, @Size(max = 500) String note) {
    }

    @PostMapping("/{id}/appeal/decision")
    ClaimReviewService.ReviewFile decideAppeal(@PathVariable UUID id, @Valid @RequestBody AppealDecisionRequest d, CallerIdentity caller) {
        return reviews.decideAppeal(id, d.lines().stream().map(l -> new ClaimReview.RequestedOutcome(l.lineNo(), l.outcome(),
                l.givenBack())).toList(), d.note(), caller.clientId());
    }
}
