package org.yibao.settlement.simulation;

import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.Claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Sums a simulation's outcomes person by person into a bounded result: a few dozen groups, the persons whose cash
 * changes most and the first refusals — memory stays flat however many bills are replayed. Sums in fen.
 */
final class SimulationTally {

    static final int TOP_PERSONS = 20;
    static final int LISTED_REFUSALS = 100;

    private static final List<String> DIMENSIONS = List.of("ALL", "SCHEME", "VISIT_TYPE", "INSTITUTION_LEVEL",
            "ASSISTANCE_CATEGORY", "REPLAYED_BY");

    private final LocalDate from;
    private final LocalDate to;
    private final Map<String, GroupSums> groups = new TreeMap<>(Comparator
            .comparingInt((String k) -> DIMENSIONS.indexOf(k.substring(0, k.indexOf('|')))).thenComparing(k -> k));
    private final PriorityQueue<SimulationResult.PersonChange> rises = new PriorityQueue<>(
            Comparator.comparing(SimulationResult.PersonChange::difference));
    private final PriorityQueue<SimulationResult.PersonChange> falls = new PriorityQueue<>(
            Comparator.comparing(SimulationResult.PersonChange::difference).reversed());
    private final List<SimulationResult.Refusal> refusals = new ArrayList<>();
    private long bills;
    private long billsInPeriod;
    private long billsUnderCandidate;
    private long billsOutsideRegion;
    private long persons;

    SimulationTally(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    /** Adds one person's replayed year (outcomes of {@link Replay#person}). */
    void person(String personId, List<Replay.Outcome> outcomes) {
        bills += outcomes.size();
        Map<String, PersonSums> touched = new HashMap<>();
        long settledCash = 0;
        long replayedCash = 0;
        long counted = 0;
        for (Replay.Outcome o : outcomes) {
            ReplayBill bill = o.bill();
            if (bill.reversed() || bill.serviceDate().isBefore(from) || bill.serviceDate().isAfter(to)) {
                continue;
            }
            if (!o.inScope()) {
                billsOutsideRegion++;
                continue;
            }
            if (o.way() == Replay.Way.CANDIDATE || o.way() == Replay.Way.REFUSED) {
                billsUnderCandidate++;
            }
            counted++;
            settledCash += bill.settled().cash().fen();
            replayedCash += o.replayed().cash().fen();
            for (String key : keys(o)) {
                touched.computeIfAbsent(key, k -> new PersonSums()).add(bill.settled(), o.replayed());
            }
            if (o.way() == Replay.Way.REFUSED && refusals.size() < LISTED_REFUSALS) {
                refusals.add(new SimulationResult.Refusal(bill.id().toString(), bill.visitType().name(), o.refusal().orElse("")));
            }
        }
        if (counted == 0) {
            return;
        }
        billsInPeriod += counted;
        persons++;
        touched.forEach((key, sums) -> groups.computeIfAbsent(key, k -> new GroupSums()).add(sums));
        SimulationResult.PersonChange change = new SimulationResult.PersonChange(IdMasking.mask(personId), counted,
                Money.ofFen(settledCash), Money.ofFen(replayedCash), Money.ofFen(replayedCash - settledCash));
        if (change.difference().isPositive()) {
            keepTop(rises, change);
        } else if (change.difference().isNegative()) {
            keepTop(falls, change);
        }
    }

    /** The bounded result: groups in dimension order, the persons sorted by how much their cash changes. */
    SimulationResult result() {
        List<SimulationResult.Group> list = new ArrayList<>();
        groups.forEach((key, g) -> {
            int bar = key.indexOf('|');
            list.add(g.group(key.substring(0, bar), key.substring(bar + 1)));
        });
        List<SimulationResult.PersonChange> up = new ArrayList<>(rises);
        up.sort(Comparator.comparing(SimulationResult.PersonChange::difference).reversed());
        List<SimulationResult.PersonChange> down = new ArrayList<>(falls);
        down.sort(Comparator.comparing(SimulationResult.PersonChange::difference));
        return new SimulationResult(bills, billsInPeriod, billsUnderCandidate, billsOutsideRegion, persons, list, up, down,
                List.copyOf(refusals));
    }

    private static void keepTop(PriorityQueue<SimulationResult.PersonChange> top, SimulationResult.PersonChange change) {
        top.add(change);
        if (top.size() > TOP_PERSONS) {
            top.poll();
        }
    }

    private static List<String> keys(Replay.Outcome o) {
        ReplayBill bill = o.bill();
        String level = bill.claim().map(c -> c.institutionLevel().name()).orElse("UNKNOWN");
        String category = bill.claim().map(Claim::assistanceCategory)
                .map(c -> c.map(Enum::name).orElse("NONE")).orElse("UNKNOWN");
        return List.of("ALL|ALL", "SCHEME|" + bill.scheme(), "VISIT_TYPE|" + bill.visitType(), "INSTITUTION_LEVEL|" + level,
                "ASSISTANCE_CATEGORY|" + category, "REPLAYED_BY|" + o.way());
    }

    /** The eleven layers of a bill, in fen, in the order of {@link SettlementAmounts}; the indexes of those read by name. */
    private static final int LAYERS = 11;
    private static final int TOTAL = 0;
    private static final int POLICY_SCOPE = 3;
    private static final int BASIC_FUND = 5;
    private static final int CATASTROPHIC = 6;
    private static final int SUPPLEMENTARY = 7;
    private static final int ASSISTANCE = 8;

    private static long[] fen(SettlementAmounts a) {
        return new long[]{a.total().fen(), a.fullSelfPay().fen(), a.priorSelfPay().fen(), a.policyScope().fen(),
                a.deductible().fen(), a.basicFund().fen(), a.catastrophic().fen(), a.supplementary().fen(),
                a.assistance().fen(), a.personalAccount().fen(), a.cash().fen()};
    }

    /** One person's sums within one group. */
    private static final class PersonSums {
        long bills;
        final long[] settled = new long[LAYERS];
        final long[] replayed = new long[LAYERS];

        void add(SettlementAmounts s, SettlementAmounts r) {
            bills++;
            addTo(settled, fen(s));
            addTo(replayed, fen(r));
        }
    }

    /** A group's sums over persons. */
    private static final class GroupSums {
        long bills;
        long persons;
        final long[] settled = new long[LAYERS];
        final long[] replayed = new long[LAYERS];
        long catastrophicSettled;
        long catastrophicReplayed;
        long assistedSettled;
        long assistedReplayed;

        void add(PersonSums p) {
            bills += p.bills;
            persons++;
            addTo(settled, p.settled);
            addTo(replayed, p.replayed);
            catastrophicSettled += p.settled[CATASTROPHIC] > 0 ? 1 : 0;
            catastrophicReplayed += p.replayed[CATASTROPHIC] > 0 ? 1 : 0;
            assistedSettled += p.settled[ASSISTANCE] > 0 ? 1 : 0;
            assistedReplayed += p.replayed[ASSISTANCE] > 0 ? 1 : 0;
        }

        SimulationResult.Group group(String dimension, String value) {
            long[] difference = new long[LAYERS];
            for (int i = 0; i < LAYERS; i++) {
                difference[i] = replayed[i] - settled[i];
            }
            return new SimulationResult.Group(dimension, value, bills, persons, layers(settled), layers(replayed),
                    layers(difference), ratios(settled), ratios(replayed),
                    new SimulationResult.Pair(catastrophicSettled, catastrophicReplayed),
                    new SimulationResult.Pair(assistedSettled, assistedReplayed));
        }
    }

    private static void addTo(long[] sum, long[] add) {
        for (int i = 0; i < LAYERS; i++) {
            sum[i] = Math.addExact(sum[i], add[i]);
        }
    }

    private static long fundsPaid(long[] f) {
        return f[BASIC_FUND] + f[CATASTROPHIC] + f[SUPPLEMENTARY] + f[ASSISTANCE];
    }

    private static SimulationResult.Layers layers(long[] f) {
        return new SimulationResult.Layers(Money.ofFen(f[0]), Money.ofFen(f[1]), Money.ofFen(f[2]), Money.ofFen(f[3]),
                Money.ofFen(f[4]), Money.ofFen(f[5]), Money.ofFen(f[6]), Money.ofFen(f[7]), Money.ofFen(f[8]),
                Money.ofFen(fundsPaid(f)), Money.ofFen(f[9]), Money.ofFen(f[10]));
    }

    private static SimulationResult.Ratios ratios(long[] f) {
        return new SimulationResult.Ratios(percent(fundsPaid(f), f[POLICY_SCOPE]), percent(fundsPaid(f), f[TOTAL]),
                percent(f[BASIC_FUND], f[POLICY_SCOPE]));
    }

    /** part / whole in percent, two decimals, half up; null when whole is zero. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
