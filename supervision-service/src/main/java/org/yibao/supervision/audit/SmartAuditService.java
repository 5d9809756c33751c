package org.yibao.supervision.audit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.events.ReviewOutcome;
import org.yibao.contracts.events.ViolationDetected;
import org.yibao.contracts.events.ViolationReviewed;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.supervision.rules.ClaimFacts;
import org.yibao.supervision.rules.ClaimHistoryStore;
import org.yibao.supervision.rules.RuleEngine;
import org.yibao.supervision.rules.RuleEntry;
import org.yibao.supervision.rules.RuleFinding;
import org.yibao.supervision.rules.RuleInputs;
import org.yibao.supervision.rules.RuleLibrary;
import org.yibao.supervision.rules.Stage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Smart audit (智能审核, 事后) of every settled claim: the rule library's enabled entries of stage
 * AFTER, applied to the claim with the person's kept claims around it. Findings of one kind on one
 * claim are one violation (the amounts of distinct lines added, at most the claim's total; every
 * entry's evidence kept), stored once per kind and claim and announced as ViolationDetected in the
 * same transaction. A rule across claims may find a violation on a claim kept earlier (an outpatient
 * bill inside a stay settled later). A claim is audited in the consumer's transaction, so a
 * redelivered claim is audited once. Whatever follows an audit in the same transaction (claim review's queue)
 * is an {@link AuditFollowUp}.
 */
@Service
public class SmartAuditService {

    private final ClaimHistoryStore claims;
    private final ViolationStore violations;
    private final RuleLibrary library;
    private final RuleInputs inputs;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ObjectProvider<AuditFollowUp> followUps;

    SmartAuditService(ClaimHistoryStore claims, ViolationStore violations, RuleLibrary library, RuleInputs inputs,
                      OutboxWriter outbox, MeterRegistry meters, Clock clock, ObjectProvider<AuditFollowUp> followUps) {
        this.followUps = followUps;
        this.claims = claims;
        this.violations = violations;
        this.library = library;
        this.inputs = inputs;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** Audits a settled claim once. */
    @Transactional
    public void audit(ClaimSettled c) {
        if (!claims.keep(c)) {
            return;
        }
        List<RuleEntry> entries = enabled();
        ClaimFacts claim = ClaimFacts.of(c);
        for (Merged m : merge(RuleEngine.apply(entries, inputs.around(claim, Stage.AFTER, entries)))) {
            record(m);
        }
        followUps.orderedStream().forEach(f -> f.audited(claim));
    }

    /**
     * A reversed claim is no longer held against a later one, and its open findings (and those resting on
     * it) are withdrawn and announced as ViolationReviewed WITHDRAWN (the funds paid nothing in the end);
     * findings already reviewed keep their outcome.
     */
    @Transactional
    public void reversed(ClaimReversed e) {
        claims.markReversed(e.settlementId());
        Instant at = clock.instant();
        for (ViolationStore.Withdrawn w : violations.withdraw(e.settlementId(), at)) {
            outbox.append(new ViolationReviewed(w.id().toString(), w.rule(), w.settlementId(), w.institution(), ReviewOutcome.WITHDRAWN,
                    w.amountAtRisk(), ViolationStore.WITHDRAWN_BY, at, "claim " + e.settlementId() + " reversed: " + e.reason()));
        }
        followUps.orderedStream().forEach(f -> f.reversed(e.settlementId(), at));
    }

    /**
     * A death registered (possibly late): claims already settled for treatment after it are flagged
     * now by the library's enabled death entries. Returns how many claims were flagged.
     */
    @Transactional
    public int deathRegistered(String personId, LocalDate dateOfDeath, String source) {
        claims.registerDeath(personId, dateOfDeath, source);
        List<RuleEntry> deathRules = enabled().stream()
                .filter(e -> e.kind() == AuditRule.CLAIM_AFTER_DEATH && e.stages().contains(Stage.AFTER)).toList();
        int flagged = 0;
        for (ClaimFacts claim : claims.servedAfter(personId, dateOfDeath)) {
            for (RuleEntry e : deathRules) {
                if (record(new Merged(e.kind(), List.of(e.id()), e.severity(), claim, List.of(), claim.total(),
                        List.of("served on " + claim.serviceDate() + ", after the person's registered death on " + dateOfDeath)))) {
                    flagged++;
                    break;
                }
            }
        }
        return flagged;
    }

    /** The findings on a claim, oldest first (claim review shows them beside the claim's lines). */
    @Transactional(readOnly = true)
    public List<Violation> findingsOn(String settlementId) {
        return violations.onClaim(settlementId);
    }

    /** The findings on claims served in {@code year}, in id order after {@code after}, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Violation> violations(int year, UUID after, int limit) {
        return violations.servedBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), after, limit);
    }

    private List<RuleEntry> enabled() {
        return library.entries().stream().filter(RuleEntry::enabled).toList();
    }

    /**
     * Findings of one kind on one claim, taken together.
     *
     * @param amount yuan: the amounts of findings whose lines none of the earlier ones counted, a whole-claim
     *               finding the claim's total; at most the total
     */
    record Merged(AuditRule kind, List<String> ruleIds, Severity severity, ClaimFacts target, List<String> related,
                  Money amount, List<String> evidence) {
    }

    static List<Merged> merge(List<RuleFinding> findings) {
        Map<String, List<RuleFinding>> groups = new LinkedHashMap<>();
        for (RuleFinding f : findings) {
            groups.computeIfAbsent(f.kind() + "|" + f.target().settlementId(), k -> new ArrayList<>()).add(f);
        }
        List<Merged> merged = new ArrayList<>();
        for (List<RuleFinding> group : groups.values()) {
            RuleFinding first = group.get(0);
            Set<Integer> counted = new HashSet<>();
            Money amount = Money.ZERO;
            boolean whole = false;
            Set<String> ids = new LinkedHashSet<>();
            Set<String> related = new LinkedHashSet<>();
            List<String> evidence = new ArrayList<>();
            Severity severity = Severity.SUSPECT;
            for (RuleFinding f : group) {
                ids.add(f.ruleId());
                related.addAll(f.related());
                evidence.add(f.ruleId() + ": " + f.evidence());
                if (f.severity() == Severity.VIOLATION) {
                    severity = Severity.VIOLATION;
                }
                if (f.lines().isEmpty()) {
                    whole = true;
                } else if (java.util.Collections.disjoint(counted, f.lines())) {
                    counted.addAll(f.lines()); // a finding on lines already counted adds nothing (never a line twice)
                    amount = amount.plus(f.amount());
                }
            }
            Money total = first.target().total();
            if (whole || amount.amount().compareTo(total.amount()) > 0) {
                amount = total;
            }
            merged.add(new Merged(first.kind(), List.copyOf(ids), severity, first.target(), List.copyOf(related), amount, evidence));
        }
        return merged;
    }

    /** Stores a violation once per kind and claim and announces it; false when it was already known. */
    private boolean record(Merged m) {
        UUID id = UUID.randomUUID();
        if (!violations.add(id, m)) {
            return false; // a second finding of the same kind on the same claim adds nothing
        }
        ClaimFacts t = m.target();
        List<String> ids = new ArrayList<>(List.of(t.settlementId()));
        ids.addAll(m.related());
        outbox.append(new ViolationDetected(id.toString(), m.kind(), ids, t.personId(), t.institution(), t.regionCode(),
                t.year(), m.amount(), m.evidence(), clock.instant(), String.join(",", m.ruleIds()), m.severity()));
        meters.counter("yibao.supervision.violations", "rule", m.kind().name()).increment();
        followUps.orderedStream().forEach(f -> f.flagged(t.settlementId()));
        return true;
    }
}
