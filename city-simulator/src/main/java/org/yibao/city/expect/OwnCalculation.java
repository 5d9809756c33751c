package org.yibao.city.expect;

import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Person;
import org.yibao.city.report.CityReport;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The books' independent check of settlement: every bill the platform settles is compared, layer by
 * layer, with the simulator's own calculation of it from the policy pack ({@link BillCalculator}), the
 * person as the city knows them and the person's year so far as the simulator counted it from its own
 * calculations of their earlier bills (in the order the platform settled them; a reversal takes a bill
 * back). Bills it cannot model exactly are counted as not checked, with the reason. Thread-safe across
 * persons; one person's bills come from one worker, in order.
 */
public final class OwnCalculation {

    /** How many differences the report shows with their inputs: each the first of its person's year. */
    static final int SAMPLES = 12;
    static final String EARLIER_NOT_MODELLED = "an earlier bill of the person's year was not checked";

    private final BillCalculator calculator;
    private final CityGenerator generator;
    private final Accounts accounts = new Accounts();
    /** The basic fund the simulator expects of the checked bills standing, by visit type (a reversal taken back). */
    private final Map<String, Money> fundByVisit = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> billsByVisit = new ConcurrentHashMap<>();
    private final LongAdder answered = new LongAdder();
    private final LongAdder checked = new LongAdder();
    private final LongAdder differing = new LongAdder();
    private final LongAdder personsDiffering = new LongAdder();
    private final Map<String, LongAdder> notChecked = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> differingByLayers = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> checkedByRule = new ConcurrentHashMap<>();
    private final List<CityReport.Difference> samples = Collections.synchronizedList(new ArrayList<>());

    public OwnCalculation(BillCalculator calculator, CityGenerator generator) {
        this.calculator = calculator;
        this.generator = generator;
    }

    /** The city's Zhumadian packs, read by the simulator itself, and the catalog it generated. */
    public static OwnCalculation of(CityGenerator generator) {
        return new OwnCalculation(new BillCalculator(PolicyPacks.city(), CatalogTerms.of(generator.formulary().catalog())), generator);
    }

    /** A person's year begins: their bills follow, in the order they are sent. */
    public PersonYear start(Person p) {
        return start(p, null);
    }

    /**
     * A person's year begins, their bills that ask an account payment paid from {@code payer}'s account (their own,
     * or the holder's they are bound to; null when they have none).
     */
    public PersonYear start(Person p, String payer) {
        return new PersonYear(Insured.of(p, generator.feedRecords(p)), payer);
    }

    /** The simulator's own personal accounts: credited by the bureau's postings, debited by the bills. */
    public Accounts accounts() {
        return accounts;
    }

    /** One person's bills as the platform settles them. */
    public final class PersonYear {
        private final Insured person;
        /** Whose account pays this person's bills that ask it, or null. */
        private final String payer;
        private final YearToDate year = new YearToDate();
        /** Set once a bill could not be modelled: the year so far is no longer known exactly. */
        private boolean unknown;
        private boolean differed;

        PersonYear(Insured person, String payer) {
            this.person = person;
            this.payer = payer;
        }

        private boolean forMember() {
            return payer != null && !payer.equals(person.personId());
        }

        /**
         * The platform settled the bill (a new settlement, status 201) with these layers: compares them with
         * the simulator's own, counts, and adds the bill to the year. Answers the expectation, to take back
         * on a reversal.
         *
         * @param channel how it was billed (the native API or the national interface's transaction)
         */
        public Expectation settled(Encounter bill, String channel, Layers platform) {
            return settled(bill, channel, platform, false);
        }

        /**
         * As above; {@code asksAccount}: the bill asked an account payment of its whole total (personalAccountAmount,
         * acct_used_flag 1), which the payer's account pays up to min(total, balance, what is owed after the funds).
         */
        public Expectation settled(Encounter bill, String channel, Layers platform, boolean asksAccount) {
            answered.increment();
            boolean account = asksAccount && payer != null;
            if (unknown) {
                notChecked(EARLIER_NOT_MODELLED);
                if (account) {
                    accounts.lose(payer);
                }
                return null;
            }
            String before = year.toString();
            Expectation expected = calculator.expect(person, bill, year);
            if (account && !(expected instanceof Expectation.Bill)) {
                accounts.lose(payer);
            }
            if (account && expected instanceof Expectation.Bill b) {
                if (accounts.of(payer).unknown()) {
                    notChecked("the paying account's balance is not known (an earlier bill on it was not modelled)");
                    year.add(b.delta());
                    return null;
                }
                expected = withAccount(b);
            }
            if (expected instanceof Expectation.Bill b) {
                fundByVisit.merge(bill.visitType().name(), b.layers().basicFund(), Money::plus);
                billsByVisit.computeIfAbsent(bill.visitType().name(), k -> new LongAdder()).increment();
                checked.increment();
                b.rules().forEach(rule -> checkedByRule.computeIfAbsent(rule, k -> new LongAdder()).increment());
                checkedByRule.computeIfAbsent("channel: " + channel, k -> new LongAdder()).increment();
                List<String> layers = b.layers().differences(platform);
                if (!layers.isEmpty()) {
                    differ(bill, channel, before, b.pack(), b.layers().byName(), "", platform, layers);
                }
                year.add(b.delta());
            } else if (expected instanceof Expectation.Refusal r) {
                checked.increment();
                differ(bill, channel, before, "", Map.of(), "a refusal: " + r.reason(), platform, List.of("refused"));
                unknown = true;
            } else if (expected instanceof Expectation.NotModelled n) {
                notChecked(n.reason());
                unknown = true;
            }
            return expected;
        }

        /** The platform answered an earlier run's settlement of the same message (status 200): counted in, not checked. */
        public void replayed(Encounter bill) {
            answered.increment();
            if (payer != null) {
                accounts.lose(payer); // an earlier run's bill may have taken from the account: not known here
            }
            notChecked("settled by an earlier run (a replay)");
            if (!unknown && calculator.expect(person, bill, year) instanceof Expectation.Bill b) {
                year.add(b.delta());
            } else {
                unknown = true;
            }
        }

        /** The bill's layers with the account's payment taken out of cash, debited from the simulator's own account. */
        private Expectation.Bill withAccount(Expectation.Bill b) {
            Layers l = b.layers();
            Money balance = accounts.of(payer).balance();
            Money paid = accounts.pay(payer, l.total(), l.cash(), forMember());
            java.util.Set<String> rules = new java.util.TreeSet<>(b.rules());
            rules.add(forMember() ? "an account payment for a bound family member (家庭共济)" : "an account payment (the holder's own)");
            if (!paid.isPositive()) {
                rules.add("an account payment asked of an empty account, or of a bill owing nothing");
            } else if (paid.compareTo(balance) == 0 && paid.compareTo(l.cash()) < 0) {
                rules.add("an account payment stopped at the balance");
            } else if (paid.compareTo(l.cash()) == 0) {
                rules.add("an account payment of all that was owed");
            }
            return new Expectation.Bill(b.pack(), new Layers(l.total(), l.fullSelfPay(), l.priorSelfPay(), l.policyScope(),
                    l.deductible(), l.basicFund(), l.catastrophic(), l.supplementary(), l.assistance(), paid, l.cash().minus(paid)),
                    b.delta(), rules);
        }

        /** The platform reversed a bill it settled: it leaves the year exactly, and gives its account payment back. */
        public void reversed(Encounter bill, Expectation settled) {
            if (settled instanceof Expectation.Bill b) {
                fundByVisit.merge(bill.visitType().name(), b.layers().basicFund().negate(), Money::plus);
                billsByVisit.computeIfAbsent(bill.visitType().name(), k -> new LongAdder()).decrement();
                if (payer != null) {
                    accounts.restore(payer, b.layers().personalAccount(), forMember());
                }
                year.takeBack(b.delta());
                checkedByRule.computeIfAbsent("reversed, then settled again", k -> new LongAdder()).increment();
            }
        }

        private void differ(Encounter bill, String channel, String before, String pack, Map<String, Money> expected,
                            String expectedText, Layers platform, List<String> layers) {
            differing.increment();
            differingByLayers.computeIfAbsent(String.join(",", layers), k -> new LongAdder()).increment();
            if (differed) {
                return;
            }
            differed = true;
            personsDiffering.increment();
            synchronized (samples) {
                if (samples.size() < SAMPLES) {
                    samples.add(new CityReport.Difference(bill.messageId(), channel, bill.date().toString(), bill.visitType().name(),
                            bill.institution().code() + " " + bill.institution().level(), person.describe(), describe(bill),
                            before, pack, expectedText.isEmpty() ? expected : Map.of(), expectedText.isEmpty() ? null : expectedText,
                            platform.byName(), layers));
                }
            }
        }
    }

    /** The bill's inputs as a difference shows them: each line with its catalog terms as the city knows them. */
    private List<String> describe(Encounter bill) {
        List<String> lines = new ArrayList<>();
        bill.diagnoses().forEach(d -> lines.add("diagnosis " + d));
        for (Encounter.Line l : bill.lines()) {
            CatalogEntry entry = generator.formulary().entry(l.item());
            String terms = entry == null ? "" : " (synthetic: ceiling here " + entry.ceilingAt(bill.institution().level())
                    + (entry.selfPayRatio() == null ? "" : ", own ratio " + entry.selfPayRatio())
                    + (entry.restrictions().isEmpty() ? "" : ", conditions " + entry.restrictions()) + ")";
            lines.add(l.item().code() + " " + l.item().name() + " class " + (l.item().itemClass() == null ? "off catalog" : l.item().itemClass())
                    + (l.item().ceiling() == null ? "" : " ceiling " + l.item().ceiling()) + terms + ": " + l.quantity().toPlainString()
                    + " x " + l.unitPrice() + " = " + l.amount());
        }
        return lines;
    }

    private void notChecked(String reason) {
        notChecked.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** The basic fund the simulator expects of the checked bills of a visit type that stand, and how many. */
    public Money expectedFund(String visitType) {
        return fundByVisit.getOrDefault(visitType, Money.ZERO);
    }

    public long expectedBills(String visitType) {
        LongAdder n = billsByVisit.get(visitType);
        return n == null ? 0 : n.sum();
    }

    /** The section of the report. */
    public CityReport.OwnCalculation summary() {
        Map<String, Long> reasons = new TreeMap<>();
        notChecked.forEach((k, v) -> reasons.put(k, v.sum()));
        Map<String, Long> byLayers = new TreeMap<>();
        differingByLayers.forEach((k, v) -> byLayers.put(k, v.sum()));
        Map<String, Long> byRule = new TreeMap<>();
        checkedByRule.forEach((k, v) -> byRule.put(k, v.sum()));
        long all = answered.sum();
        BigDecimal share = all == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(checked.sum() * 100).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_UP);
        List<CityReport.Difference> first;
        synchronized (samples) {
            first = List.copyOf(samples);
        }
        return new CityReport.OwnCalculation(all, checked.sum(), share, differing.sum(), personsDiffering.sum(), reasons, byRule,
                byLayers, first);
    }
}
