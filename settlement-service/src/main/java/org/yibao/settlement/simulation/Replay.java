package org.yibao.settlement.simulation;

import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.Adjudication;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.adjudication.NotCoveredException;
import org.yibao.settlement.policy.PolicyPack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The replay of one person's bills of one scheme and year (政策测算): every settlement and reversal in the order they
 * changed the person's accumulators, each bill adjudicated again under the pack the simulation gives it, with
 * accumulators rebuilt from zero. Pure: no I/O; nothing real is touched.
 *
 * <p>Under the pack that settled them, the bills come out exactly as settled: the same claim, the same accumulators
 * before it (the same bills before it, in the same order) and the same pure adjudicator. That is the replay's own check
 * (a test replays an unchanged pack and finds no difference to the fen).
 */
final class Replay {

    /** How a bill came out of the replay. */
    enum Way {
        /** Adjudicated again under the candidate pack. */
        CANDIDATE,
        /**
         * Adjudicated again under the pack that settled it: outside the candidate's region, or in it but before the
         * candidate's {@code effectiveFrom}.
         */
        OWN_PACK,
        /** The candidate does not cover the visit: the fund pays nothing, the person all. */
        REFUSED,
        /** Settled before claims were kept, its claim unreadable, or under a pack no longer loaded: counted as settled. */
        AS_SETTLED
    }

    /**
     * One bill's two results.
     *
     * @param replayed the amounts under the simulation (yuan); equal to the settled ones for {@link Way#AS_SETTLED}
     * @param refusal  why the pack refused the visit, for {@link Way#REFUSED}
     * @param inScope  whether the bill lies in the candidate's region and scheme (a bill of another region is replayed for
     *                 the accumulators it shares with the person, and not counted in the candidate's figures)
     */
    record Outcome(ReplayBill bill, Way way, SettlementAmounts replayed, Optional<String> refusal, boolean inScope) {
    }

    /**
     * Which pack replays a bill ({@link PackChoice}).
     *
     * @param pack      empty when no pack can (the bill is counted as settled)
     * @param candidate whether it is the candidate
     * @param inScope   whether the bill lies in the candidate's region and scheme
     */
    record Choice(Optional<PolicyPack> pack, boolean candidate, boolean inScope) {
    }

    private final Adjudicator adjudicator;

    Replay(Adjudicator adjudicator) {
        this.adjudicator = adjudicator;
    }

    /**
     * Replays one person's bills of one scheme and year.
     *
     * @param bills every bill of the person in that scheme and year (each with its reversal, if reversed)
     * @param packs the pack that replays each bill
     * @return an outcome per bill, in the order of {@code bills}' settlements
     */
    List<Outcome> person(List<ReplayBill> bills, Function<ReplayBill, Choice> packs) {
        record Event(long seq, ReplayBill bill, boolean reversal) {
        }
        List<Event> events = new ArrayList<>(bills.size() + 2);
        for (ReplayBill b : bills) {
            events.add(new Event(b.settleSeq(), b, false));
            b.reversalSeq().ifPresent(seq -> events.add(new Event(seq, b, true)));
        }
        events.sort(Comparator.comparingLong(Event::seq));
        Accumulators yearToDate = Accumulators.NONE;
        Map<UUID, Accumulators> deltas = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>(bills.size());
        for (Event e : events) {
            if (e.reversal()) {
                yearToDate = yearToDate.minus(deltas.getOrDefault(e.bill().id(), Accumulators.NONE));
                continue;
            }
            ReplayBill bill = e.bill();
            Choice choice = packs.apply(bill);
            if (bill.claim().isEmpty() || choice.pack().isEmpty()) {
                deltas.put(bill.id(), bill.settledDelta());
                yearToDate = yearToDate.plus(bill.settledDelta());
                outcomes.add(new Outcome(bill, Way.AS_SETTLED, bill.settled(), Optional.empty(), choice.inScope()));
                continue;
            }
            try {
                Adjudication again = adjudicator.adjudicate(bill.claim().get(), yearToDate, choice.pack().get());
                deltas.put(bill.id(), again.delta());
                yearToDate = yearToDate.plus(again.delta());
                outcomes.add(new Outcome(bill, choice.candidate() ? Way.CANDIDATE : Way.OWN_PACK, again.amounts(),
                        Optional.empty(), choice.inScope()));
            } catch (NotCoveredException refused) {
                if (choice.candidate()) {
                    outcomes.add(new Outcome(bill, Way.REFUSED, refusedAmounts(bill.settled()), Optional.of(refused.getMessage()),
                            choice.inScope()));
                } else {
                    // the pack that settled it refuses it now (the file or the adjudicator changed since): as settled
                    deltas.put(bill.id(), bill.settledDelta());
                    yearToDate = yearToDate.plus(bill.settledDelta());
                    outcomes.add(new Outcome(bill, Way.AS_SETTLED, bill.settled(), Optional.empty(), choice.inScope()));
                }
            }
        }
        return outcomes;
    }

    /**
     * A bill the pack does not cover: the person pays it all in cash (the lines' split into full and prior self-pay
     * and policy scope kept as settled, for the ratios' denominators).
     */
    static SettlementAmounts refusedAmounts(SettlementAmounts settled) {
        return new SettlementAmounts(settled.total(), settled.fullSelfPay(), settled.priorSelfPay(), settled.policyScope(),
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, settled.total());
    }
}
