package org.yibao.supervision.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ReviewOutcome;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.events.ViolationReviewed;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.supervision.rules.ClaimFacts;
import org.yibao.supervision.rules.ClaimHistoryStore;
import org.yibao.supervision.rules.Exemption;
import org.yibao.supervision.rules.RuleEngine;
import org.yibao.supervision.rules.RuleEntry;
import org.yibao.supervision.rules.RuleFinding;
import org.yibao.supervision.rules.RuleInputs;
import org.yibao.supervision.rules.RuleLibrary;
import org.yibao.supervision.rules.Scene;
import org.yibao.supervision.rules.Stage;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rule library as the auditors work with it: its entries, a reviewer's outcome on a finding,
 * each rule's hits and confirmed precision per month, and backtesting — a rule, a changed parameter
 * or a candidate entry run over a past period's kept claims before it is switched on, reporting its
 * hits and amounts and the share of them reviewers confirmed when the current rules found them.
 */
@Service
public class RuleReports {

    /** The longest period one backtest reads, days. */
    static final int MAX_BACKTEST_DAYS = 366;
    private static final int PAGE = 500;

    private final RuleLibrary library;
    private final RuleInputs inputs;
    private final ClaimHistoryStore claims;
    private final ViolationStore violations;
    private final OutboxWriter outbox;
    private final Clock clock;

    RuleReports(RuleLibrary library, RuleInputs inputs, ClaimHistoryStore claims, ViolationStore violations, OutboxWriter outbox,
                Clock clock) {
        this.library = library;
        this.inputs = inputs;
        this.claims = claims;
        this.violations = violations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An entry as the auditors see it; {@code parameters} is the type's parameters record. */
    public record RuleView(String id, String name, AuditRule kind, String type, Set<Scene> scenes, Set<Stage> stages,
                           Severity severity, boolean enabled, String basis, Set<Exemption> exemptions, Object parameters) {
    }

    /** The library's version and entries. */
    public record Library(String version, List<RuleView> rules) {
    }

    public Library library() {
        return new Library(library.version(), library.entries().stream().map(RuleReports::view).toList());
    }

    static RuleView view(RuleEntry e) {
        return new RuleView(e.id(), e.name(), e.kind(), e.type().name(), new TreeSet<>(e.scenes()), new TreeSet<>(e.stages()),
                e.severity(), e.enabled(), e.basis(), new TreeSet<>(e.exemptions()), e.parameters());
    }

    /**
     * A reviewer's outcome on a finding, announced as ViolationReviewed in the same transaction, for each rule's
     * confirmed precision; the reviewer is the calling staff member. No money moves on it: a claim review's
     * decision (ClaimReviewDecided) is what clearing deducts. 404 unknown, 409 already reviewed or withdrawn.
     */
    @Transactional
    public Violation review(UUID id, Violation.Review outcome, String note, String reviewer) {
        violations.find(id).orElseThrow(() -> new NotFoundException("violation " + id + " does not exist"));
        Instant at = clock.instant();
        if (!violations.review(id, outcome, reviewer, note, at)) {
            throw new ConflictException("violation " + id + " was reviewed already");
        }
        Violation v = violations.find(id).orElseThrow();
        outbox.append(new ViolationReviewed(v.id().toString(), v.rule(), v.settlementId(), v.institution(),
                ReviewOutcome.valueOf(outcome.name()), v.amountAtRisk(), reviewer, at, note));
        return v;
    }

    /**
     * The outcomes a claim review's decision gives the open findings on its claim, in the decision's transaction:
     * those in {@code confirmed} (cited by a deduction line) CONFIRMED, the others DISMISSED, each announced as
     * ViolationReviewed for the rule statistics. Findings reviewed or withdrawn before keep their outcome.
     */
    @Transactional
    public void concludeByClaimReview(String settlementId, Set<UUID> confirmed, String reviewer, String note, Instant at) {
        for (Violation v : violations.onClaim(settlementId)) {
            if (v.review() != null) {
                continue;
            }
            Violation.Review outcome = confirmed.contains(v.id()) ? Violation.Review.CONFIRMED : Violation.Review.DISMISSED;
            if (violations.review(v.id(), outcome, reviewer, note, at)) {
                outbox.append(new ViolationReviewed(v.id().toString(), v.rule(), v.settlementId(), v.institution(),
                        ReviewOutcome.valueOf(outcome.name()), v.amountAtRisk(), reviewer, at, note));
            }
        }
    }

    /**
     * A rule's month.
     *
     * @param hitRate           findings per claim kept that month, 4 decimals; null without claims
     * @param confirmedPrecision confirmed / (confirmed + dismissed), 4 decimals; null while none is reviewed
     */
    public record Month(int month, long claims, long findings, Money amount, long confirmed, long dismissed,
                        BigDecimal hitRate, BigDecimal confirmedPrecision) {
    }

    public record RuleMonths(String ruleId, AuditRule kind, List<Month> months) {
    }

    /** Each rule's hits, amounts, hit rate and confirmed precision per month of service date in the year. */
    @Transactional(readOnly = true)
    public List<RuleMonths> report(int year) {
        long[] perMonth = violations.claimsPerMonth(year);
        Map<String, RuleMonths> byRule = new LinkedHashMap<>();
        for (ViolationStore.MonthOfRule m : violations.monthsOfRules(year)) {
            long claimsThatMonth = perMonth[m.month() - 1];
            byRule.computeIfAbsent(m.ruleId(), id -> new RuleMonths(id, m.kind(), new ArrayList<>())).months()
                    .add(new Month(m.month(), claimsThatMonth, m.findings(), m.amount(), m.confirmed(), m.dismissed(),
                            share(m.findings(), claimsThatMonth), share(m.confirmed(), m.confirmed() + m.dismissed())));
        }
        return List.copyOf(byRule.values());
    }

    /**
     * One entry's backtest.
     *
     * @param hits              claims it finds
     * @param amount            yuan in violation on them (each claim's at most its total)
     * @param confirmed         of the hits, those reviewers confirmed as a finding of the same kind
     * @param dismissed         of the hits, those reviewers dismissed
     * @param confirmedShare    confirmed / (confirmed + dismissed), 4 decimals; null when none was reviewed
     */
    public record EntryResult(String ruleId, String name, AuditRule kind, boolean enabledNow, long hits, Money amount,
                              long confirmed, long dismissed, long unreviewed, BigDecimal confirmedShare) {
    }

    public record Backtest(LocalDate from, LocalDate to, String source, long claimsRead, List<EntryResult> rules) {
    }

    /**
     * Runs entries over the claims served in the period (at most {@link #MAX_BACKTEST_DAYS} days): the
     * candidate entries when given (the library's format and checks), else the library's entry
     * {@code ruleId}, else every entry of the library — each as the smart audit would apply it after
 * settlement, whatever its stages, to each claim with the history the live audit had when the claim
 * arrived. Nothing is stored or announced.
     *
     * @throws InvalidRequestException naming {@code from}, {@code to}, {@code ruleId} or {@code candidate}
     */
    @Transactional(readOnly = true)
    public Backtest backtest(LocalDate from, LocalDate to, String ruleId, String candidate) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidRequestException(from == null ? "from" : "to", "must be a date, to not before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_BACKTEST_DAYS) {
            throw new InvalidRequestException("to", "a backtest reads at most " + MAX_BACKTEST_DAYS + " days");
        }
        List<RuleEntry> entries;
        String source;
        if (candidate != null && !candidate.isBlank()) {
            try {
                entries = library.parse("candidate", candidate).entries();
            } catch (IllegalStateException e) {
                throw new InvalidRequestException("candidate", e.getMessage().replaceFirst("^candidate: ", ""));
            }
            // a backtest asks what an entry would have found after settlement, whatever stages it is meant for
            entries = entries.stream().map(RuleReports::afterSettlement).toList();
            source = "candidate";
        } else if (ruleId != null) {
            entries = List.of(afterSettlement(library.entry(ruleId).orElseThrow(() -> new InvalidRequestException("ruleId",
                    "is not a rule of the library " + library.version()))));
            source = "library " + library.version();
        } else {
            entries = library.entries().stream().map(RuleReports::afterSettlement).toList();
            source = "library " + library.version();
        }
        Map<String, Map<String, Money>> hits = new LinkedHashMap<>();
        entries.forEach(e -> hits.put(e.id(), new LinkedHashMap<>()));
        Map<String, AuditRule> kinds = new HashMap<>();
        long read = 0;
        String afterId = "";
        LocalDate afterDate = from.minusDays(1);
        while (true) {
            List<ClaimHistoryStore.Kept> page = claims.servedBetween(from, to, afterId, afterDate, PAGE);
            for (ClaimHistoryStore.Kept kept : page) {
                read++;
                ClaimFacts claim = kept.claim();
                for (RuleFinding f : RuleEngine.apply(entries, inputs.around(claim, Stage.AFTER, entries, kept.keptAt()))) {
                    if (f.target().serviceDate().isBefore(from) || f.target().serviceDate().isAfter(to)) {
                        continue;
                    }
                    kinds.put(f.ruleId(), f.kind());
                    hits.get(f.ruleId()).merge(f.target().settlementId(), f.amount(), (a, b) -> {
                        Money sum = a.plus(b);
                        return sum.amount().compareTo(f.target().total().amount()) > 0 ? f.target().total() : sum;
                    });
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            afterId = page.get(page.size() - 1).claim().settlementId();
            afterDate = page.get(page.size() - 1).claim().serviceDate();
        }
        Set<AuditRule> allKinds = new HashSet<>();
        entries.forEach(e -> allKinds.add(e.kind()));
        Map<String, Violation.Review> reviews = violations.reviews(allKinds, from, to);
        List<EntryResult> results = new ArrayList<>();
        for (RuleEntry e : entries) {
            Map<String, Money> found = hits.get(e.id());
            long confirmed = 0;
            long dismissed = 0;
            for (String settlementId : found.keySet()) {
                Violation.Review r = reviews.get(e.kind() + "|" + settlementId);
                if (r == Violation.Review.CONFIRMED) {
                    confirmed++;
                } else if (r == Violation.Review.DISMISSED) {
                    dismissed++;
                }
            }
            Optional<RuleEntry> inLibrary = library.entry(e.id());
            results.add(new EntryResult(e.id(), e.name(), e.kind(), inLibrary.map(RuleEntry::enabled).orElse(false), found.size(),
                    Money.sum(found.values()), confirmed, dismissed, found.size() - confirmed - dismissed,
                    share(confirmed, confirmed + dismissed)));
        }
        return new Backtest(from, to, source, read, results);
    }

    private static RuleEntry afterSettlement(RuleEntry e) {
        Set<Stage> stages = new HashSet<>(e.stages());
        stages.add(Stage.AFTER);
        return new RuleEntry(e.id(), e.name(), e.kind(), e.type(), e.scenes(), stages, e.severity(), e.enabled(), e.basis(),
                e.exemptions(), e.parameters());
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
