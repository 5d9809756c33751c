package org.yibao.supervision.review;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a claim review: amounts within the line and the fund-paid amount, the deadline, another decider, the owner. */
class ClaimReviewTest {

    private static final UUID FINDING = UUID.randomUUID();
    private static final Set<String> CODES = Set.of("REPEATED_CHARGING", "OTHER");
    /** A claim of 300.00: line 1 200.00, line 2 100.00; the funds paid 250.00 of it. */
    private static final List<ClaimReview.BilledLine> LINES = List.of(
            new ClaimReview.BilledLine(1, "S120100001", "床位费", Money.of("200.00")),
            new ClaimReview.BilledLine(2, "S250301001", "血常规", Money.of("100.00")));

    @Test
    void twoLinesWithinTheirAmountsAreDeductedAndTheirFindingCited() {
        List<ClaimReview.Deduction> d = open().decide(List.of(
                new ClaimReview.RequestedDeduction(1, new BigDecimal("40"), "REPEATED_CHARGING", "twice", FINDING),
                new ClaimReview.RequestedDeduction(2, new BigDecimal("100.00"), "OTHER", null, null)), LINES, CODES, Set.of(FINDING));

        assertThat(d).extracting(ClaimReview.Deduction::amount).containsExactly(Money.of("40.00"), Money.of("100.00"));
        assertThat(d.get(0).itemCode()).isEqualTo("S120100001");
        assertThat(open().decide(List.of(), LINES, CODES, Set.of())).as("no lines: nothing deducted").isEmpty();
    }

    @Test
    void anAmountAboveItsLineOrWithThreeDecimalsOrTwiceOnALineIsRefusedNamingTheLine() {
        assertRefused(List.of(new ClaimReview.RequestedDeduction(2, new BigDecimal("100.01"), "OTHER", null, null)), "lines[0].amount");
        assertRefused(List.of(new ClaimReview.RequestedDeduction(2, new BigDecimal("1.001"), "OTHER", null, null)), "lines[0].amount");
        assertRefused(List.of(new ClaimReview.RequestedDeduction(2, BigDecimal.ZERO, "OTHER", null, null)), "lines[0].amount");
        assertRefused(List.of(new ClaimReview.RequestedDeduction(1, BigDecimal.ONE, "OTHER", null, null),
                new ClaimReview.RequestedDeduction(1, BigDecimal.ONE, "OTHER", null, null)), "lines[1].lineNo");
        assertRefused(List.of(new ClaimReview.RequestedDeduction(3, BigDecimal.ONE, "OTHER", null, null)), "lines[0].lineNo");
        assertRefused(List.of(new ClaimReview.RequestedDeduction(1, BigDecimal.ONE, "MADE_UP", null, null)), "lines[0].reasonCode");
        assertRefused(List.of(new ClaimReview.RequestedDeduction(1, BigDecimal.ONE, "OTHER", null, UUID.randomUUID())), "lines[0].findingId");
    }

    @Test
    void linesAddingUpToMoreThanTheFundPaidAreRefused() {
        // 200.00 + 100.00 = 300.00 > 250.00 paid by the funds, though each line is within its own amount
        assertRefused(List.of(new ClaimReview.RequestedDeduction(1, new BigDecimal("200.00"), "OTHER", null, null),
                new ClaimReview.RequestedDeduction(2, new BigDecimal("100.00"), "OTHER", null, null)), "lines");
        assertThat(open().decide(List.of(new ClaimReview.RequestedDeduction(1, new BigDecimal("200.00"), "OTHER", null, null),
                new ClaimReview.RequestedDeduction(2, new BigDecimal("50.00"), "OTHER", null, null)), LINES, CODES, Set.of()))
                .as("exactly the fund-paid amount").hasSize(2);
    }

    @Test
    void aDecidedReviewIsNotDecidedAgain() {
        assertThatThrownBy(() -> decided(Money.of("40.00"), null).decide(List.of(), LINES, CODES, Set.of()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anAppealIsAcceptedUpToItsDeadlineDayAndRefusedTheDayAfterNamingTheDeadline() {
        ClaimReview r = decided(Money.of("40.00"), null);
        r.appeal(List.of(1), LocalDate.of(2026, 4, 16)); // the deadline day itself

        assertThatThrownBy(() -> r.appeal(List.of(1), LocalDate.of(2026, 4, 17)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("appealDeadline").hasMessageContaining("2026-04-16");
    }

    @Test
    void anAppealContestsOnlyDeductedLinesOnceAndADecisionWithoutDeductionCannotBeAppealed() {
        ClaimReview r = decided(Money.of("40.00"), null);
        assertThatThrownBy(() -> r.appeal(List.of(2), LocalDate.of(2026, 4, 2))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("lines[0]"));
        assertThatThrownBy(() -> decided(Money.ZERO, null).appeal(List.of(1), LocalDate.of(2026, 4, 2))).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> decided(Money.of("40.00"), appeal(null)).appeal(List.of(1), LocalDate.of(2026, 4, 2)))
                .as("appealed once").isInstanceOf(ConflictException.class);
    }

    @Test
    void anotherInstitutionMayNotAppealOrReadTheReview() {
        ClaimReview r = decided(Money.of("40.00"), null);
        assertThatThrownBy(() -> CallerIdentity.his("his-2", "H2").requireOwnInstitution(r.institution(), "institution"))
                .isInstanceOf(ForbiddenException.class);
        CallerIdentity.his("his-1", "H1").requireOwnInstitution(r.institution(), "institution");
    }

    @Test
    void theReviewerWhoDecidedMayNotDecideTheAppeal() {
        ClaimReview r = decided(Money.of("40.00"), appeal(null));
        List<ClaimReview.RequestedOutcome> upheld = List.of(new ClaimReview.RequestedOutcome(1, ClaimReview.LineOutcome.UPHELD, null));

        assertThatThrownBy(() -> r.decideAppeal("reviewer-1", upheld)).isInstanceOf(ForbiddenException.class);
        assertThat(r.decideAppeal("reviewer-2", upheld)).containsExactly(new ClaimReview.AppealLine(1, ClaimReview.LineOutcome.UPHELD, Money.ZERO));
    }

    @Test
    void anAppealGivesBackAtMostTheLinesDeductionWholeWhenNotSaidAndDecidesEveryContestedLineOnce() {
        ClaimReview r = decided(Money.of("40.00"), appeal(null));
        assertThat(r.decideAppeal("reviewer-2", List.of(new ClaimReview.RequestedOutcome(1, ClaimReview.LineOutcome.WITHDRAWN, null))))
                .containsExactly(new ClaimReview.AppealLine(1, ClaimReview.LineOutcome.WITHDRAWN, Money.of("40.00")));
        assertThat(r.decideAppeal("reviewer-2", List.of(new ClaimReview.RequestedOutcome(1, ClaimReview.LineOutcome.WITHDRAWN,
                new BigDecimal("15.50"))))).containsExactly(new ClaimReview.AppealLine(1, ClaimReview.LineOutcome.WITHDRAWN, Money.of("15.50")));

        assertThatThrownBy(() -> r.decideAppeal("reviewer-2", List.of(new ClaimReview.RequestedOutcome(1, ClaimReview.LineOutcome.WITHDRAWN,
                new BigDecimal("40.01"))))).satisfies(e -> assertThat(fields(e)).containsExactly("lines[0].givenBack"));
        assertThatThrownBy(() -> r.decideAppeal("reviewer-2", List.of(new ClaimReview.RequestedOutcome(1, ClaimReview.LineOutcome.UPHELD,
                new BigDecimal("1.00"))))).satisfies(e -> assertThat(fields(e)).containsExactly("lines[0].givenBack"));
        assertThatThrownBy(() -> r.decideAppeal("reviewer-2", List.of())).satisfies(e -> assertThat(fields(e)).containsExactly("lines"));
        assertThatThrownBy(() -> decided(Money.of("40.00"), appeal("reviewer-2")).decideAppeal("reviewer-3", List.of()))
                .as("decided once").isInstanceOf(ConflictException.class);
    }

    private static void assertRefused(List<ClaimReview.RequestedDeduction> lines, String field) {
        assertThatThrownBy(() -> open().decide(lines, LINES, CODES, Set.of(FINDING))).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(fields(e)).contains(field));
    }

    private static List<String> fields(Throwable e) {
        return ((InvalidRequestException) e).problems().stream().map(FieldProblem::field).toList();
    }

    private static ClaimReview open() {
        return new ClaimReview(UUID.randomUUID(), "S-1", "H1", ReviewReason.FLAGGED, ReviewStatus.OPEN, Money.of("300.00"),
                Money.of("250.00"), Instant.now(), null, null, null, null, null, List.of(), null);
    }

    /** Decided by reviewer-1 on 2026-04-01, deducting line 1 (when {@code deducted} is positive); appeal period to 2026-04-16. */
    private static ClaimReview decided(Money deducted, ClaimReview.Appeal appeal) {
        List<ClaimReview.Deduction> lines = deducted.isPositive()
                ? List.of(new ClaimReview.Deduction(1, "S120100001", deducted, "OTHER", null, null)) : List.of();
        return new ClaimReview(UUID.randomUUID(), "S-1", "H1", ReviewReason.FLAGGED, ReviewStatus.DECIDED, Money.of("300.00"),
                Money.of("250.00"), Instant.now(), "reviewer-1", Instant.parse("2026-04-01T02:00:00Z"), deducted, null,
                LocalDate.of(2026, 4, 16), lines, appeal);
    }

    private static ClaimReview.Appeal appeal(String decidedBy) {
        return new ClaimReview.Appeal("his-1", Instant.now(), "we did it once", List.of(new ClaimReview.AppealLine(1, null, null)),
                decidedBy, null, null, null);
    }
}
