package org.yibao.settlement.bill;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimReversed;
import org.yibao.contracts.events.AssistanceLimit;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.settlement.accumulator.AccumulatorStore;
import org.yibao.settlement.adjudication.AdjudicatedLine;
import org.yibao.settlement.adjudication.Adjudication;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.BillLine;
import org.yibao.settlement.adjudication.Claim;
import org.yibao.settlement.adjudication.NotCoveredException;
import org.yibao.settlement.adjudication.TreatmentPlace;
import org.yibao.settlement.api.SettleRequest;
import org.yibao.settlement.catalog.Catalog;
import org.yibao.settlement.catalog.CatalogItem;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.precheck.PreCheckRequest;
import org.yibao.settlement.precheck.SupervisionPreCheck;
import org.yibao.settlement.precheck.Verdict;
import org.yibao.settlement.policy.PolicyPacks;
import org.yibao.settlement.readmodel.Certification;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.settlement.readmodel.Institution;
import org.yibao.settlement.readmodel.ReadModels;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Pre-settlement, settlement and reversal. Resolves who, where and under which policy from the read
 * models, prices the lines from the catalog, lets the {@link Adjudicator} split the bill, and commits
 * the settlement, the person's accumulators and the ClaimSettled event in one transaction.
 */
@Service
public class SettlementService {

    /** A bill above this is refused as implausible rather than settled by mistake. */
    static final Money LARGEST_BILL = Money.of("10000000.00");

    private final ReadModels readModels;
    private final Catalog catalog;
    private final PolicyPacks packs;
    private final Adjudicator adjudicator;
    private final AccumulatorStore accumulators;
    private final SettlementStore settlements;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SupervisionPreCheck preCheck;
    private final TransactionTemplate transactions;

    public SettlementService(ReadModels readModels, Catalog catalog, PolicyPacks packs, Adjudicator adjudicator,
                             AccumulatorStore accumulators, SettlementStore settlements, OutboxWriter outbox,
                             JsonMapper json, MeterRegistry meters, Clock clock, SupervisionPreCheck preCheck,
                             PlatformTransactionManager transactionManager) {
        this.readModels = readModels;
        this.catalog = catalog;
        this.packs = packs;
        this.adjudicator = adjudicator;
        this.accumulators = accumulators;
        this.settlements = settlements;
        this.outbox = outbox;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.preCheck = preCheck;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A settled (or replayed) bill, and whether this call created it. */
    public record Settled(SettlementView view, boolean created) {
    }

    /** Computes the bill as settlement would, and changes nothing. */
    @Transactional(readOnly = true)
    public SettlementView preSettle(SettleRequest request) {
        Encounter encounter = resolve(request);
        Accumulators yearToDate = accumulators.current(request.personId().value(), encounter.enrollment().scheme(),
                encounter.year());
        return view(null, "PRE_SETTLEMENT", request, encounter, adjudicate(encounter, yearToDate),
                new Verdict(Verdict.Outcome.UNCHECKED, List.of("pre-settlement is not audited")), null);
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
        Encounter encounter = resolve(request);
        Verdict verdict = preCheck.check(preCheckRequest(request, encounter));
        if (verdict.outcome() == Verdict.Outcome.BLOCK) {
            throw new RefusedException("supervision's real-time audit blocked this bill: " + String.join("; ", verdict.reasons()));
        }
        return transactions.execute(status -> settleLocked(request, hash, encounter, verdict));
    }

    private Settled settleLocked(SettleRequest request, String hash, Encounter encounter, Verdict verdict) {
        String personId = request.personId().value();
        Accumulators yearToDate = accumulators.lock(personId, encounter.enrollment().scheme(), encounter.year());
        // a concurrent retry of the same message waited on that lock; it finds the first result now
        Optional<Settled> replay = replay(request, hash);
        if (replay.isPresent()) {
            return replay.get();
        }
        Adjudication adjudication = adjudicate(encounter, yearToDate);
        SettlementView view = view(UUID.randomUUID(), "SETTLED", request, encounter, adjudication, verdict, clock.instant());
        try {
            settlements.insert(view, hash, adjudication.delta());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("message id " + request.messageId() + " was already used for another bill");
        }
        accumulators.save(personId, encounter.enrollment().scheme(), encounter.year(), yearToDate.plus(adjudication.delta()));
        outbox.append(claimSettled(view, adjudication.assistanceLimit().orElse(null)));
        count("settled", view);
        return new Settled(view, true);
    }

    @Transactional
    public SettlementView reverse(UUID settlementId, String reason) {
        SettlementStore.Stored stored = settlements.lock(settlementId)
                .orElseThrow(() -> new NotFoundException("no settlement " + settlementId));
        SettlementView original = stored.view();
        if (original.reversedAt() != null) {
            throw new ConflictException("settlement " + settlementId + " was already reversed at " + original.reversedAt());
        }
        int year = original.serviceDate().getYear();
        Accumulators yearToDate = accumulators.lock(original.personId(), original.scheme(), year);
        accumulators.save(original.personId(), original.scheme(), year, yearToDate.minus(stored.delta()));
        UUID reversalId = UUID.randomUUID();
        Instant now = clock.instant();
        settlements.markReversed(settlementId, reversalId, now, reason);
        SettlementView reversed = settlements.byId(settlementId).orElseThrow().view();
        outbox.append(new ClaimReversed(reversalId.toString(), settlementId.toString(), original.personId(),
                original.institutionCode(), original.regionCode(), original.scheme(), original.visitType(), year, now,
                reason, original.amounts(), claimLines(original)));
        count("reversed", original);
        return reversed;
    }

    @Transactional(readOnly = true)
    public SettlementView get(UUID id) {
        return settlements.byId(id).orElseThrow(() -> new NotFoundException("no settlement " + id)).view();
    }

    @Transactional(readOnly = true)
    /** An institution's settlements settled or reversed between two days inclusive, Beijing time. */
    public List<SettlementView> ofInstitution(String institutionCode, java.time.LocalDate from, java.time.LocalDate to) {
        return settlements.ofInstitution(institutionCode, from, to);
    }

    public List<SettlementView> forPerson(String personId, int year) {
        return settlements.forPersonAndYear(personId, year);
    }

    /** The person's accumulators for the year under the scheme they are enrolled in that year. */
    @Transactional(readOnly = true)
    public Map<String, Object> accumulatorsOf(String personId, int year) {
        Enrollment enrollment = readModels.enrollment(personId, year)
                .orElseThrow(() -> new NotFoundException("the person has no enrollment in " + year));
        Accumulators a = accumulators.current(personId, enrollment.scheme(), year);
        return Map.of("year", year, "scheme", enrollment.scheme(), "accumulators", a);
    }

    private Optional<Settled> replay(SettleRequest request, String hash) {
        return settlements.byMessageId(request.institutionCode(), request.messageId()).map(existing -> {
            if (!existing.requestHash().equals(hash)) {
                throw new ConflictException("message id " + request.messageId()
                        + " was already used for a different bill; a retry must repeat the same bill");
            }
            return new Settled(existing.view(), false);
        });
    }

    /** Everything the calculation needs, resolved and checked; refusals name what is wrong. */
    private record Encounter(int year, Enrollment enrollment, Institution institution, PolicyPack pack,
                             Optional<AssistanceCategory> category, Claim claim, List<String> uncatalogued,
                             Map<String, CatalogItem> items) {
    }

    private Encounter resolve(SettleRequest request) {
        LocalDate date = request.serviceDate();
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw new InvalidRequestException("serviceDate", "is in the future");
        }
        if (date.isBefore(today.minusYears(2).withDayOfYear(1))) {
            throw new InvalidRequestException("serviceDate", "is more than two years back; such a bill needs a manual review");
        }
        String personId = request.personId().value();
        Institution institution = readModels.institution(request.institutionCode())
                .orElseThrow(() -> new RefusedException("institution " + request.institutionCode()
                        + " is not a designated institution known to settlement"));
        if (institution.status() != AgreementStatus.ACTIVE) {
            throw new RefusedException("institution " + institution.code() + "'s agreement is " + institution.status()
                    + "; it cannot settle");
        }
        boolean pharmacyVisit = request.visitType() == VisitType.PHARMACY;
        if (pharmacyVisit != (institution.kind() == InstitutionKind.PHARMACY)) {
            throw new RefusedException(pharmacyVisit ? "a pharmacy purchase must be settled by a pharmacy"
                    : "a pharmacy can only settle pharmacy purchases");
        }
        Enrollment enrollment = readModels.enrollment(personId, date.getYear())
                .filter(e -> e.coversDate(date))
                .orElseThrow(() -> new RefusedException("the person is not enrolled in basic medical insurance on " + date));
        PolicyPack pack = packs.inForce(enrollment.regionCode(), enrollment.scheme(), date)
                .orElseThrow(() -> new RefusedException("no " + enrollment.scheme() + " policy pack is in force for region "
                        + enrollment.regionCode() + " on " + date));
        Optional<AssistanceCategory> category = readModels.assistanceCategory(personId, date);
        TreatmentPlace place = Regions.contains(pack.regionCode(), institution.regionCode()) ? TreatmentPlace.LOCAL
                : readModels.filingsInForce(personId, date).stream().anyMatch(f -> f.covers(institution.regionCode(), date))
                ? TreatmentPlace.REMOTE_FILED : TreatmentPlace.REMOTE_UNFILED;
        List<String> certified = readModels.certificationsInForce(personId, date).stream()
                .map(Certification::diseaseCode).distinct().toList();

        List<String> codes = request.lines().stream().map(SettleRequest.Line::itemCode).distinct().toList();
        Map<String, CatalogItem> items = catalog.find(codes);
        // only a certified person's bill can meet a zero-pay rule, so only then are the catalogs looked up
        Map<String, Set<String>> catalogs = certified.isEmpty() || pack.zeroPay().isEmpty()
                ? Map.of() : readModels.catalogsOf(codes, date);
        List<BillLine> lines = new ArrayList<>();
        List<String> uncatalogued = new ArrayList<>();
        Money total = Money.ZERO;
        for (int i = 0; i < request.lines().size(); i++) {
            SettleRequest.Line line = request.lines().get(i);
            if (line.unitPrice().isNegative()) {
                throw new InvalidRequestException("lines[" + i + "].unitPrice", "must not be negative");
            }
            CatalogItem item = items.get(line.itemCode());
            if (item == null && !uncatalogued.contains(line.itemCode())) {
                uncatalogued.add(line.itemCode());
            }
            BillLine priced = item == null
                    ? new BillLine(line.itemCode(), "未列入医保目录", ItemCategory.SERVICE, ItemClass.C, line.quantity(),
                    line.unitPrice(), Optional.empty(), false)
                    : new BillLine(item.code(), item.name(), item.category(), item.itemClass(), line.quantity(),
                    line.unitPrice(), item.priceCeiling(), item.vbp(), catalogs.getOrDefault(item.code(), Set.of()));
            lines.add(priced);
            total = total.plus(priced.amount());
        }
        if (total.compareTo(LARGEST_BILL) > 0) {
            throw new InvalidRequestException("lines", "the bill's total " + total + " exceeds " + LARGEST_BILL);
        }
        Claim claim = new Claim(request.visitType(), institution.level(), enrollment.personType(), enrollment.tier(),
                category, place, request.diagnosisCodesOrEmpty(), certified, lines, request.personalAccountOrZero());
        return new Encounter(date.getYear(), enrollment, institution, pack, category, claim, uncatalogued, items);
    }

    private Adjudication adjudicate(Encounter encounter, Accumulators yearToDate) {
        try {
            return adjudicator.adjudicate(encounter.claim(), yearToDate, encounter.pack());
        } catch (NotCoveredException e) {
            throw new RefusedException(e.getMessage());
        }
    }

    private static PreCheckRequest preCheckRequest(SettleRequest request, Encounter encounter) {
        List<PreCheckRequest.Line> lines = encounter.claim().lines().stream().map(l -> new PreCheckRequest.Line(
                l.itemCode(), l.itemClass().name(), l.quantity(), l.unitPrice(), l.amount())).toList();
        return new PreCheckRequest(request.personId().value(), request.institutionCode(), request.visitType(),
                request.serviceDate(), request.diagnosisCodesOrEmpty(),
                Money.sum(lines.stream().map(PreCheckRequest.Line::amount).toList()), lines);
    }

    private SettlementView view(UUID id, String status, SettleRequest request, Encounter encounter,
                                Adjudication adjudication, Verdict verdict, Instant settledAt) {
        List<LineView> lines = new ArrayList<>();
        for (AdjudicatedLine l : adjudication.lines()) {
            BillLine b = l.line();
            lines.add(new LineView(b.itemCode(), b.itemName(), b.category(), b.itemClass(),
                    encounter.items().containsKey(b.itemCode()), b.quantity(), b.unitPrice(), l.amount(), l.fullSelfPay(),
                    l.priorSelfPay(), b.vbp(), l.paidInFullBy().orElse(null), b.priceCeiling().orElse(null)));
        }
        return new SettlementView(id, status, request.messageId(), request.personId().value(), request.institutionCode(),
                encounter.enrollment().regionCode(), encounter.enrollment().scheme(), request.visitType(),
                encounter.claim().place(), request.serviceDate(), request.diagnosisCodesOrEmpty(), adjudication.policyPack(), adjudication.amounts(),
                lines, encounter.uncatalogued(), verdict, settledAt, null, null, null);
    }

    private static ClaimSettled claimSettled(SettlementView v, AssistanceLimit assistanceLimit) {
        return new ClaimSettled(v.id().toString(), v.personId(), v.institutionCode(), v.regionCode(), v.scheme(),
                v.visitType(), v.serviceDate().getYear(), v.serviceDate(), v.diagnosisCodes(), v.settledAt(),
                v.policyPack(), v.amounts(), assistanceLimit, claimLines(v));
    }

    private static List<ClaimLine> claimLines(SettlementView v) {
        return v.lines().stream().map(l -> new ClaimLine(l.itemCode(), l.itemName(), l.category(), l.itemClass(),
                l.quantity(), l.unitPrice(), l.amount(), l.selfPay(), l.vbp())).toList();
    }

    private String hash(SettleRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String outcome, SettlementView v) {
        meters.counter("yibao.settlement.bills", "outcome", outcome, "visit_type", v.visitType().name(),
                "region", v.regionCode()).increment();
        if (outcome.equals("settled")) {
            SettlementAmounts a = v.amounts();
            record("total", a.total());
            record("basic_fund", a.basicFund());
            record("catastrophic", a.catastrophic());
            record("supplementary", a.supplementary());
            record("assistance", a.assistance());
            record("personal_account", a.personalAccount());
            record("cash", a.cash());
        }
    }

    private void record(String layer, Money amount) {
        // yuan as a double is fine for a dashboard; the books are in the database, exact
        meters.counter("yibao.settlement.amount.yuan", "layer", layer).increment(amount.amount().doubleValue());
    }

}
