package org.yibao.supervision.review;

import org.yibao.contracts.money.Money;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A claim review (病例审核) and its rules: a reviewer decides an open review once, deducting claim lines (扣款)
 * — each line at most once, each amount above zero, in fen, at most the line's amount, all of them at most what
 * the funds paid of the claim, each with a declared reason; the institution that billed the claim may appeal
 * (申诉) a decision that deducted something, once, up to its deadline, contesting deducted lines; a reviewer
 * other than the decider decides the appeal, line by line, upheld or withdrawn (fully or partly).
 *
 * @param total       yuan, the claim's total
 * @param fundPaid    yuan the funds paid of the claim (total less cash and personal account)
 * @param deducted    yuan, the decision's lines added; null while open
 * @param appealDeadline the last Beijing day an appeal is accepted; null while open
 * @param deductions  the decision's lines, by claim line
 * @param appeal      the institution's appeal; null when none
 */
public record ClaimReview(UUID id, String settlementId, String institution, ReviewReason reason, ReviewStatus status, Money total,
                          Money fundPaid, Instant queuedAt, String decidedBy, Instant decidedAt, Money deducted, String decisionNote,
                          LocalDate appealDeadline, List<Deduction> deductions, Appeal appeal) {

    public ClaimReview {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }

    /**
     * A deducted claim line.
     *
     * @param amount    yuan deducted
     * @param findingId the smart audit's finding on this claim that the line confirms; null when none
     */
    public record Deduction(int lineNo, String itemCode, Money amount, String reasonCode, String reason, UUID findingId) {
    }

    /** An institution's appeal; decidedBy null while it waits for a reviewer. */
    public record Appeal(String appealedBy, Instant appealedAt, String statement, List<AppealLine> lines, String decidedBy,
                         Instant decidedAt, Money givenBack, String decisionNote) {
        public Appeal {
            lines = List.copyOf(lines);
        }
    }

    /** A contested line; outcome and givenBack (yuan) null until the appeal is decided. */
    public record AppealLine(int lineNo, LineOutcome outcome, Money givenBack) {
    }

    /** What became of a contested line: UPHELD (nothing given back) or WITHDRAWN (fully or partly, as givenBack says). */
    public enum LineOutcome { UPHELD, WITHDRAWN }

    /** A line of the claim, as supervision kept it. */
    public record BilledLine(int no, String itemCode, String itemName, Money amount) {
    }

    /** A deduction a reviewer asks for. */
    record RequestedDeduction(int lineNo, BigDecimal amount, String reasonCode, String reason, UUID findingId) {
    }

    /** A contested line's decision a reviewer asks for; givenBack null means the whole deduction when WITHDRAWN. */
    record RequestedOutcome(int lineNo, LineOutcome outcome, BigDecimal givenBack) {
    }

    /**
     * Checks a decision against the claim: every problem named ({@code lines[i].lineNo}, {@code lines[i].amount},
     * {@code lines[i].reasonCode}, {@code lines[i].findingId}, {@code lines} for the total); 409 when not open.
     *
     * @param findings the ids of the smart audit's findings on this claim
     */
    List<Deduction> decide(List<RequestedDeduction> requested, List<BilledLine> claimLines, Set<String> reasonCodes, Set<UUID> findings) {
        if (!status.canBeDecided()) {
            throw new ConflictException("claim review " + id + " is " + status + ": a review is decided once");
        }
        Map<Integer, BilledLine> byNo = new HashMap<>();
        claimLines.forEach(l -> byNo.put(l.no(), l));
        List<FieldProblem> problems = new ArrayList<>();
        List<Deduction> deductions = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Money sum = Money.ZERO;
        for (int i = 0; i < requested.size(); i++) {
            RequestedDeduction r = requested.get(i);
            String at = "lines[" + i + "].";
            BilledLine line = byNo.get(r.lineNo());
            if (line == null) {
                problems.add(new FieldProblem(at + "lineNo", "the claim has no line " + r.lineNo() + " (it has " + claimLines.size() + ")"));
                continue;
            }
            if (!seen.add(r.lineNo())) {
                problems.add(new FieldProblem(at + "lineNo", "line " + r.lineNo() + " is deducted twice: one deduction per line"));
                continue;
            }
            if (r.amount().signum() <= 0 || r.amount().stripTrailingZeros().scale() > 2) {
                problems.add(new FieldProblem(at + "amount", "must be above zero, in yuan with at most 2 decimals"));
            } else if (r.amount().compareTo(line.amount().amount()) > 0) {
                problems.add(new FieldProblem(at + "amount", r.amount().toPlainString() + " is more than line " + r.lineNo()
                        + "'s amount " + line.amount()));
            }
            if (!reasonCodes.contains(r.reasonCode())) {
                problems.add(new FieldProblem(at + "reasonCode", "must be one of " + new java.util.TreeSet<>(reasonCodes)));
            }
            if (r.findingId() != null && !findings.contains(r.findingId())) {
                problems.add(new FieldProblem(at + "findingId", "is not a finding of the smart audit on claim " + settlementId));
            }
            if (problems.isEmpty()) {
                Money amount = Money.of(r.amount().setScale(2));
                sum = sum.plus(amount);
                deductions.add(new Deduction(r.lineNo(), line.itemCode(), amount, r.reasonCode(), r.reason(), r.findingId()));
            }
        }
        if (problems.isEmpty() && sum.amount().compareTo(fundPaid.amount()) > 0) {
            problems.add(new FieldProblem("lines", "deduct " + sum + " in all, more than the " + fundPaid + " the funds paid of the claim"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return deductions;
    }

    /**
     * Checks an institution's appeal on {@code today} (Beijing date): 409 when the review is not decided or was
     * appealed already; 422 when nothing was deducted or the deadline has passed; the contested lines must be
     * deducted lines, each once ({@code lines[i]}).
     */
    void appeal(List<Integer> contested, LocalDate today) {
        if (status != ReviewStatus.DECIDED) {
            throw new ConflictException("claim review " + id + " is " + status + ": only a decided review is appealed");
        }
        if (appeal != null) {
            throw new ConflictException("claim review " + id + " was appealed already: a decision is appealed once");
        }
        if (!deducted.isPositive()) {
            throw new RefusedException("claim review " + id + " deducted nothing: there is nothing to appeal");
        }
        if (today.isAfter(appealDeadline)) {
            throw new RefusedException("appealDeadline: the appeal period ended on " + appealDeadline + " (today is " + today + ")");
        }
        Set<Integer> deductedLines = new HashSet<>();
        deductions.forEach(d -> deductedLines.add(d.lineNo()));
        Set<Integer> seen = new HashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < contested.size(); i++) {
            Integer no = contested.get(i);
            if (!deductedLines.contains(no)) {
                problems.add(new FieldProblem("lines[" + i + "]", "line " + no + " was not deducted; deducted lines: " + new java.util.TreeSet<>(deductedLines)));
            } else if (!seen.add(no)) {
                problems.add(new FieldProblem("lines[" + i + "]", "line " + no + " is contested twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /**
     * Checks an appeal's decision by {@code decider}: 404 without an appeal, 409 when decided already, 403 when the
     * decider decided the review (the one who deducted does not judge the appeal against it); every contested line
     * decided once, a WITHDRAWN line giving back above zero and at most its deduction (the whole when not given).
     */
    List<AppealLine> decideAppeal(String decider, List<RequestedOutcome> requested) {
        if (appeal == null) {
            throw new org.yibao.web.problem.NotFoundException("claim review " + id + " has no appeal");
        }
        if (appeal.decidedBy() != null) {
            throw new ConflictException("the appeal against claim review " + id + " was decided already");
        }
        if (decider.equals(decidedBy)) {
            throw new ForbiddenException("the reviewer who decided claim review " + id + " cannot decide the appeal against it");
        }
        Map<Integer, Money> deductedOn = new HashMap<>();
        deductions.forEach(d -> deductedOn.put(d.lineNo(), d.amount()));
        Set<Integer> contested = new HashSet<>();
        appeal.lines().forEach(l -> contested.add(l.lineNo()));
        List<FieldProblem> problems = new ArrayList<>();
        List<AppealLine> decided = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            RequestedOutcome r = requested.get(i);
            String at = "lines[" + i + "].";
            if (!contested.contains(r.lineNo())) {
                problems.add(new FieldProblem(at + "lineNo", "line " + r.lineNo() + " is not contested; contested: " + new java.util.TreeSet<>(contested)));
                continue;
            }
            if (!seen.add(r.lineNo())) {
                problems.add(new FieldProblem(at + "lineNo", "line " + r.lineNo() + " is decided twice"));
                continue;
            }
            Money deductedHere = deductedOn.get(r.lineNo());
            if (r.outcome() == LineOutcome.UPHELD) {
                if (r.givenBack() != null && r.givenBack().signum() != 0) {
                    problems.add(new FieldProblem(at + "givenBack", "an upheld line gives nothing back"));
                } else {
                    decided.add(new AppealLine(r.lineNo(), LineOutcome.UPHELD, Money.ZERO));
                }
            } else if (r.givenBack() == null) {
                decided.add(new AppealLine(r.lineNo(), LineOutcome.WITHDRAWN, deductedHere));
            } else if (r.givenBack().signum() <= 0 || r.givenBack().stripTrailingZeros().scale() > 2) {
                problems.add(new FieldProblem(at + "givenBack", "must be above zero, in yuan with at most 2 decimals"));
            } else if (r.givenBack().compareTo(deductedHere.amount()) > 0) {
                problems.add(new FieldProblem(at + "givenBack", r.givenBack().toPlainString() + " is more than the " + deductedHere
                        + " deducted on line " + r.lineNo()));
            } else {
                decided.add(new AppealLine(r.lineNo(), LineOutcome.WITHDRAWN, Money.of(r.givenBack().setScale(2))));
            }
        }
        if (problems.isEmpty() && !seen.equals(contested)) {
            Set<Integer> missing = new java.util.TreeSet<>(contested);
            missing.removeAll(seen);
            problems.add(new FieldProblem("lines", "every contested line is decided; missing " + missing));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return decided;
    }
}
