package org.yibao.supervision.audit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ViolationDetected;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.supervision.precheck.SingleBillRules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Smart audit (智能审核) of every settled claim: the single-bill rules the pre-check also uses, and
 * the rules across claims ({@link ClaimRule}, one class each) — the price ceiling of the catalog in
 * force on the service date (supervision's copy, fed by settlement's CatalogChanged), a registered
 * death, an admission with tests only, one person in two hospitals on the same day, split
 * hospitalisation. Each finding is stored once per rule and claim and announced as ViolationDetected
 * with its evidence, in the same transaction. A claim is audited in the consumer's transaction, so a
 * redelivered claim is audited once.
 */
@Service
public class SmartAuditService {

    private final AuditStore claims;
    private final ViolationStore violations;
    private final SingleBillRules billRules;
    private final Map<AuditRule, ClaimRule> rules = new EnumMap<>(AuditRule.class);
    private final AuditContext context;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    SmartAuditService(AuditStore claims, ViolationStore violations, SingleBillRules billRules, List<ClaimRule> rules,
                      AuditContext context, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.claims = claims;
        this.violations = violations;
        this.billRules = billRules;
        for (ClaimRule rule : rules) {
            if (this.rules.put(rule.rule(), rule) != null) {
                throw new IllegalStateException("two classes check " + rule.rule());
            }
        }
        this.context = context;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** Audits a settled claim once: every rule, in the order of {@link AuditRule}. */
    @Transactional
    public void audit(ClaimSettled c) {
        if (!claims.keep(c)) {
            return;
        }
        Subject subject = Subject.of(c);
        List<SingleBillRules.Item> items = c.lines().stream()
                .map(l -> new SingleBillRules.Item(l.itemCode(), l.quantity(), l.amount())).toList();
        for (SingleBillRules.Finding f : billRules.check(new SingleBillRules.Patient(ResidentId.of(c.personId()),
                c.serviceDate(), c.diagnosisCodes()), items)) {
            record(subject, new Finding(f.rule(), List.of(), f.amountAtRisk(), f.evidence()));
        }
        ClaimUnderAudit claim = context.around(c);
        for (ClaimRule rule : rules.values()) {
            rule.check(claim).forEach(f -> record(subject, f));
        }
    }

    /** A reversed claim is no longer held against a later one. */
    @Transactional
    public void reversed(ClaimReversed e) {
        claims.markReversed(e.settlementId());
    }

    /**
     * A death registered (possibly late): claims already settled for treatment after it are flagged
     * now. Returns how many.
     */
    @Transactional
    public int deathRegistered(String personId, LocalDate dateOfDeath, String source) {
        claims.registerDeath(personId, dateOfDeath, source);
        int flagged = 0;
        for (AuditStore.KeptClaim claim : claims.servedAfter(personId, dateOfDeath)) {
            Subject subject = new Subject(claim.settlementId(), personId, claim.institution(), claim.regionCode(),
                    claim.serviceDate().getYear());
            Optional<Finding> finding = ClaimAfterDeath.check(claim.serviceDate(), claim.total(), dateOfDeath);
            if (finding.isPresent() && record(subject, finding.get())) {
                flagged++;
            }
        }
        return flagged;
    }

    /** The findings on claims served in {@code year}, in id order after {@code after}, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Violation> violations(int year, UUID after, int limit) {
        return violations.servedBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), after, limit);
    }

    /** Stores a finding once per rule and claim and announces it; false when it was already known. */
    private boolean record(Subject s, Finding f) {
        UUID id = UUID.randomUUID();
        if (!violations.add(id, s, f)) {
            return false; // a second finding of the same rule on the same claim adds nothing
        }
        List<String> ids = new ArrayList<>(List.of(s.settlementId()));
        ids.addAll(f.related());
        outbox.append(new ViolationDetected(id.toString(), f.rule(), ids, s.personId(), s.institution(), s.regionCode(),
                s.year(), f.amountAtRisk(), List.of(f.evidence()), clock.instant()));
        meters.counter("yibao.supervision.violations", "rule", f.rule().name()).increment();
        return true;
    }
}
