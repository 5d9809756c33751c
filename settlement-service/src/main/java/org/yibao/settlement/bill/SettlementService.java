package org.yibao.settlement.bill;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.events.AssistanceLimit;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.settlement.accumulator.AccumulatorStore;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.Adjudication;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.adjudication.Claim;
import org.yibao.settlement.account.AccountPayment;
import org.yibao.settlement.account.AccountPayments;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.NotCoveredException;
import org.yibao.settlement.precheck.Finding;
import org.yibao.settlement.precheck.SupervisionPreCheck;
import org.yibao.settlement.precheck.Verdict;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pre-settlement, settlement and reversal. {@link Encounters} resolves who, where and under which
 * policy and prices the lines, the {@link Adjudicator} splits the bill, and this service commits the
 * settlement, the person's accumulators and the ClaimSettled event in one transaction, settling a
 * retried message once.
 *
 * <p>A personal account (个人账户, issue 22) pays what the person still owes after the funds, up to what the
 * bill asks ({@code personalAccountAmount}) and the account's balance: {@link AccountPayments} names the
 * paying account (the patient's own, or under family mutual aid a bound holder's), and its row lock is
 * taken in the settle transaction after the person's accumulator lock — always in that order, so two
 * bills on one account wait for each other and cannot overdraw it. A reversal gives the payment back.
 */
@Service
public class SettlementService {

    private final Encounters encounters;
    private final Adjudicator adjudicator;
    private final SupervisionPreCheck preCheck;
    private final AccumulatorStore accumulators;
    private final SettlementStore settlements;
    private final OutboxWriter outbox;
    private final SettlementMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AccountPayments accounts;

    SettlementService(Encounters encounters, Adjudicator adjudicator, SupervisionPreCheck preCheck,
                      AccumulatorStore accumulators, SettlementStore settlements, OutboxWriter outbox,
                      SettlementMetrics metrics, JsonMapper json, Clock clock, PlatformTransactionManager transactionManager,
                      AccountPayments accounts) {
        this.encounters = encounters;
        this.adjudicator = adjudicator;
        this.preCheck = preCheck;
        this.accumulators = accumulators;
        this.settlements = settlements;
        this.outbox = outbox;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
    }

    /** A settled (or replayed) bill, and whether this call created it. */
    public record Settled(SettlementView view, boolean created) {
    }

    /** Computes the bill as settlement would, and changes nothing. */
    @Transactional(readOnly = true)
    public SettlementView preSettle(SettleRequest request) {
        Encounter encounter = encounters.resolve(request);
        Accumulators yearToDate = accumulators.current(request.personId().value(), encounter.enrollment().scheme(),
                encounter.year());
        Optional<String> payer = payer(encounter);
        Money available = payer.map(h -> accounts.available(h, request.personalAccountOrZero())).orElse(Money.ZERO);
        Adjudication adjudication = adjudicate(encounter, yearToDate, available);
        SettlementView view = encounter.bill(null, SettlementStatus.PRE_SETTLEMENT, adjudication,
                new Verdict(Verdict.Outcome.UNCHECKED, List.of("pre-settlement is not audited")), null)
                .withTrace(adjudication.steps());
        Money paid = adjudication.amounts().personalAccount();
        return payer.map(h -> view.withAccount(new AccountPayment(h, paid, accounts.balance(h).minus(paid),
                !h.equals(view.personId())))).orElse(view);
    }

    /**
     * Settles a bill. The read-only part (replay check, resolution, supervision's pre-check, a network
     * call) runs before the transaction, so no database connection or row lock waits on supervision;
     * the locked part then re-checks the message id under the person's accumulator lock.
     */
    public Settled settle(SettleRequest request) {
        String hash = hash(request);
        Optional<Settled> replay = replay(request, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        Encounter encounter = encounters.resolve(request);
        Optional<String> payer = payer(encounter); // a refusal naming accountHolderId comes before the pre-check
        Verdict verdict = preCheck.check(encounter.preCheckRequest());
        if (verdict.outcome() == Verdict.Outcome.BLOCK) {
            throw new RefusedException("supervision's real-time audit blocked this bill: " + String.join("; ", verdict.reasons())
                    + findings(verdict));
        }
        return transactions.execute(status -> settleLocked(request, hash, encounter, verdict, payer));
    }

    private Settled settleLocked(SettleRequest request, String hash, Encounter encounter, Verdict verdict, Optional<String> payer) {
        String personId = request.personId().value();
        Accumulators yearToDate = accumulators.lock(personId, encounter.enrollment().scheme(), encounter.year());
        // a concurrent retry of the same message waited on that lock; it finds the first result now
        Optional<Settled> replay = replay(request, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        // the account's lock after the accumulator's: what it may pay is decided on the balance no other bill can move
        Money available = payer.map(h -> accounts.lockAvailable(h, request.personalAccountOrZero())).orElse(Money.ZERO);
        Adjudication adjudication = adjudicate(encounter, yearToDate, available);
        SettlementView view = encounter.bill(UUID.randomUUID(), SettlementStatus.SETTLED, adjudication, verdict, clock.instant());
        try {
            settlements.insert(view, hash, adjudication.delta(), adjudication.steps(), claimOf(encounter, available));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("message id " + request.messageId() + " was already used for another bill");
        }
        accumulators.save(personId, encounter.enrollment().scheme(), encounter.year(), yearToDate.plus(adjudication.delta()));
        if (payer.isPresent()) {
            view = view.withAccount(accounts.pay(payer.get(), view.id(), personId, adjudication.amounts().personalAccount()));
        }
        outbox.append(claimSettled(view, adjudication.assistanceLimit().orElse(null)));
        metrics.settled(view);
        return new Settled(view, true);
    }

    /** Reverses a settlement in full (冲销), restoring the person's accumulators exactly. */
    @Transactional
    public SettlementView reverse(UUID settlementId, String reason) {
        SettlementStore.Stored stored = settlements.lock(settlementId)
                .orElseThrow(() -> new NotFoundException("no settlement " + settlementId));
        SettlementView original = stored.view();
        if (!original.status().mayBeReversed()) {
            throw new ConflictException("settlement " + settlementId + " was already reversed at " + original.reversedAt());
        }
        int year = original.serviceDate().getYear();
        Accumulators yearToDate = accumulators.lock(original.personId(), original.scheme(), year);
        accumulators.save(original.personId(), original.scheme(), year, yearToDate.minus(stored.delta()));
        UUID reversalId = UUID.randomUUID();
        Instant now = clock.instant();
        settlements.markReversed(settlementId, reversalId, now, reason);
        Optional<AccountPayment> restored = accounts.restore(settlementId);
        SettlementView reversed = settlements.byId(settlementId).orElseThrow().view().withAccount(restored.orElse(null));
        // version 2: the lines repeat their days of supply and prescribing doctor as settled
        outbox.append(new ClaimReversed(reversalId.toString(), settlementId.toString(), original.personId(),
                original.institutionCode(), original.regionCode(), original.scheme(), original.visitType(), year, now,
                reason, original.amounts(), claimLines(original)));
        metrics.reversed(original);
        return reversed;
    }

    @Transactional(readOnly = true)
    public SettlementView get(UUID id) {
        return withAccount(settlements.byId(id).orElseThrow(() -> new NotFoundException("no settlement " + id)).view());
    }

    /** A settlement's institution, for the owner's check, and its calculation trace if it was stored with it. */
    public record Traced(String institutionCode, Optional<SettlementTrace> trace) {
    }

    /**
     * A settlement's calculation trace as stored with the bill (issue 25), with its institution for the owner's check;
     * the trace is empty for a bill settled before traces were stored.
     *
     * @throws NotFoundException (404) when there is no such settlement
     */
    @Transactional(readOnly = true)
    public Traced trace(UUID id) {
        SettlementStore.StoredTrace stored = settlements.trace(id).orElseThrow(() -> new NotFoundException("no settlement " + id));
        return new Traced(stored.institutionCode(), Optional.ofNullable(stored.trace()));
    }

    /**
     * The settlement an institution made under a message id — the answer for a caller that does not know whether its settle
     * went through (a timeout, a connection cut after the commit): found, or 404; never a settlement made by asking.
     *
     * @throws NotFoundException (404) when the institution made none under it
     */
    @Transactional(readOnly = true)
    public SettlementView byMessageId(String institutionCode, String messageId) {
        return withAccount(settlements.byMessageId(institutionCode, messageId)
                .orElseThrow(() -> new NotFoundException("no settlement of " + institutionCode + " under message id " + messageId)).view());
    }

    /** An institution's settlements settled or reversed between two days inclusive, Beijing time. */
    @Transactional(readOnly = true)
    public List<SettlementView> ofInstitution(String institutionCode, LocalDate from, LocalDate to) {
        return settlements.ofInstitution(institutionCode, from, to);
    }

    @Transactional(readOnly = true)
    public List<SettlementView> forPerson(String personId, int year) {
        return settlements.forPersonAndYear(personId, year).stream().map(this::withAccount).toList();
    }

    private static void dropIfUnstated(ObjectNode node, String name) {
        JsonNode value = node.get(name);
        if (value != null && (value.isNull() || value.isBoolean() && !value.booleanValue() || value.isArray() && value.isEmpty())) {
            node.remove(name);
        }
    }

    /** The bill this institution already settled under the message id, if the same bill; a different one is a conflict. */
    private Optional<Settled> replay(SettleRequest request, String hash) {
        return settlements.byMessageId(request.institutionCode(), request.messageId()).map(existing -> {
            if (!existing.requestHash().equals(hash)) {
                throw new ConflictException("message id " + request.messageId()
                        + " was already used for a different bill; a retry must repeat the same bill");
            }
            return new Settled(withAccount(existing.view()), false);
        });
    }

    /** A settled bill with what an account paid towards it and the balance right after, if an account paid. */
    private SettlementView withAccount(SettlementView view) {
        return view.id() == null ? view : accounts.paymentOf(view.id()).map(view::withAccount).orElse(view);
    }

    /** Whose personal account pays, if the bill asks for an account payment (issue 22); refusals name accountHolderId. */
    private Optional<String> payer(Encounter encounter) {
        SettleRequest request = encounter.request();
        return accounts.payer(request.personId().value(), encounter.enrollment().scheme(), request.accountHolderIdOrNull(),
                request.serviceDate(), request.personalAccountOrZero());
    }

    /**
     * Adjudicates the claim with what the account may pay: min(asked, the paying account's balance), or nothing
     * when no account pays (a resident without a family binding: 城乡居民医保不设个人账户). The adjudicator lets the
     * account pay at most what the person still owes after the funds.
     */
    private Adjudication adjudicate(Encounter encounter, Accumulators yearToDate, Money accountAvailable) {
        try {
            return adjudicator.adjudicate(claimOf(encounter, accountAvailable), yearToDate, encounter.pack());
        } catch (NotCoveredException e) {
            throw new RefusedException(e.getMessage());
        }
    }

    /** The encounter's claim with every fact kept (a delivery's kind too) and what the account may pay: what is adjudicated and stored. */
    private static Claim claimOf(Encounter encounter, Money accountAvailable) {
        return encounter.claim().withPersonalAccountAvailable(accountAvailable);
    }

    /** The findings of a blocking verdict in a line each: rule, kind, severity, amount in violation, line. */
    private static String findings(Verdict verdict) {
        StringBuilder text = new StringBuilder();
        for (Finding f : verdict.findings()) {
            text.append(text.isEmpty() ? " [" : "; ").append(f.ruleId()).append(' ').append(f.rule()).append(' ').append(f.severity());
            if (f.amount() != null) {
                text.append(' ').append(f.amount()).append(" yuan");
            }
            if (f.line() != null) {
                text.append(" line ").append(f.line());
            }
        }
        return text.isEmpty() ? "" : text.append(']').toString();
    }

    /** ClaimSettled version 2: the bill's amounts and lines, and its facts for the audit (issue 21). */
    private static ClaimSettled claimSettled(SettlementView v, AssistanceLimit assistanceLimit) {
        ClaimFacts f = v.facts();
        return new ClaimSettled(v.id().toString(), v.personId(), v.institutionCode(), v.regionCode(), v.scheme(),
                v.visitType(), v.serviceDate().getYear(), v.serviceDate(), v.diagnosisCodes(), v.settledAt(),
                v.policyPack(), v.amounts(), assistanceLimit, claimLines(v), f.personType(), f.emergency(), f.admittedAt(),
                f.dischargedAt(), f.procedureCodes(), f.doctorCode(), f.departmentCode());
    }

    private static List<ClaimLine> claimLines(SettlementView v) {
        return v.lines().stream().map(l -> new ClaimLine(l.itemCode(), l.itemName(), l.category(), l.itemClass(),
                l.quantity(), l.unitPrice(), l.amount(), l.selfPay(), l.vbp(), l.daysOfSupply(), l.doctorCode())).toList();
    }

    /** The members of issue 21's optional facts (and issue 22's accountHolderId): left out of the fingerprint when not given. */
    private static final List<String> OPTIONAL_FACTS = List.of("emergency", "admittedAt", "dischargedAt", "procedureCodes",
            "doctorCode", "departmentCode", "accountHolderId", "deliveryKind");
    private static final List<String> OPTIONAL_LINE_FACTS = List.of("daysOfSupply", "doctorCode");

    /**
     * The request's fingerprint: a retry under the same message id must repeat the same bill. Issue 21's
     * optional facts count only when given (emergency when true, procedures when any), so a bill without
     * them has the fingerprint it had before they existed (a retry across the upgrade is still the same
     * bill), and the same bill with a different fact is a different bill.
     */
    private String hash(SettleRequest request) {
        ObjectNode tree = (ObjectNode) json.valueToTree(request);
        OPTIONAL_FACTS.forEach(name -> dropIfUnstated(tree, name));
        tree.path("lines").forEach(line -> OPTIONAL_LINE_FACTS.forEach(name -> dropIfUnstated((ObjectNode) line, name)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
