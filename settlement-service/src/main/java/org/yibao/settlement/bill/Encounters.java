package org.yibao.settlement.bill;

import java.math.BigDecimal;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.settlement.catalog.Restriction;
import org.yibao.contracts.events.Scheme;
import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;
import org.yibao.settlement.adjudication.BillLine;
import org.yibao.settlement.adjudication.Claim;
import org.yibao.settlement.adjudication.TreatmentPlace;
import org.yibao.settlement.catalog.CatalogItem;
import org.yibao.settlement.catalog.CatalogCache;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPacks;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.settlement.readmodel.Institution;
import org.yibao.settlement.readmodel.InstitutionPeriods;
import org.yibao.settlement.readmodel.ReadModelStore;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;
import org.yibao.web.problem.FieldProblem;
import org.yibao.settlement.mapping.ItemMappings;
import org.yibao.settlement.maternity.MaternityCover;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a bill into an {@link Encounter}: who (enrollment, assistance category, certified
 * diseases), where (a designated institution in or outside the pack's region, with or without a
 * remote-treatment filing), under which policy pack, and the lines priced from the catalog. Reads
 * only; every refusal names what is wrong.
 */
@Component
class Encounters {

    /** A bill above this is refused as implausible rather than settled by mistake. */
    static final Money LARGEST_BILL = Money.of("10000000.00");

    private final ReadModelStore readModels;
    private final InstitutionPeriods institutions;
    private final CatalogCache catalog;
    private final PolicyPacks packs;
    private final Clock clock;
    private final ItemMappings mappings;

    Encounters(ReadModelStore readModels, InstitutionPeriods institutions, CatalogCache catalog, ItemMappings mappings,
               PolicyPacks packs, Clock clock) {
        this.readModels = readModels;
        this.institutions = institutions;
        this.mappings = mappings;
        this.catalog = catalog;
        this.packs = packs;
        this.clock = clock;
    }

    Encounter resolve(SettleRequest request) {
        LocalDate date = serviceDate(request);
        String personId = request.personId().value();
        Institution institution = institution(request, date);
        requireMapped(request, institution, date);
        ReadModelStore.PersonOn person = readModels.personOn(personId, date)
                .filter(p -> p.enrollment().coversDate(date))
                .orElseThrow(() -> new RefusedException("the person is not enrolled in basic medical insurance on " + date));
        Enrollment enrollment = person.enrollment();
        if (request.visitType() == VisitType.PRENATAL_CARE || request.visitType() == VisitType.DELIVERY) {
            MaternityCover.require(request.personId(), enrollment, date);
        }
        PolicyPack pack = packs.inForce(enrollment.regionCode(), enrollment.scheme(), date)
                .orElseThrow(() -> new RefusedException("no " + enrollment.scheme() + " policy pack is in force for region "
                        + enrollment.regionCode() + " on " + date));
        Optional<AssistanceCategory> category = person.category();
        TreatmentPlace place = place(personId, pack, institution, date);
        List<String> certified = person.certifiedDiseases();
        PricedLines priced = price(request, pack, certified, date, new PricingContext(request.visitType(), institution.level(),
                enrollment.personType(), request.diagnosisCodesOrEmpty()));
        Claim claim = new Claim(request.visitType(), institution.level(), enrollment.personType(), enrollment.tier(),
                category, place, request.diagnosisCodesOrEmpty(), certified, priced.lines(), personalAccount(request, enrollment),
                deliveryKind(request));
        return new Encounter(request, enrollment, pack, claim, priced.uncatalogued(), priced.items());
    }

    /** A delivery's kind, required for a DELIVERY (its fixed payment depends on it) and refused on any other visit. */
    private static Optional<DeliveryKind> deliveryKind(SettleRequest request) {
        boolean delivery = request.visitType() == VisitType.DELIVERY;
        if (delivery && request.deliveryKind() == null) {
            throw new InvalidRequestException("deliveryKind", "is required for a DELIVERY: its fixed payment depends on the kind of delivery");
        }
        if (!delivery && request.deliveryKind() != null) {
            throw new InvalidRequestException("deliveryKind", "is for a DELIVERY only, not for " + request.visitType());
        }
        return Optional.ofNullable(request.deliveryKind());
    }

    /**
     * What the person's account may pay: what the bill asks for, for an employee; nothing for a
     * resident, whose scheme has no personal account (城乡居民医保不设个人账户; national rule): a HIS that
     * sends its account flag for everyone gets the owed part as cash, not an account that does not exist.
     * This is the claim as resolved; {@link SettlementService} decides what an account pays (issue 22): the
     * paying account's balance caps the ask, and a resident bound to an employee's account under family
     * mutual aid (家庭共济) is paid from that holder's account.
     */
    private static Money personalAccount(SettleRequest request, Enrollment enrollment) {
        return enrollment.scheme() == Scheme.RESIDENT ? Money.ZERO : request.personalAccountOrZero();
    }

    private LocalDate serviceDate(SettleRequest request) {
        LocalDate date = request.serviceDate();
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw new InvalidRequestException("serviceDate", "is in the future");
        }
        if (date.isBefore(today.minusYears(2).withDayOfYear(1))) {
            throw new InvalidRequestException("serviceDate", "is more than two years back; such a bill needs a manual review");
        }
        return date;
    }

    /**
     * A designated institution whose agreement was active on the service date, of the kind that settles
     * this visit type (a bill for care given before a suspension is still settled; one during it is not).
     */
    private Institution institution(SettleRequest request, LocalDate date) {
        Institution institution = institutions.on(request.institutionCode(), date)
                .orElseThrow(() -> new RefusedException("institution " + request.institutionCode()
                        + (institutions.known(request.institutionCode())
                        ? " was not yet a designated institution on " + date
                        : " is not a designated institution known to settlement")));
        if (institution.status() != AgreementStatus.ACTIVE) {
            throw new RefusedException("institution " + institution.code() + "'s agreement was " + institution.status()
                    + " on " + date + "; it cannot settle care given then");
        }
        boolean pharmacyVisit = request.visitType() == VisitType.PHARMACY;
        if (pharmacyVisit != (institution.kind() == InstitutionKind.PHARMACY)) {
            throw new RefusedException(pharmacyVisit ? "a pharmacy purchase must be settled by a pharmacy"
                    : "a pharmacy can only settle pharmacy purchases");
        }
        return institution;
    }

    /** Lines that name the institution's own code need its approved mapping to their national code on the date (目录对照). */
    private void requireMapped(SettleRequest request, Institution institution, LocalDate date) {
        if (request.lines().stream().allMatch(l -> l.institutionItemCode() == null)) {
            return;
        }
        List<ItemMappings.LineProblem> problems = mappings.check(institution.code(), date, request.lines().stream()
                .map(l -> new ItemMappings.LineCodes(l.institutionItemCode(), l.itemCode())).toList());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream().map(p -> new FieldProblem("lines[" + p.index() + "]."
                    + (p.field() == ItemMappings.LineProblem.Field.OWN ? "institutionItemCode" : "itemCode"), p.reason())).toList());
        }
    }

    /** In the pack's region, or outside it with or without a remote-treatment filing (异地就医备案) for that place. */
    private TreatmentPlace place(String personId, PolicyPack pack, Institution institution, LocalDate date) {
        if (Regions.contains(pack.regionCode(), institution.regionCode())) {
            return TreatmentPlace.LOCAL;
        }
        return readModels.filingsInForce(personId, date).stream().anyMatch(f -> f.covers(institution.regionCode(), date))
                ? TreatmentPlace.REMOTE_FILED : TreatmentPlace.REMOTE_UNFILED;
    }

    /** The bill's lines priced from the catalog, the codes it did not know, and its entries. */
    private record PricedLines(List<BillLine> lines, List<String> uncatalogued, Map<String, CatalogItem> items) {
    }

    /** Who is billed where and for what: what an item's restricted-payment conditions are checked against. */
    private record PricingContext(VisitType visitType, InstitutionLevel level, PersonType personType, List<String> diagnoses) {
        Restriction.Context forQuantity(BigDecimal quantity) {
            return new Restriction.Context(visitType, level, personType, diagnoses, quantity);
        }
    }

    /**
     * Prices each line from the catalog; an item the catalog does not know is class C (self-paid). A
     * negative price, or a bill above {@link #LARGEST_BILL}, is refused.
     */
    private PricedLines price(SettleRequest request, PolicyPack pack, List<String> certified, LocalDate date, PricingContext context) {
        List<String> codes = request.lines().stream().map(SettleRequest.Line::itemCode).distinct().toList();
        Map<String, CatalogItem> items = catalog.find(codes, date);
        // only a certified person's bill can meet a zero-pay rule, so only then are the catalogs looked up
        Map<String, Set<String>> catalogs = certified.isEmpty() || pack.zeroPay().isEmpty()
                ? Map.of() : readModels.catalogsOf(codes, date);
        // a restriction on quantity (days' supply) is on the bill: every line of the item counts
        Map<String, BigDecimal> quantityOfItem = new HashMap<>();
        request.lines().forEach(l -> quantityOfItem.merge(l.itemCode(), l.quantity(), BigDecimal::add));
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
                    line.unitPrice(), item.ceilingAt(context.level()), item.vbp(), catalogs.getOrDefault(item.code(), Set.of()),
                    item.selfPayRatio(), item.unmet(context.forQuantity(quantityOfItem.get(item.code()))).map(Restriction::description));
            lines.add(priced);
            total = total.plus(priced.amount());
        }
        if (total.compareTo(LARGEST_BILL) > 0) {
            throw new InvalidRequestException("lines", "the bill's total " + total + " exceeds " + LARGEST_BILL);
        }
        return new PricedLines(lines, uncatalogued, items);
    }
}
