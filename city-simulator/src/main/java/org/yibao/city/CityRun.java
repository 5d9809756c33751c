package org.yibao.city;

import org.yibao.city.catalog.SyntheticCatalog;
import org.yibao.city.drive.CareDesk;
import org.yibao.city.drive.CasemixDesk;
import org.yibao.city.drive.ClearingDesk;
import org.yibao.city.drive.CatalogSetup;
import org.yibao.city.drive.Contributions;
import org.yibao.city.drive.MaternityDesk;
import org.yibao.city.drive.Gateway;
import org.yibao.city.drive.Json;
import org.yibao.city.drive.Registration;
import org.yibao.city.drive.Setup;
import org.yibao.city.drive.Treatment;
import org.yibao.city.drive.Workers;
import org.yibao.city.expect.Accounts;
import org.yibao.city.expect.CarePolicy;
import org.yibao.city.expect.ContributionRates;
import org.yibao.city.expect.Maternity;
import org.yibao.city.expect.OwnCalculation;
import org.yibao.city.model.Benefits;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.FraudPattern;
import org.yibao.city.model.Person;
import org.yibao.city.model.Roster;
import org.yibao.city.model.Trap;
import org.yibao.city.report.CityReport;
import org.yibao.city.report.EventCounts;
import org.yibao.city.report.Ledger;
import org.yibao.city.report.Observations;
import org.yibao.contracts.Topics;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One simulated year of the city against a running platform, in the order a bureau lives it: set-up,
 * enrollment (employees with their wage base), identity feeds, certifications, the year's contributions posted
 * ahead (every month up to the last day, before the first bill: the year is simulated after the fact) and the
 * family bindings, the year's bills (some paid from personal accounts, prenatal visits and deliveries among
 * them), maternity allowances, long-term care (applications, assessments, decisions, the institutions' monthly
 * bills and home care for each ended month), late death registrations and purchase reports; then, once every
 * event has been consumed, the report and the books.
 */
public final class CityRun {

    /** How long the platform may take to consume what the city produced before the books are read. */
    static final Duration QUIET_TIMEOUT = Duration.ofMinutes(10);

    private final CityGenerator generator;
    private final CityParameters city;
    private final Gateway gateway;
    private final EventCounts events;
    private final int workers;
    private final double rate;
    private final java.time.Duration clearingOffset;

    public CityRun(CityGenerator generator, Gateway gateway, EventCounts events, int workers, double rate) {
        this(generator, gateway, events, workers, rate, java.time.Duration.ZERO);
    }

    /** @param clearingOffset how far clearing-service's clock runs ahead of the real time ({@link ClearingDesk}) */
    public CityRun(CityGenerator generator, Gateway gateway, EventCounts events, int workers, double rate,
                   java.time.Duration clearingOffset) {
        this.clearingOffset = clearingOffset;
        this.generator = generator;
        this.city = generator.parameters();
        this.gateway = gateway;
        this.events = events;
        this.workers = workers;
        this.rate = rate;
    }

    public CityReport run() throws InterruptedException {
        long started = System.nanoTime();
        quiet("before the run");
        EventCounts.Snapshot eventsBefore = events.snapshot();
        Setup setup = new Setup(gateway, city);
        Registration registration = new Registration(gateway, city);
        setup.institutions();
        setup.batches();
        Observations before = Observations.read(gateway, city.year());
        Contributions.Income incomeBefore = Contributions.income(gateway, city.year());
        MaternityDesk.Section maternityBefore = MaternityDesk.section(gateway, city.year());
        Map<java.time.YearMonth, CareDesk.Month> careBefore = CareDesk.reports(gateway, city);
        ClearingDesk clearingDesk = new ClearingDesk(gateway, city, clearingOffset);
        Map<String, Money> owedBefore = clearingDesk.owed();
        Map<String, Map<Integer, Long>> streams = new java.util.TreeMap<>();
        for (String topic : INSURANCE_TOPICS) {
            streams.put(topic, events.positions(topic));
        }
        Map<Integer, Long> claimsFrom = events.positions(Topics.CLAIMS);

        step("the synthetic national catalog and the institutions' code mappings");
        CatalogSetup catalogSetup = new CatalogSetup(gateway);
        SyntheticCatalog catalog = generator.formulary().catalog();
        CatalogSetup.Imported imported = catalogSetup.importCatalog(catalog);
        System.out.printf("  %,d codes imported in %.1f s: %s%n", catalog.entries().size(), imported.seconds(), imported.reports());
        CityReport.Mappings mappings = catalogSetup.map(generator.formulary(), city.firstDay());

        step("registered population and agreed volumes");
        setup.population(city.persons());
        Map<String, BigDecimal> expectedVbp = new TreeMap<>();
        generator.persons().forEach(p -> generator.encounters(p).forEach(e -> Setup.countVbp(e, expectedVbp)));
        Map<String, BigDecimal> agreed = setup.agreedVolumes(expectedVbp);

        step("enrollment import");
        Registration.Upload enrolled = registration.enroll(generator);
        step("identity feeds from the departments");
        Map<String, Registration.Upload> feeds = registration.feeds(generator);
        step("household incomes of low-income people");
        forEachPerson(p -> p.householdIncome() != null, registration::householdIncome);
        quiet("identities and enrollments");
        step("chronic-disease certifications");
        AtomicLong certifications = new AtomicLong();
        forEachPerson(p -> p.chronic() != null, p -> {
            if (registration.certify(p)) {
                certifications.incrementAndGet();
            }
        });
        quiet("certifications");

        step("the year's contributions posted (every month up to the last day, ahead of the bills) and family bindings");
        Contributions contributions = new Contributions(gateway, city);
        Contributions.Posted posted = contributions.post();
        Map<String, Long> bindings = contributions.bind(generator);
        System.out.printf("  posted %s: %,d employee-months (%,d without a wage base), to accounts %s; bindings %s%n", posted.months(),
                posted.employeesPosted(), posted.withoutWageBase(), posted.toAccounts(), bindings);
        OwnCalculation own = OwnCalculation.of(generator);
        ContributionRates rates = ContributionRates.city(city.year());
        Set<String> holders = credit(own.accounts(), rates, contributions.months().size());
        quiet("contributions and bindings");

        step("the year's bills");
        Ledger ledger = new Ledger();
        Treatment.Outcome care = new Treatment(gateway, generator, ledger, own, workers, rate).run();
        CityReport.OwnCalculation ownCalculation = own.summary();

        step("maternity allowances");
        List<String> maternityRefusals = new ArrayList<>();
        List<MaternityDesk.Allowance> allowances = new MaternityDesk(gateway, city).grant(generator, rates, Maternity.city(),
                maternityRefusals);
        step("long-term care: institutions, applications, assessments, decisions, monthly bills and home care");
        CarePolicy carePolicy = CarePolicy.city();
        CareDesk careDesk = new CareDesk(gateway, city, carePolicy);
        careDesk.institutions();
        CareDesk.Outcome ltc = careDesk.run(generator);

        step("death registrations and purchase reports");
        AtomicLong deaths = new AtomicLong();
        forEachPerson(p -> p.diedOn() != null && p.enrolled(), p -> {
            registration.registerDeath(p);
            deaths.incrementAndGet();
        });
        setup.purchases(agreed);
        long draining = System.nanoTime();
        quiet("the year's events");
        double drainSeconds = (System.nanoTime() - draining) / 1e9;

        step("paying inpatient stays by group: the hospitals' settlement lists, the DRG pilots, the DIP table and DRG weights, each"
                + " ended month priced, the year's rates once it has ended");
        CasemixDesk.Outcome casemix = new CasemixDesk(gateway, city, clearingOffset).run(care.stays());
        quiet("casemix's announcements to the fund clearing");

        step("fund clearing: the year's budgets, each ended month's payment orders, the year-end once the year has ended");
        ClearingDesk.Outcome clearingRun = clearingDesk.run();
        Map<String, Money> owedAfter = clearingDesk.owed();
        quiet("the clearing's events");

        EventCounts.Snapshot eventsAfter = events.snapshot();
        Observations changed = Observations.read(gateway, city.year()).since(before);
        Contributions.Income income = Contributions.income(gateway, city.year()).minus(incomeBefore);
        MaternityDesk.Section maternitySection = MaternityDesk.section(gateway, city.year()).minus(maternityBefore);
        Map<java.time.YearMonth, CareDesk.Month> careReports = CareDesk.since(CareDesk.reports(gateway, city), careBefore);
        Map<String, Money> settlementBalances = contributions.balances(holders);
        Map<String, List<JsonNode>> published = new java.util.TreeMap<>();
        streams.forEach((topic, from) -> published.put(topic, events.payloads(topic, from).stream()
                .filter(e -> e.path("regionCode").asString().startsWith(Roster.CITY.substring(0, 4))).toList()));
        List<EventCounts.TopicFlow> flows = EventCounts.flows(eventsBefore, eventsAfter);
        long claimEvents = events.distinctEvents(Topics.CLAIMS, claimsFrom);
        Map<String, Object> uploads = new LinkedHashMap<>();
        uploads.put("enrollment", enrolled);
        uploads.put("identityFeeds", feeds);

        CityReport.Fraud fraud = fraud(care);
        CityReport.Run run = new CityReport.Run((System.nanoTime() - started) / 1e9, care.bills(), care.settled(), care.nationally(),
                care.replayed(),
                care.reversed(), care.refused(), care.blocked().size(), care.blockedNatively(), care.refusedByStatus(), care.sampleRefusals(), care.settlementsPerSecond(),
                certifications.get(), deaths.get(), drainSeconds, uploads);
        return new CityReport(
                new CityReport.City(Roster.CITY_NAME, Roster.CITY, city.seed(), city.persons(), city.year(),
                        city.firstDay().toString(), city.lastDay().toString()),
                run, enrollment(changed), funds(changed), reimbursement(changed), warnings(flows, changed), fraud, vbp(changed, agreed.keySet()),
                new CityReport.Catalog("SYNTHETIC, seed " + catalog.seed() + ", " + catalog.entries().size() + " codes", imported.reports(),
                        imported.seconds(), mappings, generator.formulary().describe(), care.catalogLines()),
                ownCalculation, accounts(own.accounts(), rates, posted, bindings, care),
                maternity(allowances, own, maternityRefusals), care(carePolicy, careDesk, ltc), clearing(clearingDesk, clearingRun), casemix,
                books(ledger, care, changed, flows, enrolled, fraud, ownCalculation, new Insurance(own, posted, income, settlementBalances,
                        allowances, maternitySection, ltc, careReports, published), clearingRun, casemix, owedBefore, owedAfter, claimEvents), flows,
                gateway.latencies().summaries());
    }

    /**
     * Credits the simulator's own accounts as the bureau's postings do (its own reading of the rates file): every
     * employee enrolled, each month posted, an active one on their wage base, a retiree the fixed allocation.
     * Answers the holders.
     */
    private Set<String> credit(Accounts accounts, ContributionRates rates, int months) {
        Benefits benefits = new Benefits(generator);
        Set<String> holders = new java.util.TreeSet<>();
        for (int i = 0; i < city.persons(); i++) {
            Person p = generator.person(i);
            if (!p.enrolled() || p.scheme() != org.yibao.contracts.events.Scheme.EMPLOYEE) {
                continue;
            }
            Money month = rates.monthlyCredit(p.type(), benefits.wageBase(p, rates.wageBaseFloor(), rates.wageBaseCeiling()));
            accounts.credit(p.id().value(), month.times(BigDecimal.valueOf(months), RoundingMode.UNNECESSARY));
            holders.add(p.id().value());
        }
        return holders;
    }

    /** The topics whose events' amounts the books sum (the city's region's events only). */
    static final List<String> INSURANCE_TOPICS = List.of(Topics.CONTRIBUTIONS, Topics.MATERNITY_ALLOWANCES, Topics.CARE_PAYMENTS);

    /**
     * What the books compare of issue 22's insurance: the simulator's own figures and the platform's.
     *
     * @param published the payloads of the city's events on {@link #INSURANCE_TOPICS} this run, by topic
     */
    private record Insurance(OwnCalculation own, Contributions.Posted posted, Contributions.Income income,
                             Map<String, Money> balances, List<MaternityDesk.Allowance> allowances, MaternityDesk.Section maternity,
                             CareDesk.Outcome care, Map<java.time.YearMonth, CareDesk.Month> careReports,
                             Map<String, List<JsonNode>> published) {

        Money sum(String topic, String field, java.util.function.Predicate<JsonNode> which) {
            return Money.sum(published.getOrDefault(topic, List.of()).stream().filter(which).map(e -> Json.money(e.get(field))).toList());
        }
    }

    private static CityReport.Accounts accounts(Accounts accounts, ContributionRates rates, Contributions.Posted posted,
                                                Map<String, Long> bindings, Treatment.Outcome care) {
        Map<String, Accounts.Account> all = accounts.all();
        Money credited = Money.ZERO, paid = Money.ZERO, members = Money.ZERO, closing = Money.ZERO;
        long paying = 0, unknown = 0;
        for (Accounts.Account a : all.values()) {
            credited = credited.plus(a.credited());
            paid = paid.plus(a.spent());
            members = members.plus(a.paidForMembers());
            closing = closing.plus(a.balance());
            paying += a.payments() > 0 ? 1 : 0;
            unknown += a.unknown() ? 1 : 0;
        }
        return new CityReport.Accounts(rates.file(), posted.months(), all.size(), bindings, credited, paid, members, closing,
                care.askedAccount(), care.askedForMembers(), paying, unknown);
    }

    private CityReport.Maternity maternity(List<MaternityDesk.Allowance> allowances, OwnCalculation own, List<String> refusals) {
        Map<String, Long> byKind = new TreeMap<>();
        allowances.forEach(a -> byKind.merge(a.deliveryKind(), 1L, Long::sum));
        Money expected = Money.sum(allowances.stream().map(MaternityDesk.Allowance::expected).toList());
        Money granted = Money.sum(allowances.stream().map(MaternityDesk.Allowance::granted).filter(java.util.Objects::nonNull).toList());
        return new CityReport.Maternity(allowances.size(), byKind, own.expectedBills("PRENATAL_CARE"), own.expectedFund("PRENATAL_CARE"),
                own.expectedBills("DELIVERY"), own.expectedFund("DELIVERY"), allowances.size(), expected, granted, refusals);
    }

    private static CityReport.Care care(CarePolicy policy, CareDesk desk, CareDesk.Outcome ltc) {
        Map<String, Long> count = new TreeMap<>();
        Map<String, Money> standard = new TreeMap<>();
        ltc.expected().forEach(e -> {
            count.merge(e.setting().name(), 1L, Long::sum);
            standard.merge(e.setting().name(), e.standardAmount(), Money::plus);
        });
        return new CityReport.Care(policy.file(), desk.endedMonths().stream().map(Object::toString).toList(), ltc.assessments(),
                ltc.decisions(), ltc.beneficiaries(), count, CareDesk.expectedFund(ltc.expected()), standard, ltc.answered(),
                ltc.refusals());
    }

    private CityReport.Enrollment enrollment(Observations run) {
        long enrolled = run.enrolledByScheme().values().stream().mapToLong(Long::longValue).sum();
        return new CityReport.Enrollment(run.enrolledByScheme(), enrolled, run.subsidised(),
                ratio(enrolled, city.persons()), run.contributions(), run.subsidies());
    }

    private static List<CityReport.Fund> funds(Observations run) {
        Map<String, Map<Ledger.Layer, Money>> byScheme = new TreeMap<>();
        Map<String, Long> bills = new TreeMap<>();
        run.spending().forEach((key, layers) -> {
            String scheme = key.substring(0, key.indexOf('/'));
            Map<Ledger.Layer, Money> sum = byScheme.computeIfAbsent(scheme, s -> new java.util.EnumMap<>(Ledger.Layer.class));
            layers.forEach((layer, amount) -> sum.merge(layer, amount, Money::plus));
            bills.merge(scheme, run.spendingBills().get(key), Long::sum);
        });
        List<CityReport.Fund> funds = new ArrayList<>();
        byScheme.forEach((scheme, l) -> {
            Money funded = l.get(Ledger.Layer.basicFund).plus(l.get(Ledger.Layer.catastrophic))
                    .plus(l.get(Ledger.Layer.supplementary)).plus(l.get(Ledger.Layer.assistance));
            funds.add(new CityReport.Fund(scheme, run.contributionsByScheme().getOrDefault(scheme, Money.ZERO), bills.get(scheme),
                    l.get(Ledger.Layer.total), l.get(Ledger.Layer.policyScope), l.get(Ledger.Layer.basicFund),
                    l.get(Ledger.Layer.catastrophic), l.get(Ledger.Layer.supplementary), l.get(Ledger.Layer.assistance),
                    l.get(Ledger.Layer.personalAccount).plus(l.get(Ledger.Layer.cash)),
                    percent(funded, l.get(Ledger.Layer.policyScope)), percent(funded, l.get(Ledger.Layer.total))));
        });
        return funds;
    }

    private static List<CityReport.Reimbursement> reimbursement(Observations run) {
        List<CityReport.Reimbursement> out = new ArrayList<>();
        run.assistanceByCategory().forEach((category, c) -> out.add(reimbursement(category, c)));
        out.add(reimbursement("ALL", new Observations.Category(
                run.assistanceByCategory().values().stream().mapToLong(Observations.Category::personTimes).sum(),
                run.assistanceByCategory().values().stream().mapToLong(Observations.Category::persons).sum(),
                run.assistanceSum(Observations.Category::assistance), run.assistanceSum(Observations.Category::total),
                run.assistanceSum(Observations.Category::policyScope), run.assistanceSum(Observations.Category::fundsPaid))));
        return out;
    }

    private static CityReport.Reimbursement reimbursement(String category, Observations.Category c) {
        return new CityReport.Reimbursement(category, c.personTimes(), c.persons(), c.assistance(), c.total(), c.policyScope(),
                c.fundsPaid(), percent(c.fundsPaid(), c.policyScope()), percent(c.fundsPaid(), c.total()));
    }

    private static CityReport.Warnings warnings(List<EventCounts.TopicFlow> flows, Observations run) {
        long flagged = flows.stream().filter(f -> f.topic().equals(Topics.POVERTY_RISKS)).mapToLong(EventCounts.TopicFlow::published)
                .sum();
        return new CityReport.Warnings(flagged, run.warningsThisMonth());
    }

    /** Patterns the issue asks for that the city's catalogs cannot show (reported, not planted). */
    static final List<String> NOT_PLANTED = List.of("SPLIT_BILLING by a panel billed with one of its own components: neither the"
            + " platform's sample catalog nor the synthetic national catalog lists a panel beside its components (血常规 is there,"
            + " 血红蛋白测定 is not; the single analytes such as ALT are there, no 肝功能 panel), so a bill of both cannot be made"
            + " from codes the city bills");

    /** Every finding on this run's bills, page by page, against what was planted. */
    private CityReport.Fraud fraud(Treatment.Outcome care) {
        Map<String, Set<AuditRule>> rulesByBill = new TreeMap<>();
        long findings = 0;
        String after = null;
        do {
            JsonNode page = Json.read(gateway.read(Setup.BUREAU, "GET /api/supervision/violations",
                    "/api/supervision/violations?year=" + city.year() + "&limit=5000" + (after == null ? "" : "&after=" + after)));
            for (JsonNode v : page.path("violations")) {
                String bill = v.path("settlementId").asString();
                if (care.reversedIds().contains(bill)) {
                    findings++; // announced before the bill was reversed (its finding is withdrawn, still listed)
                } else if (care.settlementIds().contains(bill)) {
                    findings++;
                    rulesByBill.computeIfAbsent(bill, b -> new java.util.TreeSet<>())
                            .add(AuditRule.valueOf(v.path("rule").asString()));
                }
            }
            after = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asString();
        } while (after != null);
        return fraud(care.marked(), care.settlementIds(), rulesByBill, care.blocked(), findings);
    }

    /**
     * The figures from the settled bills' marks and the kinds flagged on each: per pattern (recall), per kind
     * (precision), per look-alike (false positives), and the original seven patterns together as before.
     */
    static CityReport.Fraud fraud(Map<String, Encounter.Mark> marked, Set<String> settled, Map<String, Set<AuditRule>> rulesByBill,
                                  List<Encounter.Mark> blocked, long findings) {
        Set<AuditRule> originalKinds = new java.util.TreeSet<>();
        FraudPattern.ORIGINAL.forEach(p -> originalKinds.add(p.rule()));
        // the original seven, as the report always gave them (the look-alikes apart)
        Map<String, Long> planted = new TreeMap<>();
        Map<String, Long> missed = new TreeMap<>();
        long truePositives = 0;
        for (Map.Entry<String, Encounter.Mark> m : marked.entrySet()) {
            Encounter.Mark mark = m.getValue();
            if (!settled.contains(m.getKey()) || mark.pattern() == null || !mark.pattern().original() || !mark.improper()) {
                continue;
            }
            planted.merge(mark.pattern().rule().name(), 1L, Long::sum);
            if (rulesByBill.getOrDefault(m.getKey(), Set.of()).stream().anyMatch(originalKinds::contains)) {
                truePositives++;
            } else {
                missed.merge(mark.pattern().rule().name(), 1L, Long::sum);
            }
        }
        long flaggedOriginal = 0;
        long flaggedOriginalPlanted = 0;
        for (Map.Entry<String, Set<AuditRule>> b : rulesByBill.entrySet()) {
            Encounter.Mark mark = marked.get(b.getKey());
            if (b.getValue().stream().noneMatch(originalKinds::contains) || mark != null && mark.trap() != null) {
                continue;
            }
            flaggedOriginal++;
            if (mark != null) {
                flaggedOriginalPlanted++;
            }
        }
        Map<String, Long> flaggedByRule = new TreeMap<>();
        rulesByBill.values().forEach(rules -> rules.forEach(r -> flaggedByRule.merge(r.name(), 1L, Long::sum)));
        long plantedBills = planted.values().stream().mapToLong(Long::longValue).sum();

        // per kind
        Set<AuditRule> kinds = new java.util.TreeSet<>();
        rulesByBill.values().forEach(kinds::addAll);
        for (FraudPattern p : FraudPattern.values()) {
            kinds.add(p.rule());
        }
        Map<AuditRule, CityReport.KindFigures> byKind = new java.util.EnumMap<>(AuditRule.class);
        for (AuditRule kind : kinds) {
            long flagged = 0, its = 0, other = 0, lookAlike = 0, honest = 0;
            for (Map.Entry<String, Set<AuditRule>> b : rulesByBill.entrySet()) {
                if (!b.getValue().contains(kind)) {
                    continue;
                }
                flagged++;
                Encounter.Mark mark = marked.get(b.getKey());
                if (mark == null) {
                    honest++;
                } else if (mark.trap() != null) {
                    lookAlike++;
                } else if (mark.pattern().rule() == kind) {
                    its++;
                } else {
                    other++;
                }
            }
            byKind.put(kind, new CityReport.KindFigures(kind.name(), flagged, its, other, lookAlike, honest, ratio(its, flagged)));
        }

        // per pattern
        List<CityReport.PatternFigures> byPattern = new ArrayList<>();
        for (FraudPattern p : FraudPattern.values()) {
            long improper = 0, accompanying = 0, flagged = 0;
            Map<String, Long> otherKinds = new TreeMap<>();
            for (Map.Entry<String, Encounter.Mark> m : marked.entrySet()) {
                Encounter.Mark mark = m.getValue();
                if (mark.pattern() != p || !settled.contains(m.getKey())) {
                    continue;
                }
                Set<AuditRule> rules = rulesByBill.getOrDefault(m.getKey(), Set.of());
                if (mark.improper()) {
                    improper++;
                    if (rules.contains(p.rule())) {
                        flagged++;
                    }
                } else {
                    accompanying++;
                }
                rules.stream().filter(r -> r != p.rule()).forEach(r -> otherKinds.merge(r.name(), 1L, Long::sum));
            }
            // a claim the real-time pre-check blocked was stopped before payment: found (its verdict's kind is not read)
            long blockedHere = blocked.stream().filter(b -> b.pattern() == p && b.improper()).count();
            byPattern.add(new CityReport.PatternFigures(p.name(), p.rule().name(), p.original(), improper, accompanying, flagged,
                    blockedHere, ratio(flagged + blockedHere, improper + blockedHere), byKind.get(p.rule()).precisionPercent(), otherKinds));
        }

        // the look-alikes
        List<CityReport.LookAlikeFigures> lookAlikes = new ArrayList<>();
        for (Trap t : Trap.values()) {
            long claims = 0, flagged = 0;
            Map<String, Long> kindsFlagged = new TreeMap<>();
            for (Map.Entry<String, Encounter.Mark> m : marked.entrySet()) {
                if (m.getValue().trap() != t || !settled.contains(m.getKey())) {
                    continue;
                }
                claims++;
                Set<AuditRule> rules = rulesByBill.getOrDefault(m.getKey(), Set.of());
                if (!rules.isEmpty()) {
                    flagged++;
                    rules.forEach(r -> kindsFlagged.merge(r.name(), 1L, Long::sum));
                }
            }
            long blockedHere = blocked.stream().filter(b -> b.trap() == t).count();
            lookAlikes.add(new CityReport.LookAlikeFigures(t.name(), t.resembles().stream().map(Enum::name).toList(), claims, flagged,
                    blockedHere, kindsFlagged));
        }
        return new CityReport.Fraud(planted, flaggedByRule, plantedBills, flaggedOriginal, truePositives,
                ratio(flaggedOriginalPlanted, flaggedOriginal), ratio(truePositives, plantedBills), missed, findings, byPattern,
                List.copyOf(byKind.values()), lookAlikes, NOT_PLANTED);
    }

    /**
     * Each VBP product over the institutions this run agreed volumes with (an earlier city may have
     * agreed others): agreed, consumed, purchased, saved.
     */
    private static List<CityReport.Vbp> vbp(Observations run, Set<String> agreedThisRun) {
        Map<String, CityReport.Vbp> byItem = new TreeMap<>();
        for (Map.Entry<String, Observations.VbpRow> e : run.vbp().entrySet()) {
            if (!agreedThisRun.contains(e.getKey())) {
                continue;
            }
            Observations.VbpRow row = e.getValue();
            CityReport.Vbp sum = byItem.get(row.itemCode());
            byItem.put(row.itemCode(), sum == null
                    ? new CityReport.Vbp(row.batch(), row.itemCode(), row.agreed(), row.consumed(), row.purchased(), null, row.savings())
                    : new CityReport.Vbp(row.batch(), row.itemCode(), sum.agreed().add(row.agreed()), sum.consumed().add(row.consumed()),
                    sum.purchased().add(row.purchased()), null, sum.savings().plus(row.savings())));
        }
        return byItem.values().stream().map(v -> new CityReport.Vbp(v.batch(), v.itemCode(), v.agreed(), v.consumed(),
                v.purchased(), v.agreed().signum() == 0 ? BigDecimal.ZERO
                : v.consumed().multiply(BigDecimal.valueOf(100)).divide(v.agreed(), 2, RoundingMode.HALF_UP), v.savings())).toList();
    }

    /**
     * The books: the city's ledger against each service's own account of the run (differences of
     * the reports before and after), and both sides of every topic.
     */
    private CityReport.Books books(Ledger ledger, Treatment.Outcome care, Observations run, List<EventCounts.TopicFlow> flows,
                                   Registration.Upload enrolled, CityReport.Fraud fraud, CityReport.OwnCalculation own,
                                   Insurance insurance, ClearingDesk.Outcome clearing, CasemixDesk.Outcome casemix,
                                   Map<String, Money> owedBefore, Map<String, Money> owedAfter, long claimEvents) {
        List<CityReport.Check> checks = new ArrayList<>();
        insuranceChecks(checks, insurance, ledger, care, flows);
        clearingChecks(checks, ledger, clearing, casemix, owedBefore, owedAfter);
        casemixChecks(checks, care, casemix);
        checks.add(check("every settled bill's layers add up to its total", "0 bills off", care.notAddingUp() + " bills off",
                care.notAddingUp() == 0));
        CityReport.CatalogLines lines = care.catalogLines();
        checks.add(check("no line priced as not in the catalog for want of its code (GEFITINIB, off the catalog on purpose, apart)",
                "0 lines", lines.notInCatalogForMissingCode() + " lines " + lines.sampleMissing() + "; " + lines.notInCatalogAsPlanned()
                        + " GEFITINIB lines", lines.notInCatalogForMissingCode() == 0));
        checks.add(check("settlement's layers equal the simulator's own calculation from the pack",
                "0 of " + own.checked() + " checked bills differ",
                own.differing() + " differ (" + own.personsDiffering() + " persons); " + own.checked() + " of " + own.bills()
                        + " bills checked (" + own.checkedSharePercent() + "%), not checked " + own.notCheckedByReason(),
                own.differing() == 0));
        Set<String> keys = new java.util.TreeSet<>(ledger.accounts().keySet());
        keys.addAll(run.spending().keySet());
        for (String key : keys) {
            Ledger.Account mine = ledger.accounts().get(key);
            long platformBills = run.spendingBills().getOrDefault(key, 0L);
            checks.add(check("settlement's " + key + " bills", String.valueOf(mine == null ? 0 : mine.bills()),
                    String.valueOf(platformBills), (mine == null ? 0 : mine.bills()) == platformBills));
            for (Ledger.Layer layer : Ledger.Layer.values()) {
                Money expected = mine == null ? Money.ZERO : mine.get(layer);
                Money actual = layer(run, key, layer);
                checks.add(check("settlement's " + key + " " + layer, expected.toString(), actual.toString(),
                        expected.compareTo(actual) == 0));
            }
        }
        Ledger.Account all = ledger.total();
        Map<String, java.util.function.Function<Observations.Category, Money>> fields = new LinkedHashMap<>();
        fields.put("assistance", Observations.Category::assistance);
        fields.put("total", Observations.Category::total);
        fields.put("policyScope", Observations.Category::policyScope);
        Money fundsPaid = all.get(Ledger.Layer.basicFund).plus(all.get(Ledger.Layer.catastrophic))
                .plus(all.get(Ledger.Layer.supplementary)).plus(all.get(Ledger.Layer.assistance));
        fields.forEach((name, field) -> {
            Money expected = all.get(Ledger.Layer.valueOf(name));
            Money actual = run.assistanceSum(field);
            checks.add(check("assistance-service's " + name + " over all categories", expected.toString(), actual.toString(),
                    expected.compareTo(actual) == 0));
        });
        Money assistanceFunds = run.assistanceSum(Observations.Category::fundsPaid);
        checks.add(check("assistance-service's fundsPaid over all categories", fundsPaid.toString(), assistanceFunds.toString(),
                fundsPaid.compareTo(assistanceFunds) == 0));
        Map<String, BigDecimal> used = ledger.vbpUnits();
        Set<String> vbpKeys = new java.util.TreeSet<>(used.keySet());
        vbpKeys.addAll(run.vbp().keySet());
        BigDecimal expectedUnits = BigDecimal.ZERO;
        BigDecimal actualUnits = BigDecimal.ZERO;
        long vbpMismatches = 0;
        for (String key : vbpKeys) {
            BigDecimal e = used.getOrDefault(key, BigDecimal.ZERO);
            Observations.VbpRow row = run.vbp().get(key);
            BigDecimal a = row == null ? BigDecimal.ZERO : row.consumed();
            expectedUnits = expectedUnits.add(e);
            actualUnits = actualUnits.add(a);
            if (e.compareTo(a) != 0) {
                vbpMismatches++;
            }
        }
        checks.add(check("procurement-service's VBP units consumed, per institution and product", expectedUnits.toPlainString()
                + " units", actualUnits.toPlainString() + " units, " + vbpMismatches + " pairs differ", vbpMismatches == 0));
        long claims = flows.stream().filter(f -> f.topic().equals(Topics.CLAIMS)).mapToLong(EventCounts.TopicFlow::published).sum();
        // distinct events: a relay whose commit was cut publishes its batch again (at least once; consumers count each once)
        checks.add(check("ClaimSettled and ClaimReversed published (distinct events; messages on the topic " + claims + ", of them "
                        + Math.max(0, claims - claimEvents) + " sent again by a relay)",
                String.valueOf(care.settled() + care.reversed()), String.valueOf(claimEvents), claimEvents == care.settled() + care.reversed()
                        && claims >= claimEvents));
        long enrollments = flows.stream().filter(f -> f.topic().equals(Topics.ENROLLMENTS)).mapToLong(EventCounts.TopicFlow::published)
                .sum();
        checks.add(check("PersonEnrolled published (at least one per person imported)", ">= " + enrolled.accepted(),
                String.valueOf(enrollments), enrollments >= enrolled.accepted()));
        long findings = fraud.findings();
        long violations = flows.stream().filter(f -> f.topic().equals(Topics.VIOLATIONS)).mapToLong(EventCounts.TopicFlow::published)
                .sum();
        checks.add(check("ViolationDetected published, one per finding listed on the run's bills", String.valueOf(findings),
                String.valueOf(violations), findings == violations));
        // the planted patterns and the look-alikes went through the platform (the figures, not thresholds: the audit's
        // rules are judged by them, the books are not)
        for (CityReport.PatternFigures f : fraud.byPattern()) {
            long refusedHere = care.refusedMarked().getOrDefault(f.pattern(), 0L);
            checks.add(check("planted pattern " + f.pattern() + " (" + f.kind() + "): every claim settled or stopped by the pre-check",
                    f.improper() + " improper + " + f.accompanying() + " accompanying claims, " + refusedHere + " refused",
                    "recall " + f.recallPercent() + "% (" + f.flagged() + " flagged, " + f.blockedAtPreCheck() + " blocked at the pre-check),"
                            + " precision of " + f.kind() + " " + f.kindPrecisionPercent() + "%", refusedHere == 0));
        }
        for (CityReport.LookAlikeFigures t : fraud.lookAlikes()) {
            long refusedHere = care.refusedMarked().getOrDefault(t.lookAlike(), 0L);
            checks.add(check("clean look-alike " + t.lookAlike() + " (like " + t.resembles() + "): every claim settled",
                    t.claims() + " claims, " + refusedHere + " refused", t.flagged() + " flagged (false positives) " + t.flaggedByKind()
                            + ", " + t.blockedAtPreCheck() + " blocked at the pre-check", refusedHere == 0));
        }
        for (EventCounts.TopicFlow f : flows) {
            checks.add(check(f.topic() + ": every group processed what was published, none dead-lettered",
                    f.published() + " each", f.processedByGroup() + " lag " + f.lagByGroup() + " DLT " + f.deadLettered(),
                    f.balanced()));
        }
        return new CityReport.Books(checks.stream().allMatch(CityReport.Check::ok), checks);
    }

    /** The books of issue 22: accounts, maternity and long-term care, each to the fen. */
    private static void insuranceChecks(List<CityReport.Check> checks, Insurance in, Ledger ledger, Treatment.Outcome care,
                                        List<EventCounts.TopicFlow> flows) {
        Map<String, Accounts.Account> accounts = in.own().accounts().all();
        long compared = 0, differing = 0, unknown = 0;
        List<String> samples = new ArrayList<>();
        Money credited = Money.ZERO, spent = Money.ZERO, members = Money.ZERO;
        for (Map.Entry<String, Accounts.Account> a : accounts.entrySet()) {
            credited = credited.plus(a.getValue().credited());
            spent = spent.plus(a.getValue().spent());
            members = members.plus(a.getValue().paidForMembers());
            if (a.getValue().unknown()) {
                unknown++;
                continue;
            }
            compared++;
            Money theirs = in.balances().getOrDefault(a.getKey(), Money.ZERO);
            if (theirs.compareTo(a.getValue().balance()) != 0) {
                differing++;
                if (samples.size() < 5) {
                    samples.add(a.getKey() + " own " + a.getValue().balance() + " settlement " + theirs);
                }
            }
        }
        checks.add(check("settlement's balance of each personal account equals the simulator's own",
                "0 of " + compared + " accounts differ (" + unknown + " not predicted)", differing + " differ " + samples,
                differing == 0 && compared > 0));
        checks.add(check("credits to personal accounts: the simulator's own (rates file, wage bases, months posted) vs the"
                + " postings' answers", credited.toString(), in.posted().toAccounts().toString(),
                credited.compareTo(in.posted().toAccounts()) == 0));
        checks.add(check("credits to personal accounts: the simulator's own vs settlement's income report (toAccounts)",
                credited.toString(), in.income().toAccounts().toString(), credited.compareTo(in.income().toAccounts()) == 0));
        Money announced = in.sum(Topics.CONTRIBUTIONS, "accountAllocation", e -> "EMPLOYEE".equals(e.path("scheme").asString()));
        checks.add(check("credits to personal accounts: the simulator's own vs the ContributionsCollected announced (accountAllocation)",
                credited.toString(), announced.toString(), credited.compareTo(announced) == 0));
        checks.add(check("account payments: the simulator's own vs settlement's income report (accountSpending)", spent.toString(),
                in.income().accountSpending().toString(), spent.compareTo(in.income().accountSpending()) == 0));
        Money ledgerAccount = ledger.total().get(Ledger.Layer.personalAccount);
        checks.add(check("account payments: the simulator's own vs the ledger's personalAccount layer (the platform's answers)",
                spent.toString(), ledgerAccount.toString(), spent.compareTo(ledgerAccount) == 0));
        checks.add(check("family mutual aid (家庭共济): the simulator's own payments for bound members vs the platform's answers"
                + " (account.mutualAid, acct_mulaid_pay)", members.toString(), care.platformMutualAid().toString(),
                members.compareTo(care.platformMutualAid()) == 0));

        MaternityDesk.Section m = in.maternity();
        OwnCalculation own = in.own();
        checks.add(check("maternity: prenatal visits and what the fund paid, the simulator's own vs the fund report's maternity section",
                own.expectedBills("PRENATAL_CARE") + " visits " + own.expectedFund("PRENATAL_CARE"),
                m.prenatalVisits() + " visits " + m.prenatalPaid(), own.expectedBills("PRENATAL_CARE") == m.prenatalVisits()
                        && own.expectedFund("PRENATAL_CARE").compareTo(m.prenatalPaid()) == 0));
        checks.add(check("maternity: deliveries' fixed payments, the simulator's own vs the fund report's maternity section",
                own.expectedBills("DELIVERY") + " deliveries " + own.expectedFund("DELIVERY"),
                m.deliveries() + " deliveries " + m.deliveryPaid(), own.expectedBills("DELIVERY") == m.deliveries()
                        && own.expectedFund("DELIVERY").compareTo(m.deliveryPaid()) == 0));
        Money allowances = Money.sum(in.allowances().stream().map(MaternityDesk.Allowance::expected).toList());
        long granted = in.allowances().stream().filter(a -> a.granted() != null).count();
        long differ = in.allowances().stream().filter(a -> a.granted() == null || a.granted().compareTo(a.expected()) != 0).count();
        checks.add(check("maternity allowances: each granted as the simulator computed it (wage x days / 30)",
                in.allowances().size() + " allowances " + allowances, granted + " granted, " + differ + " differ", differ == 0));
        checks.add(check("maternity allowances: the simulator's own vs the fund report's maternity section",
                in.allowances().size() + " allowances " + allowances, m.allowances() + " allowances " + m.allowancesPaid(),
                in.allowances().size() == m.allowances() && allowances.compareTo(m.allowancesPaid()) == 0));
        Money announcedAllowances = in.sum(Topics.MATERNITY_ALLOWANCES, "amount", e -> true);
        checks.add(check("maternity allowances: the simulator's own vs the MaternityAllowanceGranted announced (amount)",
                allowances.toString(), announcedAllowances.toString(), allowances.compareTo(announcedAllowances) == 0));
        long allowanceEvents = flows.stream().filter(f -> f.topic().equals(Topics.MATERNITY_ALLOWANCES))
                .mapToLong(EventCounts.TopicFlow::published).sum();
        checks.add(check("MaternityAllowanceGranted published, one per allowance granted", String.valueOf(granted),
                String.valueOf(allowanceEvents), granted == allowanceEvents));

        CareDesk.Outcome ltc = in.care();
        checks.add(check("long-term care: no application, assessment, decision, bill or home-care run refused", "0 refused",
                ltc.refusals().size() + " " + ltc.refusals().stream().limit(3).toList(), ltc.refusals().isEmpty()));
        long assessments = ltc.assessments().values().stream().mapToLong(Long::longValue).sum();
        long reported = in.careReports().values().stream().mapToLong(CareDesk.Month::assessments).sum();
        checks.add(check("long-term care: assessments recorded vs care-service's month reports", String.valueOf(assessments),
                String.valueOf(reported), assessments == reported));
        Map<String, Money> expectedFund = CareDesk.expectedFund(ltc.expected());
        for (org.yibao.contracts.events.CareSetting setting : org.yibao.contracts.events.CareSetting.values()) {
            String name = setting.name();
            long count = ltc.expected().stream().filter(e -> e.setting() == setting).count();
            Money fund = expectedFund.getOrDefault(name, Money.ZERO);
            Money standard = Money.sum(ltc.expected().stream().filter(e -> e.setting() == setting).map(CareDesk.Expected::standardAmount).toList());
            long theirCount = in.careReports().values().stream().mapToLong(r -> r.payments().getOrDefault(name, 0L)).sum();
            Money theirFund = Money.sum(in.careReports().values().stream().map(r -> r.fundPaid().getOrDefault(name, Money.ZERO)).toList());
            Money theirStandard = Money.sum(in.careReports().values().stream()
                    .map(r -> r.standardAmount().getOrDefault(name, Money.ZERO)).toList());
            checks.add(check("long-term care " + name + " payments: the simulator's own from the policy file vs care-service's month reports",
                    count + " payments, standard " + standard + ", fund " + fund,
                    theirCount + " payments, standard " + theirStandard + ", fund " + theirFund,
                    count == theirCount && fund.compareTo(theirFund) == 0 && standard.compareTo(theirStandard) == 0));
        }
        for (org.yibao.contracts.events.CareSetting setting : org.yibao.contracts.events.CareSetting.values()) {
            Money fund = expectedFund.getOrDefault(setting.name(), Money.ZERO);
            Money announcedCare = in.sum(Topics.CARE_PAYMENTS, "fundPaid", e -> setting.name().equals(e.path("setting").asString()));
            long events = in.published().getOrDefault(Topics.CARE_PAYMENTS, List.of()).stream()
                    .filter(e -> setting.name().equals(e.path("setting").asString())).count();
            long count = ltc.expected().stream().filter(e -> e.setting() == setting).count();
            checks.add(check("long-term care " + setting + ": the simulator's own vs the CareBenefitPaid announced (fundPaid)",
                    count + " payments, fund " + fund, events + " events, fund " + announcedCare,
                    count == events && fund.compareTo(announcedCare) == 0));
        }
        long carePaid = flows.stream().filter(f -> f.topic().equals(Topics.CARE_PAYMENTS)).mapToLong(EventCounts.TopicFlow::published).sum();
        checks.add(check("CareBenefitPaid published, one per payment the simulator expected", String.valueOf(ltc.expected().size()),
                String.valueOf(carePaid), carePaid == ltc.expected().size()));
    }

    private static Money layer(Observations o, String key, Ledger.Layer layer) {
        return o.spending().getOrDefault(key, Map.of()).getOrDefault(layer, Money.ZERO);
    }

    private static Map<String, Money> minus(Map<String, Money> after, Map<String, Money> before) {
        Map<String, Money> out = new TreeMap<>();
        after.forEach((k, v) -> out.put(k, v.minus(before.getOrDefault(k, Money.ZERO))));
        return out;
    }

    /**
     * Paying stays by group: every standing stay's list was answered; every list's quality is counted; what casemix announced
     * to the fund clearing per hospital and method is the hospital's gain or loss in the year's report (the provisional
     * months' difference, changed at the year-end by the year's rate); every DRG pilot is paid by DRG and no other hospital.
     */
    private static void casemixChecks(List<CityReport.Check> checks, Treatment.Outcome care, CasemixDesk.Outcome casemix) {
        checks.add(check("every standing inpatient stay's settlement list uploaded and answered", care.stays().size() + " lists",
                casemix.uploaded() + " lists", casemix.uploaded() == care.stays().size()));
        checks.add(check("the casemix calls refused", "none", casemix.refusals().toString(), casemix.refusals().isEmpty()));
        long counted = casemix.hospitals().stream().mapToLong(CasemixDesk.Hospital::lists).sum();
        checks.add(check("the quality reports count every list uploaded in an ended month", "at most " + casemix.uploaded(), counted + "",
                counted <= casemix.uploaded() && (casemix.monthsPriced().size() < 12 || counted == casemix.uploaded())));
        Map<String, Money> reported = new TreeMap<>();
        casemix.hospitals().stream().filter(h -> h.stays() > 0)
                .forEach(h -> reported.put(h.institutionCode() + "/" + h.method(), h.difference()));
        Map<String, Money> announced = new TreeMap<>();
        reported.keySet().forEach(key -> announced.put(key, casemix.announcedByHospital().getOrDefault(key, Money.ZERO)));
        casemix.announcedByHospital().forEach((key, amount) -> {
            if (!amount.isZero()) {
                announced.putIfAbsent(key, amount);
            }
        });
        checks.add(check("what casemix announced to clearing per hospital is its gain or loss in the year's report", reported.toString(),
                announced.toString(), reported.equals(announced)));
        List<String> drg = casemix.hospitals().stream().filter(h -> h.method().equals("DRG") && h.stays() > 0)
                .map(CasemixDesk.Hospital::institutionCode).toList();
        List<String> dipPilots = casemix.hospitals().stream().filter(h -> h.method().equals("DIP") && h.stays() > 0)
                .map(CasemixDesk.Hospital::institutionCode).filter(casemix.pilots()::contains).toList();
        checks.add(check("the DRG pilots, and only they, are paid by DRG (and none of them by DIP)", casemix.pilots() + ", none by DIP",
                drg + ", " + dipPilots + " by DIP", casemix.pilots().containsAll(drg) && dipPilots.isEmpty()
                        && (casemix.pricedDrg() == 0 || !drg.isEmpty())));
        for (CasemixDesk.YearRate y : casemix.yearRates()) {
            // the year's standards are the budget but for each stay's rounding to the fen (at most half a fen a stay)
            Money bound = Money.rounded(new BigDecimal("0.005").multiply(BigDecimal.valueOf(y.stays())), RoundingMode.UP);
            checks.add(check("the " + y.method() + " year's standards add up to its budget, but for each stay's rounding",
                    y.budget() + " (rounding within " + bound + ")", y.standards() + " + " + y.rounding(),
                    y.standards().plus(y.rounding()).compareTo(y.budget()) == 0 && (y.rounding().isNegative() ? y.rounding().negate() : y.rounding()).compareTo(bound) <= 0));
        }
    }

    /** The fund clearing's section of the report: the year's orders summed per fund over the city's institutions. */
    private static CityReport.Clearing clearing(ClearingDesk desk, ClearingDesk.Outcome run) {
        Map<String, Map<String, Money>> byFund = new TreeMap<>();
        run.byInstitution().values().forEach(funds -> funds.forEach((fund, y) -> {
            Map<String, Money> sum = byFund.computeIfAbsent(fund, f -> new LinkedHashMap<>());
            sum.merge("owedInPeriod", y.owedInPeriod(), Money::plus);
            sum.merge("withheld", y.withheld(), Money::plus);
            sum.merge("deducted", y.deducted(), Money::plus);
            sum.merge("recovered", y.recovered(), Money::plus);
            sum.merge("prepaymentRecovered", y.prepaymentRecovered(), Money::plus);
            sum.merge("paid", y.paid(), Money::plus);
            sum.merge("deferred", y.deferred(), Money::plus);
        }));
        Map<String, Map<String, Money>> yearEnd = new TreeMap<>();
        run.yearEnd().values().forEach(lines -> lines.forEach(l -> {
            Map<String, Money> sum = yearEnd.computeIfAbsent(l.path("fund").asString(), f -> new LinkedHashMap<>());
            for (String part : List.of("actual", "recognised", "retained", "borne", "deferred", "released", "forfeited", "payable")) {
                sum.merge(part, Json.money(l.path(part)), Money::plus);
            }
        }));
        String note = desk.yearEnded() ? run.yearEnd().size() + " year-end statements approved"
                : "no year-end clearing: " + desk.endedMonths().size() + " months paid, the year runs until 31 December (a run of an"
                + " ended year makes it)";
        return new CityReport.Clearing(run.months(), run.orders(), run.approvedBefore(), run.budgets(), byFund, run.openOwed(), yearEnd,
                note, run.refusals());
    }

    /**
     * The clearing's books: everything settled is owed (this run's owed per fund equals the simulator's own ledger of the
     * bills it settled less those it reversed); everything owed is in a paid month's order or in a month still open; every
     * order line balances; each institution's fund over the year's orders is paid, withheld, deducted, recovered or
     * deferred, to the fen; each year-end line balances.
     */
    private static void clearingChecks(List<CityReport.Check> checks, Ledger ledger, ClearingDesk.Outcome clearing,
                                       CasemixDesk.Outcome casemix, Map<String, Money> owedBefore, Map<String, Money> owedAfter) {
        Map<String, Money> owedRun = minus(owedAfter, owedBefore);
        Map<String, Money> settled = new TreeMap<>();
        ledger.accounts().forEach((key, account) -> settled.merge(key.startsWith("EMPLOYEE/") ? "EMPLOYEE_POOLING" : "RESIDENT_POOLING",
                account.get(Ledger.Layer.basicFund), Money::plus));
        Ledger.Account all = ledger.total();
        settled.put("CATASTROPHIC", all.get(Ledger.Layer.catastrophic));
        settled.put("SUPPLEMENTARY", all.get(Ledger.Layer.supplementary));
        settled.put("MEDICAL_ASSISTANCE", all.get(Ledger.Layer.assistance));
        settled.put("PERSONAL_ACCOUNT", all.get(Ledger.Layer.personalAccount));
        // paying stays by group changes what the pooling funds owe by what casemix announced (DIP's or DRG's payment less item by item)
        casemix.announcedByFund().forEach((fund, amount) -> settled.merge(fund, amount, Money::plus));
        for (String fund : ClearingDesk.FUNDS) {
            Money expected = settled.getOrDefault(fund, Money.ZERO);
            Money actual = owedRun.getOrDefault(fund, Money.ZERO);
            checks.add(check("clearing owes the city's institutions what the run settled less what it reversed, changed by what paying"
                            + " by group announced: " + fund,
                    expected.toString(), actual.toString(), expected.compareTo(actual) == 0));
        }
        if (clearing.months().isEmpty()) {
            return;
        }
        Map<String, Money> inOrdersOrOpen = new TreeMap<>(clearing.openOwed());
        long unbalanced = 0;
        List<String> notPaid = new ArrayList<>();
        for (Map.Entry<String, Map<String, ClearingDesk.FundYear>> i : clearing.byInstitution().entrySet()) {
            for (Map.Entry<String, ClearingDesk.FundYear> f : i.getValue().entrySet()) {
                ClearingDesk.FundYear y = f.getValue();
                inOrdersOrOpen.merge(f.getKey(), y.owedInPeriod(), Money::plus);
                unbalanced += y.unbalancedLines();
                if (!y.balances()) {
                    notPaid.add(i.getKey() + "/" + f.getKey());
                }
            }
        }
        for (String fund : ClearingDesk.FUNDS) {
            Money expected = owedAfter.getOrDefault(fund, Money.ZERO);
            Money actual = inOrdersOrOpen.getOrDefault(fund, Money.ZERO);
            checks.add(check("everything owed is in a paid month's order or in a month still open: " + fund, expected.toString(),
                    actual.toString(), expected.compareTo(actual) == 0));
        }
        checks.add(check("every payment order line balances: owed = withheld + deducted + recovered + prepayment recovered + deferred"
                + " + paid", "0 lines off", unbalanced + " lines off", unbalanced == 0));
        checks.add(check("each institution's fund over the year's orders: owed in the months = paid + withheld + deducted + recovered"
                + " + prepayment recovered + the last deferral", "0 off", notPaid.size() + " off " + notPaid, notPaid.isEmpty()));
        checks.add(check("the refusals of the clearing run", "none", clearing.refusals().toString(), clearing.refusals().isEmpty()));
        long yearEndOff = clearing.yearEnd().values().stream().flatMap(List::stream).filter(l -> Json.money(l.path("actual"))
                .plus(Json.money(l.path("retained"))).minus(Json.money(l.path("borne")))
                .compareTo(Json.money(l.path("received")).plus(Json.money(l.path("payable"))).plus(Json.money(l.path("forfeited")))) != 0)
                .count();
        List<String> receivedOff = new ArrayList<>();
        clearing.yearEnd().forEach((institution, lines) -> lines.forEach(l -> {
            ClearingDesk.FundYear y = clearing.byInstitution().getOrDefault(institution, Map.of()).get(l.path("fund").asString());
            Money orders = y == null ? Money.ZERO : y.paid().plus(y.deducted()).plus(y.recovered()).plus(y.prepaymentRecovered());
            if (orders.compareTo(Json.money(l.path("received"))) != 0 || (y != null && y.deferred().compareTo(Json.money(l.path("deferred"))) != 0)) {
                receivedOff.add(institution + "/" + l.path("fund").asString() + ": orders " + orders + ", statement " + l.path("received").asString());
            }
        }));
        if (!clearing.yearEnd().isEmpty()) {
            checks.add(check("each year-end line starts from the year's orders: received = paid + deducted + recovered + prepayment"
                    + " recovered, and the deferral settled = the last order's", "0 lines off", receivedOff.size() + " off " + receivedOff,
                    receivedOff.isEmpty()));
            checks.add(check("every year-end line balances: actual + retained - borne = received + payable + forfeited", "0 lines off",
                    yearEndOff + " lines off", yearEndOff == 0));
        }
    }

    private static CityReport.Check check(String name, String expected, String actual, boolean ok) {
        return new CityReport.Check(name, expected, actual, ok);
    }

    private void forEachPerson(Predicate<Person> which, java.util.function.Consumer<Person> action) throws InterruptedException {
        Workers.run(workers, worker -> {
            for (int i = worker; i < city.persons(); i += workers) {
                Person p = generator.person(i);
                if (which.test(p)) {
                    action.accept(p);
                }
            }
        }, null);
    }

    private void quiet(String what) throws InterruptedException {
        if (!events.awaitQuiet(QUIET_TIMEOUT)) {
            throw new IllegalStateException("the platform did not consume " + what + " within " + QUIET_TIMEOUT);
        }
    }

    private static void step(String what) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), what);
    }

    private static BigDecimal percent(Money part, Money whole) {
        return whole.isZero() ? BigDecimal.ZERO.setScale(2)
                : part.amount().multiply(BigDecimal.valueOf(100)).divide(whole.amount(), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
