package org.yibao.settlement.simulation;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPacks;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pack replays a bill: the candidate in its region and from its effectiveFrom, else the pack that settled it. */
class PackChoiceTest {

    private static final PolicyPack HOHHOT = PolicyPacks.loadFromClasspath().all().stream()
            .filter(p -> p.id().equals("hohhot-2022-resident")).findFirst().orElseThrow();
    /** A district's own pack inside the city (赛罕区), as a bureau may have one. */
    private static final PolicyPack SAIHAN = copy(HOHHOT, "saihan-2022-resident", "150105", LocalDate.of(2022, 1, 1));
    private static final PolicyPacks LOADED = new PolicyPacks(List.of(HOHHOT, SAIHAN));

    @Test
    void aBillInTheCandidatesRegionFromItsEffectiveDateIsReplayedUnderIt() {
        PackChoice choice = new PackChoice(copy(HOHHOT, "hohhot-candidate", "150100", LocalDate.of(2026, 7, 1)), LOADED);

        Replay.Choice july = choice.of(bill("150102", HOHHOT, LocalDate.of(2026, 7, 1), Scheme.RESIDENT));
        Replay.Choice june = choice.of(bill("150102", HOHHOT, LocalDate.of(2026, 6, 30), Scheme.RESIDENT));

        assertThat(july.candidate()).isTrue();
        assertThat(july.pack()).get().extracting(PolicyPack::id).isEqualTo("hohhot-candidate");
        assertThat(june.candidate()).as("before the candidate's effectiveFrom: the pack that settled it").isFalse();
        assertThat(june.pack()).contains(HOHHOT);
        assertThat(june.inScope()).isTrue();
    }

    @Test
    void aDistrictsOwnPackStaysInForceUnderACitysCandidateAndOtherRegionsAndSchemesAreOutOfScope() {
        PackChoice choice = new PackChoice(copy(HOHHOT, "hohhot-candidate", "150100", LocalDate.of(2022, 1, 1)), LOADED);
        LocalDate day = LocalDate.of(2026, 3, 1);

        Replay.Choice district = choice.of(bill("150105", SAIHAN, day, Scheme.RESIDENT));
        Replay.Choice otherCity = choice.of(bill("441702", HOHHOT, day, Scheme.RESIDENT));
        Replay.Choice employee = choice.of(bill("150102", HOHHOT, day, Scheme.EMPLOYEE));

        assertThat(district.candidate()).isFalse();
        assertThat(district.pack()).contains(SAIHAN);
        assertThat(district.inScope()).isFalse();
        assertThat(otherCity.candidate()).isFalse();
        assertThat(otherCity.inScope()).isFalse();
        assertThat(employee.inScope()).isFalse();
    }

    @Test
    void aDistrictsCandidateReplacesTheCitysPackForItsPeopleOnly() {
        PackChoice choice = new PackChoice(copy(HOHHOT, "saihan-candidate", "150105", LocalDate.of(2022, 1, 1)), LOADED);
        LocalDate day = LocalDate.of(2026, 3, 1);

        assertThat(choice.of(bill("150105", HOHHOT, day, Scheme.RESIDENT)).candidate()).isTrue();
        assertThat(choice.of(bill("150102", HOHHOT, day, Scheme.RESIDENT)).candidate()).isFalse();
    }

    @Test
    void aBillSettledUnderAPackNoLongerLoadedHasNoPackOutsideTheCandidatesScope() {
        PackChoice choice = new PackChoice(copy(HOHHOT, "hohhot-candidate", "150100", LocalDate.of(2026, 7, 1)), LOADED);
        PolicyPack retired = copy(HOHHOT, "hohhot-2021-resident", "150100", LocalDate.of(2021, 1, 1));

        Replay.Choice before = choice.of(bill("150102", retired, LocalDate.of(2026, 3, 1), Scheme.RESIDENT));

        assertThat(before.pack()).isEmpty();
        assertThat(before.inScope()).isTrue();
    }

    private static ReplayBill bill(String region, PolicyPack settledUnder, LocalDate day, Scheme scheme) {
        Money m = Money.of("100.00");
        SettlementAmounts amounts = new SettlementAmounts(m, Money.ZERO, Money.ZERO, m, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, m);
        return new ReplayBill(UUID.randomUUID(), region + "198001011234", scheme, day.getYear(), day, VisitType.GENERAL_OUTPATIENT,
                region, settledUnder.label(), amounts, Accumulators.NONE, Optional.empty(), 1, OptionalLong.empty());
    }

    private static PolicyPack copy(PolicyPack p, String id, String region, LocalDate from) {
        return new PolicyPack(id, 1, region, p.regionName(), p.scheme(), from, p.priorSelfPayRatio(), p.visits(), p.catastrophic(),
                p.supplementary(), p.assistance(), p.zeroPay(), p.maternityLeave());
    }
}
