package org.yibao.settlement.simulation;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.Adjudication;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.adjudication.BillLine;
import org.yibao.settlement.adjudication.Claim;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPacks;
import org.yibao.settlement.policy.VisitRules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay's order and its special cases, by hand, under Hohhot 2022's residents' general outpatient pooling
 * (seeds/002: above 500 a year at level 2, 60%): a reversal gives its deductible back only from where it happened, a bill
 * settled before claims were kept counts as settled, a visit the candidate does not cover is paid by the person.
 */
class ReplayTest {

    private static final PolicyPack HOHHOT = PolicyPacks.loadFromClasspath().all().stream()
            .filter(p -> p.id().equals("hohhot-2022-resident")).findFirst().orElseThrow();
    private static final Adjudicator ADJUDICATOR = new Adjudicator();
    private static final Replay REPLAY = new Replay(ADJUDICATOR);
    private static final String PERSON = "150105198001013018";

    @Test
    void aBillReversedBeforeTheNextWasSettledGivesItsDeductibleBackToIt() {
        ReplayBill first = settled(1, outpatient("400.00"), Accumulators.NONE, OptionalLong.empty());   // 400 of the 500 deductible
        Accumulators afterFirst = ADJUDICATOR.adjudicate(first.claim().orElseThrow(), Accumulators.NONE, HOHHOT).delta();
        ReplayBill reversed = settled(2, outpatient("300.00"), afterFirst, OptionalLong.of(3));       // 100 more, then reversed
        ReplayBill third = settled(4, outpatient("600.00"), afterFirst, OptionalLong.empty());

        List<Replay.Outcome> outcomes = REPLAY.person(List.of(third, reversed, first), b -> new Replay.Choice(Optional.of(HOHHOT), true, true));

        assertThat(outcomes).extracting(o -> o.bill().settleSeq()).containsExactly(1L, 2L, 4L);
        // the third bill: 100 of deductible left, (600 - 100) x 60% = 300.00
        assertThat(outcomes.get(2).replayed().deductible()).isEqualTo(Money.of("100.00"));
        assertThat(outcomes.get(2).replayed().basicFund()).isEqualTo(Money.of("300.00"));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.replayed()).isEqualTo(o.bill().settled()));
    }

    @Test
    void aBillReversedOnlyAfterTheNextWasSettledStillCountedForIt() {
        ReplayBill first = settled(1, outpatient("400.00"), Accumulators.NONE, OptionalLong.empty());
        Accumulators afterFirst = ADJUDICATOR.adjudicate(first.claim().orElseThrow(), Accumulators.NONE, HOHHOT).delta();
        ReplayBill reversedLater = settled(2, outpatient("300.00"), afterFirst, OptionalLong.of(4));
        Accumulators afterSecond = afterFirst.plus(ADJUDICATOR.adjudicate(reversedLater.claim().orElseThrow(), afterFirst, HOHHOT).delta());
        ReplayBill third = settled(3, outpatient("600.00"), afterSecond, OptionalLong.empty());

        List<Replay.Outcome> outcomes = REPLAY.person(List.of(first, reversedLater, third), b -> new Replay.Choice(Optional.of(HOHHOT), true, true));

        // the deductible was used up when the third was settled: 600 x 60% = 360.00
        assertThat(outcomes.get(2).replayed().deductible()).isEqualTo(Money.ZERO);
        assertThat(outcomes.get(2).replayed().basicFund()).isEqualTo(Money.of("360.00"));
    }

    @Test
    void aBillWithoutItsClaimCountsAsSettledAndAVisitTheCandidateDoesNotCoverIsPaidByThePerson() {
        Claim old = outpatient("500.00");
        Adjudication oldBill = ADJUDICATOR.adjudicate(old, Accumulators.NONE, HOHHOT);
        ReplayBill withoutClaim = new ReplayBill(UUID.randomUUID(), PERSON, Scheme.RESIDENT, 2026, LocalDate.of(2026, 3, 1),
                VisitType.GENERAL_OUTPATIENT, "150105", HOHHOT.label(), oldBill.amounts(), oldBill.delta(), Optional.empty(), 1,
                OptionalLong.empty());
        ReplayBill later = settled(2, outpatient("600.00"), oldBill.delta(), OptionalLong.empty());
        Map<VisitType, VisitRules> visits = new EnumMap<>(HOHHOT.visits());
        visits.remove(VisitType.GENERAL_OUTPATIENT);
        PolicyPack withoutOutpatient = new PolicyPack("no-outpatient", 1, "150105", "赛罕区", Scheme.RESIDENT,
                LocalDate.of(2026, 1, 1), HOHHOT.priorSelfPayRatio(), visits, HOHHOT.catastrophic(), HOHHOT.supplementary(),
                HOHHOT.assistance(), HOHHOT.zeroPay());

        List<Replay.Outcome> asBefore = REPLAY.person(List.of(withoutClaim, later), b -> new Replay.Choice(Optional.of(HOHHOT), true, true));
        List<Replay.Outcome> refused = REPLAY.person(List.of(withoutClaim, later),
                b -> new Replay.Choice(Optional.of(withoutOutpatient), true, true));

        assertThat(asBefore.get(0).way()).isEqualTo(Replay.Way.AS_SETTLED);
        assertThat(asBefore.get(1).replayed().basicFund()).as("the deductible used by the old bill").isEqualTo(Money.of("360.00"));
        assertThat(refused.get(1).way()).isEqualTo(Replay.Way.REFUSED);
        assertThat(refused.get(1).refusal()).get().asString().contains("GENERAL_OUTPATIENT");
        SettlementAmounts byThePerson = refused.get(1).replayed();
        assertThat(byThePerson.cash()).isEqualTo(Money.of("600.00"));
        assertThat(byThePerson.fundsPaid()).isEqualTo(Money.ZERO);
    }

    @Test
    void billsSettledAndReversedBeforeNumberingCountAsSettledBeforeEveryNumberedOne() {
        Claim old = outpatient("300.00");
        Adjudication oldBill = ADJUDICATOR.adjudicate(old, Accumulators.NONE, HOHHOT);
        ReplayBill settledBefore = new ReplayBill(UUID.randomUUID(), PERSON, Scheme.RESIDENT, 2026, LocalDate.of(2026, 3, 9),
                VisitType.GENERAL_OUTPATIENT, "150105", HOHHOT.label(), oldBill.amounts(), oldBill.delta(), Optional.empty(),
                PolicySimulationStore.SETTLED_BEFORE_NUMBERING, OptionalLong.empty());
        ReplayBill reversedBefore = new ReplayBill(UUID.randomUUID(), PERSON, Scheme.RESIDENT, 2026, LocalDate.of(2026, 3, 9),
                VisitType.GENERAL_OUTPATIENT, "150105", HOHHOT.label(), oldBill.amounts(), oldBill.delta(), Optional.empty(),
                PolicySimulationStore.SETTLED_BEFORE_NUMBERING, OptionalLong.of(PolicySimulationStore.REVERSED_BEFORE_NUMBERING));
        ReplayBill numbered = settled(1, outpatient("600.00"), oldBill.delta(), OptionalLong.empty());

        List<Replay.Outcome> outcomes = REPLAY.person(List.of(numbered, reversedBefore, settledBefore),
                b -> new Replay.Choice(Optional.of(HOHHOT), true, true));

        // the 300.00 before numbering used 300 of the 500 deductible; the reversed one nothing: (600 - 200) x 60%
        Replay.Outcome last = outcomes.stream().filter(o -> o.bill() == numbered).findFirst().orElseThrow();
        assertThat(last.replayed().basicFund()).isEqualTo(Money.of("240.00"));
        assertThat(last.replayed()).isEqualTo(numbered.settled());
        assertThat(outcomes).filteredOn(o -> o.bill() != numbered).extracting(Replay.Outcome::way).containsOnly(Replay.Way.AS_SETTLED);
    }

    @Test
    void theTallyLeavesBillsOutsideTheCandidatesRegionOutOfItsFigures() {
        SimulationTally tally = new SimulationTally(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        ReplayBill here = bill(PERSON, LocalDate.of(2026, 3, 10), "1000.00", OptionalLong.empty());
        ReplayBill elsewhere = bill(PERSON, LocalDate.of(2026, 4, 10), "3000.00", OptionalLong.empty());
        Replay.Outcome outside = new Replay.Outcome(elsewhere, Replay.Way.OWN_PACK, elsewhere.settled(), Optional.empty(), false);

        tally.person(PERSON, List.of(outcome(here, 100), outside));
        SimulationResult result = tally.result();

        assertThat(result.billsInPeriod()).isEqualTo(1);
        assertThat(result.billsUnderCandidate()).isEqualTo(1);
        assertThat(result.billsOutsideRegion()).isEqualTo(1);
        assertThat(result.groups().get(0).settled().total()).isEqualTo(Money.of("1000.00"));
    }

    @Test
    void theTallyCountsThePeriodsBillsNotReversedAndKeepsTheTwentyPersonsWhoseCashChangesMost() {
        SimulationTally tally = new SimulationTally(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        for (int i = 1; i <= 25; i++) {
            String person = "1501051980010" + String.format("%05d", i);
            ReplayBill inMarch = bill(person, LocalDate.of(2026, 3, 10), "1000.00", OptionalLong.empty());
            ReplayBill inApril = bill(person, LocalDate.of(2026, 4, 10), "1000.00", OptionalLong.empty());
            ReplayBill reversed = bill(person, LocalDate.of(2026, 3, 11), "1000.00", OptionalLong.of(99));
            // the replay pays i yuan more in March, 50 yuan more in April
            tally.person(person, List.of(outcome(inMarch, i * 100L), outcome(inApril, 5_000), outcome(reversed, 7_000)));
        }

        SimulationResult result = tally.result();

        assertThat(result.bills()).isEqualTo(75);
        assertThat(result.billsInPeriod()).isEqualTo(25);
        SimulationResult.Group all = result.groups().get(0);
        assertThat(all.dimension()).isEqualTo("ALL");
        assertThat(all.difference().basicFund()).isEqualTo(Money.of("325.00"));      // 1 + 2 + ... + 25
        assertThat(all.difference().cash()).isEqualTo(Money.of("-325.00"));
        assertThat(all.settledRatios().basicPolicyScope()).isEqualByComparingTo("50.00");
        assertThat(all.replayedRatios().basicPolicyScope()).isEqualByComparingTo("51.30");   // (12,500 + 325) / 25,000
        assertThat(result.cashFallsMost()).hasSize(SimulationTally.TOP_PERSONS);
        assertThat(result.cashFallsMost().get(0).difference()).isEqualTo(Money.of("-25.00"));
        assertThat(result.cashFallsMost().get(19).difference()).isEqualTo(Money.of("-6.00"));
        assertThat(result.cashFallsMost().get(0).person()).isEqualTo(IdMasking.mask("150105198001000025"));
        assertThat(result.cashRisesMost()).isEmpty();
    }

    private static ReplayBill bill(String person, LocalDate day, String total, OptionalLong reversal) {
        Money t = Money.of(total);
        Money half = Money.of(new BigDecimal(total).divide(BigDecimal.valueOf(2)));
        SettlementAmounts settled = new SettlementAmounts(t, Money.ZERO, Money.ZERO, t, Money.ZERO, half, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, half);
        return new ReplayBill(UUID.randomUUID(), person, Scheme.RESIDENT, 2026, day, VisitType.INPATIENT, "150105", HOHHOT.label(),
                settled, Accumulators.NONE, Optional.of(outpatient(total)), 1, reversal);
    }

    /** The bill replayed with {@code fen} more from the basic fund and as much less in cash. */
    private static Replay.Outcome outcome(ReplayBill bill, long fen) {
        SettlementAmounts s = bill.settled();
        SettlementAmounts replayed = new SettlementAmounts(s.total(), s.fullSelfPay(), s.priorSelfPay(), s.policyScope(),
                s.deductible(), s.basicFund().plus(Money.ofFen(fen)), s.catastrophic(), s.supplementary(), s.assistance(),
                s.personalAccount(), s.cash().minus(Money.ofFen(fen)));
        return new Replay.Outcome(bill, Replay.Way.CANDIDATE, replayed, Optional.empty(), true);
    }

    private static ReplayBill settled(long seq, Claim claim, Accumulators before, OptionalLong reversal) {
        Adjudication a = ADJUDICATOR.adjudicate(claim, before, HOHHOT);
        return new ReplayBill(UUID.randomUUID(), PERSON, Scheme.RESIDENT, 2026, LocalDate.of(2026, 3, (int) seq),
                VisitType.GENERAL_OUTPATIENT, "150105", HOHHOT.label(), a.amounts(), a.delta(), Optional.of(claim), seq, reversal);
    }

    private static Claim outpatient(String amount) {
        List<BillLine> lines = new ArrayList<>();
        lines.add(new BillLine("S311201001", "血液透析", ItemCategory.SERVICE, ItemClass.A, BigDecimal.ONE, Money.of(amount),
                Optional.empty(), false));
        return new Claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2, PersonType.RESIDENT, Optional.empty(), lines,
                Money.ZERO);
    }
}
