package org.yibao.supervision.review;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.ClaimReviewAppealDecided;
import org.yibao.contracts.events.ClaimReviewDecided;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.supervision.audit.AuditFollowUp;
import org.yibao.supervision.audit.RuleReports;
import org.yibao.supervision.audit.SmartAuditService;
import org.yibao.supervision.audit.Violation;
import org.yibao.supervision.rules.ClaimFacts;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Claim review (病例审核), one transaction per use case: the queue fed by the smart audit (a claim with a finding,
 * or one sampled by {@link ReviewPolicy}, queued once in the audit's transaction; withdrawn when the claim is
 * reversed before a decision), a reviewer's decision deducting claim lines (扣款) announced as ClaimReviewDecided
 * with the findings' outcomes as ViolationReviewed, the institution's appeal (申诉), and another reviewer's
 * decision on it announced as ClaimReviewAppealDecided. Fund clearing moves the money on those two events.
 */
@Service
public class ClaimReviewService implements AuditFollowUp {

    private final ReviewStore store;
    private final ReviewPolicy policy;
    private final SmartAuditService audit;
    private final RuleReports findings;
    private final OutboxWriter outbox;
    private final Clock clock;

    ClaimReviewService(ReviewStore store, ReviewPolicy policy, SmartAuditService audit, RuleReports findings, OutboxWriter outbox,
                       Clock clock) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.findings = findings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A finding was stored on the claim: it is queued (FLAGGED), once. */
    @Override
    public void flagged(String settlementId) {
        store.queue(UUID.randomUUID(), settlementId, ReviewReason.FLAGGED, clock.instant());
    }

    /** A claim was audited: when no finding queued it, the sample may (by value, or at random). */
    @Override
    public void audited(ClaimFacts claim) {
        if (store.isQueued(claim.settlementId())) {
            return;
        }
        policy.sample(claim.settlementId(), claim.total())
                .ifPresent(reason -> store.queue(UUID.randomUUID(), claim.settlementId(), reason, clock.instant()));
    }

    /** A claim reversed before its review was decided: the review is withdrawn (a decided one stands). */
    @Override
    public void reversed(String settlementId, Instant at) {
        store.withdraw(settlementId, at);
    }

    /** A page of the reviews in one status, and how many there are in it. */
    public record QueuePage(List<ClaimReview> reviews, long total) {
    }

    /** A page of the reviews in {@code status} (the open queue by default): flagged first, then the oldest; and their number. */
    @Transactional(readOnly = true)
    public QueuePage queue(ReviewStatus status, String institution, int page, int size) {
        return new QueuePage(store.queue(status, institution, page, size), store.count(status, institution));
    }

    /** A review with the claim's lines and the smart audit's findings on it. */
    public record ReviewFile(ClaimReview review, List<ClaimReview.BilledLine> claimLines, List<Violation> findings) {
    }

    /**
     * One review, for staff or for the institution that billed the claim (another institution: 403).
     *
     * @throws NotFoundException when there is no such review
     */
    @Transactional(readOnly = true)
    public ReviewFile review(UUID id, CallerIdentity caller) {
        ClaimReview r = find(id, false);
        caller.requireOwnInstitution(r.institution(), "claim review " + id + "'s institution");
        return file(r);
    }

    /**
     * A reviewer's decision, once: the lines deducted (none: nothing deducted); the findings on the claim get their
     * outcomes (cited by a line: CONFIRMED; the others DISMISSED); announced as ClaimReviewDecided with the appeal
     * deadline, in the same transaction.
     */
    @Transactional
    public ReviewFile decide(UUID id, List<ClaimReview.RequestedDeduction> lines, String note, String reviewer) {
        ClaimReview r = find(id, true);
        List<Violation> onClaim = audit.findingsOn(r.settlementId());
        Set<UUID> findingIds = new HashSet<>();
        onClaim.forEach(v -> findingIds.add(v.id()));
        List<ClaimReview.Deduction> deductions = r.decide(lines, store.claimLines(r.settlementId()), policy.reasonCodes().keySet(),
                findingIds);
        Instant at = clock.instant();
        LocalDate deadline = policy.appealDeadline(LocalDate.ofInstant(at, clock.getZone()));
        Money total = Money.sum(deductions.stream().map(ClaimReview.Deduction::amount).toList());
        if (!store.decide(id, reviewer, at, total, note, deadline, deductions)) {
            throw new ConflictException("claim review " + id + " was decided already");
        }
        Set<UUID> cited = new HashSet<>();
        deductions.stream().filter(d -> d.findingId() != null).forEach(d -> cited.add(d.findingId()));
        findings.concludeByClaimReview(r.settlementId(), cited, reviewer, note == null ? "claim review " + id : note, at);
        outbox.append(new ClaimReviewDecided(id.toString(), r.settlementId(), r.institution(),
                deductions.stream().map(d -> new ClaimReviewDecided.Line(d.lineNo(), d.itemCode(), d.amount(), d.reasonCode(), d.reason()))
                        .toList(), total, reviewer, at, deadline));
        return file(find(id, false));
    }

    /**
     * The institution's appeal against a decision that deducted something, once, by the deadline (Beijing date),
     * contesting deducted lines; only the institution that billed the claim (another: 403).
     */
    @Transactional
    public ReviewFile appeal(UUID id, List<Integer> lines, String statement, CallerIdentity caller) {
        ClaimReview r = find(id, true);
        caller.requireOwnInstitution(r.institution(), "claim review " + id + "'s institution");
        Instant at = clock.instant();
        r.appeal(lines, LocalDate.ofInstant(at, clock.getZone()));
        if (!store.appeal(id, caller.clientId(), at, statement, lines)) {
            throw new ConflictException("claim review " + id + " was appealed already");
        }
        return file(find(id, false));
    }

    /**
     * A reviewer other than the decider decides the appeal, line by line; announced as ClaimReviewAppealDecided
     * with what is given back, in the same transaction.
     */
    @Transactional
    public ReviewFile decideAppeal(UUID id, List<ClaimReview.RequestedOutcome> lines, String note, String decider) {
        ClaimReview r = find(id, true);
        List<ClaimReview.AppealLine> decided = r.decideAppeal(decider, lines);
        Money givenBack = Money.sum(decided.stream().map(ClaimReview.AppealLine::givenBack).toList());
        Instant at = clock.instant();
        if (!store.decideAppeal(id, decider, at, givenBack, note, decided)) {
            throw new ConflictException("the appeal against claim review " + id + " was decided already");
        }
        List<ClaimReviewAppealDecided.Line> eventLines = decided.stream().map(l -> new ClaimReviewAppealDecided.Line(l.lineNo(),
                r.deductions().stream().filter(d -> d.lineNo() == l.lineNo()).findFirst().orElseThrow().amount(), l.givenBack(),
                l.outcome().name())).toList();
        outbox.append(new ClaimReviewAppealDecided(id.toString(), r.settlementId(), r.institution(), givenBack, eventLines, decider, at));
        return file(find(id, false));
    }

    private ClaimReview find(UUID id, boolean lock) {
        return store.find(id, lock).orElseThrow(() -> new NotFoundException("claim review " + id + " does not exist"));
    }

    private ReviewFile file(ClaimReview r) {
        return new ReviewFile(r, store.claimLines(r.settlementId()), audit.findingsOn(r.settlementId()));
    }
}
