package org.yibao.city.drive;

import org.yibao.city.expect.Expectation;
import org.yibao.city.expect.Layers;
import org.yibao.city.expect.OwnCalculation;
import org.yibao.city.model.Benefits;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Person;
import org.yibao.city.report.CatalogCounts;
import org.yibao.city.report.CityReport;
import org.yibao.city.report.Ledger;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.testsupport.client.KeepAliveHttp;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The city's year of care: each hospital and pharmacy settles its patients' bills one-stop as they
 * are discharged or served. Workers each take a share of the persons and go through each person's
 * year in date order (a person's accumulators and the audit across claims depend on that order);
 * persons are treated side by side. A family whose members' bills draw on one personal account (家庭共济: the
 * holder and the member bound to the account) is treated by one worker, its bills merged in date order (on one day
 * the holder's first), so that the account's balance at each bill is the same in every run and the simulator's own
 * calculation can predict what the account pays. A woman's prenatal visits and delivery are merged into her year
 * likewise. A rate, if given, paces the bills across all workers. Every bill
 * settled is also checked against the simulator's own calculation of it ({@link OwnCalculation}), in the
 * order it was settled.
 */
public final class Treatment {

    static final String SETTLE = "POST /api/settlement/settlements";
    static final String REVERSE = "POST /api/settlement/settlements/{id}/reversal";
    /** A stay's times as the native API takes them: ISO local date-time, Beijing. */
    private static final java.time.format.DateTimeFormatter LOCAL_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /**
     * An inpatient stay settled and standing (not reversed): the bill's id (the platform's, which a settlement list names),
     * the encounter it billed and the scheme that paid it.
     */
    public record Stay(String settlementId, Encounter encounter, String scheme) {
    }

    /** The outcome of the year's bills. */
    /** @param nationally bills settled through the national interface (2207/2304) rather than the platform's own API */
    /** @param catalogLines the settled bills' lines as the catalog priced them */
    /**
     * @param marked        the settled bills planted with a pattern or a look-alike, by settlement id
     * @param blocked       the planted bills (and look-alikes) supervision's real-time pre-check blocked: not settled,
     *                      never counted as refused (a block of a planted claim is the audit at work; of a look-alike,
     *                      its false positive)
     * @param blockedNatively of those, the ones sent to the native settlement API (the others through the national interface)
     * @param refusedMarked planted bills and look-alikes refused otherwise (counted as refused too), by pattern or look-alike
     * @param settlementIds the bills settled and standing
     * @param reversedIds   the bills settled and then reversed (a finding on one was announced before its reversal)
     */
    public record Outcome(long bills, long settled, long nationally, long replayed, long reversed, Map<String, Long> refusedByStatus,
                          List<String> sampleRefusals, long notAddingUp, double seconds, Map<String, Encounter.Mark> marked,
                          List<Encounter.Mark> blocked, long blockedNatively, Map<String, Long> refusedMarked,
                          Set<String> settlementIds, Set<String> reversedIds, CityReport.CatalogLines catalogLines,
                          long askedAccount, long askedForMembers, Money platformMutualAid, List<Stay> stays) {

        public double settlementsPerSecond() {
            return seconds == 0 ? 0 : Math.round((settled + reversed) / seconds * 10) / 10.0;
        }

        public long refused() {
            return refusedByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Gateway gateway;
    private final CityGenerator generator;
    private final Benefits benefits;
    private final Ledger ledger;
    private final OwnCalculation own;
    private final int workers;
    private final double rate;

    private final LongAdder bills = new LongAdder();
    private final LongAdder settled = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder reversed = new LongAdder();
    private final LongAdder notAddingUp = new LongAdder();
    private final LongAdder nationally = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final List<String> sampleRefusals = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Encounter.Mark> marked = new ConcurrentHashMap<>();
    private final List<Encounter.Mark> blocked = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> refusedMarked = new ConcurrentHashMap<>();
    private final LongAdder blockedNatively = new LongAdder();
    private final Set<String> settlementIds = ConcurrentHashMap.newKeySet();
    private final Set<String> reversedIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextSlot = new AtomicLong();
    private final NationalInterface national;
    private final CatalogCounts catalogLines;
    private final LongAdder askedAccount = new LongAdder();
    private final LongAdder askedForMembers = new LongAdder();
    /** What the platform answered a family member's bill's account paid (acct_mulaid_pay, the native account part), by bill. */
    private final Map<String, Money> mutualAid = new ConcurrentHashMap<>();
    /** The inpatient stays settled and standing, by bill id. */
    private final Map<String, Stay> stays = new ConcurrentHashMap<>();

    /** @param rate bills a second across all workers; 0 for as fast as the platform answers */
    public Treatment(Gateway gateway, CityGenerator generator, Ledger ledger, OwnCalculation own, int workers, double rate) {
        this.gateway = gateway;
        this.generator = generator;
        this.benefits = new Benefits(generator);
        this.ledger = ledger;
        this.own = own;
        this.workers = workers;
        this.rate = rate;
        this.national = new NationalInterface(gateway, generator.formulary());
        this.catalogLines = new CatalogCounts(generator.formulary());
    }

    public Outcome run() throws InterruptedException {
        long started = System.nanoTime();
        nextSlot.set(started);
        Workers.run(workers, this::treat, () -> {
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  %,d bills settled in %.0f s (%.1f/s), %,d replayed%n", settled.sum(), seconds,
                    settled.sum() / seconds, replayed.sum());
        });
        Map<String, Long> refusedByStatus = new TreeMap<>();
        refused.forEach((status, n) -> refusedByStatus.put(status, n.sum()));
        Map<String, Long> refusedMarks = new TreeMap<>();
        refusedMarked.forEach((what, n) -> refusedMarks.put(what, n.sum()));
        List<Encounter.Mark> blockedMarks;
        synchronized (blocked) {
            blockedMarks = List.copyOf(blocked);
        }
        return new Outcome(bills.sum(), settled.sum(), nationally.sum(), replayed.sum(), reversed.sum(), refusedByStatus,
                List.copyOf(sampleRefusals), notAddingUp.sum(), (System.nanoTime() - started) / 1e9, Map.copyOf(marked),
                blockedMarks, blockedNatively.sum(), refusedMarks, settlementIds, reversedIds, catalogLines.summary(),
                askedAccount.sum(), askedForMembers.sum(), Money.sum(List.copyOf(mutualAid.values())),
                stays.values().stream().sorted(java.util.Comparator.comparing(Stay::settlementId)).toList());
    }

    /** A bill to send and the year of the person it is for. */
    private record Due(Encounter bill, OwnCalculation.PersonYear year) {
    }

    private void treat(int worker) {
        try (KeepAliveHttp connection = new KeepAliveHttp(gateway.base(), null)) {
            for (int i = worker; i < generator.parameters().persons(); i += workers) {
                Person person = generator.person(i);
                if (benefits.holderOf(person) != null) {
                    continue; // a bound family member: billed with the holder's family
                }
                List<Due> family = new ArrayList<>();
                Person payer = benefits.payer(person);
                OwnCalculation.PersonYear year = own.start(person, payer == null ? null : payer.id().value());
                generator.encounters(person).forEach(e -> family.add(new Due(e, year)));
                Benefits.Pregnancy pregnancy = benefits.pregnancy(person);
                if (pregnancy != null) {
                    pregnancy.bills().forEach(e -> family.add(new Due(e, year)));
                }
                Person member = benefits.memberOf(person);
                if (member != null) {
                    OwnCalculation.PersonYear theirs = own.start(member, person.id().value());
                    generator.encounters(member).forEach(e -> family.add(new Due(e, theirs)));
                }
                // a stable sort: each person's own order kept, on one day the holder's bills first
                family.sort(java.util.Comparator.comparing(d -> d.bill().date()));
                for (Due d : family) {
                    bill(connection, d.bill(), d.year());
                }
            }
        }
    }

    /** A settled bill as the city's ledger keeps it, with what the simulator expected of it. */
    private record Settled(String id, String scheme, Map<Ledger.Layer, Money> layers, JsonNode answer, Expectation expected) {
    }

    private void bill(KeepAliveHttp connection, Encounter e, OwnCalculation.PersonYear year) {
        pace();
        bills.increment();
        boolean national = NationalInterface.speaksIt(e.institution())
                && (e.visitType() == VisitType.GENERAL_OUTPATIENT || e.visitType() == VisitType.INPATIENT);
        if (benefits.asksAccount(e)) {
            askedAccount.increment();
            if (e.person().scheme() != org.yibao.contracts.events.Scheme.EMPLOYEE) {
                askedForMembers.increment();
            }
        }
        Settled bill = national ? settleNationally(connection, e, year) : settle(connection, e, e.messageId(), year);
        if (bill == null) {
            return;
        }
        if (e.mark() != null) {
            marked.put(bill.id(), e.mark());
        }
        if (e.reversed()) {
            // a billing error found the same day: the hospital reverses and bills again
            if (national) {
                try {
                    this.national.reverse(connection, e, bill.answer());
                } catch (NationalInterface.Refused r) {
                    refuse(e, "POST " + NationalInterface.PATH + " " + r.infno, r.getMessage());
                    return;
                }
            } else {
                Gateway.Response r = gateway.post(connection, e.institution().clientId(), REVERSE,
                        "/api/settlement/settlements/" + bill.id() + "/reversal", Json.write(Map.of("reason", "billing error, billed again")));
                if (!r.ok() && !(r.status() == 409 && r.uncertain() && reversedBefore(e, bill.id()))) {
                    refuse(e, REVERSE + " " + r.status(), r.body());
                    return;
                }
            }
            reversed.increment();
            mutualAid.remove(bill.id());
            stays.remove(bill.id());
            settlementIds.remove(bill.id());
            reversedIds.add(bill.id());
            ledger.reversed(bill.scheme(), e.visitType().name(), bill.layers());
            year.reversed(e, bill.expected());
            vbp(e, -1);
            if (national) {
                settleNationally(connection, e.billedAgainAs(e.messageId() + "R"), year);
            } else {
                settle(connection, e, e.messageId() + "R", year);
            }
        }
    }

    /**
     * Whether a reversal sent more than once and answered 409 was carried out by its earlier sending (whose answer was lost):
     * the bill, read back, says it is reversed.
     */
    private boolean reversedBefore(Encounter e, String settlementId) {
        Gateway.Response r = gateway.get(e.institution().clientId(), "GET /api/settlement/settlements/{id}",
                "/api/settlement/settlements/" + settlementId);
        return r.status() == 200 && Json.read(r.body()).hasNonNull("reversedAt");
    }

    /** The settled bill, or null when it was refused or settled by an earlier run of the same city. */
    private Settled settle(KeepAliveHttp connection, Encounter e, String messageId, OwnCalculation.PersonYear year) {
        Gateway.Response r = gateway.post(connection, e.institution().clientId(), SETTLE, "/api/settlement/settlements",
                Json.write(request(e, messageId)));
        // 200: the platform settled this message id before. Sent again after an answer that left the outcome unknown (a
        // 502, 503 or 504, a dropped connection), it was this call's earlier sending, whose answer was lost: the bill is
        // this run's, and the 200 carries it as the 201 would have. Otherwise, an earlier run of the same city settled it
        if (r.status() == 200 && !r.uncertain()) {
            replayed.increment();
            year.replayed(e);
            return null;
        }
        if (r.status() != 201 && r.status() != 200) {
            refuse(e, SETTLE + " " + r.status(), r.body());
            return null;
        }
        JsonNode bill = Json.read(r.body());
        List<Boolean> inCatalog = new ArrayList<>();
        List<String> selfPaidBecause = new ArrayList<>();
        for (JsonNode line : bill.path("lines")) {
            inCatalog.add(line.path("inCatalog").asBoolean());
            selfPaidBecause.add(line.path("selfPaidBecause").isString() ? line.path("selfPaidBecause").asString() : null);
        }
        catalogLines.settled(e, inCatalog, selfPaidBecause);
        JsonNode amounts = bill.path("amounts");
        Map<Ledger.Layer, Money> layers = new EnumMap<>(Ledger.Layer.class);
        for (Ledger.Layer layer : Ledger.Layer.values()) {
            layers.put(layer, Json.money(amounts.get(layer.name())));
        }
        Expectation expected = year.settled(e, "settlement API", answered(layers, Json.money(amounts.get("deductible"))),
                benefits.asksAccount(e));
        JsonNode account = bill.path("account");
        if (account.path("mutualAid").asBoolean(false)) {
            mutualAid.put(bill.path("id").asString(), Json.money(account.get("paid")));
        }
        return record(e, new Settled(bill.path("id").asString(), bill.path("scheme").asString(), layers, bill, expected));
    }

    /**
     * Through the national interface; the layers are read back from {@code setlinfo} as the hospital
     * sees them (ADR 0011: 大病 hifmi_pay and other oth_pay for residents, 大额 hifob_pay for
     * employees, whose packs here have no catastrophic layer).
     */
    private Settled settleNationally(KeepAliveHttp connection, Encounter e, OwnCalculation.PersonYear year) {
        NationalInterface.Settled settled;
        try {
            settled = national.settle(connection, e, benefits.asksAccount(e));
        } catch (NationalInterface.Refused r) {
            refuse(e, "POST " + NationalInterface.PATH + " " + r.infno, r.getMessage());
            return null;
        }
        JsonNode s = settled.setlinfo();
        // the fee upload's answer says per line whether the catalog priced it (a memo when it did not)
        catalogLines.settled(e, settled.feeResults().stream()
                .map(f -> !f.path("memo").isString() || f.path("memo").asString().isEmpty()).toList(), List.of());
        boolean employee = "310".equals(s.path("insutype").asString());
        Map<Ledger.Layer, Money> layers = new EnumMap<>(Ledger.Layer.class);
        layers.put(Ledger.Layer.total, Json.money(s.get("medfee_sumamt")));
        layers.put(Ledger.Layer.fullSelfPay, Json.money(s.get("fulamt_ownpay_amt")).plus(Json.money(s.get("overlmt_selfpay"))));
        layers.put(Ledger.Layer.priorSelfPay, Json.money(s.get("preselfpay_amt")));
        layers.put(Ledger.Layer.policyScope, Json.money(s.get("inscp_scp_amt")));
        layers.put(Ledger.Layer.basicFund, Json.money(s.get("hifp_pay")));
        layers.put(Ledger.Layer.catastrophic, employee ? Money.ZERO : Json.money(s.get("hifmi_pay")));
        layers.put(Ledger.Layer.supplementary, employee ? Json.money(s.get("hifob_pay")) : Json.money(s.get("oth_pay")));
        layers.put(Ledger.Layer.assistance, Json.money(s.get("maf_pay")));
        layers.put(Ledger.Layer.personalAccount, Json.money(s.get("acct_pay")));
        layers.put(Ledger.Layer.cash, Json.money(s.get("psn_cash_pay")));
        nationally.increment();
        Expectation expected = year.settled(e, "national interface " + (e.visitType() == VisitType.INPATIENT ? "2304" : "2207"),
                answered(layers, Json.money(s.get("act_pay_dedc"))), benefits.asksAccount(e));
        Money aid = s.hasNonNull("acct_mulaid_pay") ? Json.money(s.get("acct_mulaid_pay")) : Money.ZERO;
        if (aid.isPositive()) {
            mutualAid.put(s.path("platform_bill_id").asString(), aid);
        }
        // the books are kept by the platform's bill id; the interface's own setl_id is what 2208 names (in s)
        return record(e, new Settled(s.path("platform_bill_id").asString(), employee ? "EMPLOYEE" : "RESIDENT", layers, s, expected));
    }

    /** The answer's layers as the simulator's own calculation names them (the ledger's, and the deductible applied). */
    private static Layers answered(Map<Ledger.Layer, Money> l, Money deductible) {
        return new Layers(l.get(Ledger.Layer.total), l.get(Ledger.Layer.fullSelfPay), l.get(Ledger.Layer.priorSelfPay),
                l.get(Ledger.Layer.policyScope), deductible, l.get(Ledger.Layer.basicFund), l.get(Ledger.Layer.catastrophic),
                l.get(Ledger.Layer.supplementary), l.get(Ledger.Layer.assistance), l.get(Ledger.Layer.personalAccount),
                l.get(Ledger.Layer.cash));
    }

    private Settled record(Encounter e, Settled bill) {
        Map<Ledger.Layer, Money> layers = bill.layers();
        Money paid = layers.get(Ledger.Layer.basicFund).plus(layers.get(Ledger.Layer.catastrophic))
                .plus(layers.get(Ledger.Layer.supplementary)).plus(layers.get(Ledger.Layer.assistance))
                .plus(layers.get(Ledger.Layer.personalAccount)).plus(layers.get(Ledger.Layer.cash));
        if (paid.compareTo(layers.get(Ledger.Layer.total)) != 0) {
            notAddingUp.increment();
        }
        settled.increment();
        settlementIds.add(bill.id());
        if (e.visitType() == VisitType.INPATIENT) {
            stays.put(bill.id(), new Stay(bill.id(), e, bill.scheme()));
        }
        ledger.settled(bill.scheme(), e.visitType().name(), layers);
        vbp(e, 1);
        return bill;
    }

    private void vbp(Encounter e, int sign) {
        for (Encounter.Line line : e.lines()) {
            if (line.item().vbp()) {
                ledger.vbp(e.institution().code(), line.item().code(), sign < 0 ? line.quantity().negate() : line.quantity());
            }
        }
    }

    private void refuse(Encounter e, String what, String answer) {
        Encounter.Mark mark = e.mark();
        if (mark != null) {
            String lower = answer == null ? "" : answer.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("audit") && lower.contains("block")) {
                blocked.add(mark);
                if (what.startsWith(SETTLE)) {
                    blockedNatively.increment();
                }
                return;
            }
            refusedMarked.computeIfAbsent(mark.pattern() != null ? mark.pattern().name() : mark.trap().name(), k -> new LongAdder())
                    .increment();
        }
        refused.computeIfAbsent(what, s -> new LongAdder()).increment();
        if (sampleRefusals.size() < 20) {
            sampleRefusals.add(e.messageId() + " " + e.visitType() + " at " + e.institution().code() + ": " + what + " "
                    + (answer.length() > 400 ? answer.substring(0, 400) : answer));
        }
    }

    /**
     * The native settle request; each line with the institution's own code where it has mapped one (目录对照), its days
     * of supply and prescribing doctor where the institution states them; the bill with its emergency flag, a stay's
     * admission and discharge (Beijing time), procedures (ICD-9-CM-3), doctor and department.
     */
    private Map<String, Object> request(Encounter e, String messageId) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Encounter.Line l : e.lines()) {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("itemCode", l.item().code());
            line.put("quantity", l.quantity());
            line.put("unitPrice", l.unitPrice().amount().toPlainString());
            String own = generator.formulary().ownCode(e.institution(), l.item());
            if (own != null) {
                line.put("institutionItemCode", own);
            }
            if (l.daysOfSupply() != null) {
                line.put("daysOfSupply", l.daysOfSupply());
            }
            if (l.doctorCode() != null) {
                line.put("doctorCode", l.doctorCode());
            }
            lines.add(line);
        }
        Encounter.Facts facts = e.facts();
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("messageId", messageId);
        request.put("personId", e.person().id().value());
        request.put("institutionCode", e.institution().code());
        request.put("visitType", e.visitType().name());
        request.put("serviceDate", e.date().toString());
        request.put("diagnosisCodes", e.diagnoses());
        request.put("lines", lines);
        if (benefits.asksAccount(e)) {
            // the whole bill asked of the account (个人账户支付): it pays up to its balance and what is owed
            request.put("personalAccountAmount", e.lines().stream().map(Encounter.Line::amount).reduce(Money.ZERO, Money::plus)
                    .toString());
        }
        if (facts.deliveryKind() != null) {
            request.put("deliveryKind", facts.deliveryKind());
        }
        request.put("emergency", facts.emergency());
        if (facts.admittedAt() != null) {
            request.put("admittedAt", facts.admittedAt().format(LOCAL_TIME));
            request.put("dischargedAt", facts.dischargedAt().format(LOCAL_TIME));
        }
        if (!facts.procedureCodes().isEmpty()) {
            request.put("procedureCodes", facts.procedureCodes());
        }
        if (facts.doctorCode() != null) {
            request.put("doctorCode", facts.doctorCode());
        }
        if (facts.departmentCode() != null) {
            request.put("departmentCode", facts.departmentCode());
        }
        return request;
    }

    private void pace() {
        if (rate <= 0) {
            return;
        }
        long slot = nextSlot.getAndAdd((long) (1e9 / rate));
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
