package org.yibao.supervision.rules;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.supervision.rules.Bills.DAY;
import static org.yibao.supervision.rules.Bills.bill;
import static org.yibao.supervision.rules.Bills.input;
import static org.yibao.supervision.rules.Bills.line;
import static org.yibao.supervision.rules.Bills.priced;
import static org.yibao.supervision.rules.Bills.stay;
import static org.yibao.supervision.rules.Bills.supply;

/** The rule types that look across a person's claims, each at its boundaries. */
class CrossClaimTypesTest {

    private static final LocalDateTime NINE = DAY.atTime(9, 0);

    @Test
    void splitHospitalisationCountsFromDischargeToAdmission() {
        SplitHospitalisation rule = new SplitHospitalisation();
        ClaimFacts first = stay("I-1", "H1", NINE.minusDays(10), NINE.minusDays(5), List.of("I63.9"), line("S120100001", "200.00"));
        ClaimFacts within = stay("I-2", "H2", NINE.plusDays(10), NINE.plusDays(12), List.of("I63.800"), line("S120100001", "80.00"));
        ClaimFacts beyond = stay("I-3", "H2", NINE.plusDays(11), NINE.plusDays(12), List.of("I63.800"), line("S120100001", "80.00"));
        ClaimFacts unrelated = stay("I-4", "H2", NINE.plusDays(2), NINE.plusDays(4), List.of("J18.9"), line("S120100001", "80.00"));

        // discharged DAY-5, readmitted DAY+10: 15 days
        assertThat(rule.check(input(within, first).build(), new SplitHospitalisation.Params(15))).singleElement()
                .satisfies(h -> assertThat(h.evidence()).contains("15 days after"));
        assertThat(rule.check(input(beyond, first).build(), new SplitHospitalisation.Params(15))).isEmpty();
        assertThat(rule.check(input(unrelated, first).build(), new SplitHospitalisation.Params(15))).isEmpty();
        assertThat(rule.check(input(first, within).build(), new SplitHospitalisation.Params(15))).as("the earlier stay arriving late")
                .singleElement().satisfies(h -> assertThat(h.target().settlementId()).isEqualTo("I-2"));
        assertThatThrownBy(() -> new SplitHospitalisation.Params(0)).hasMessageContaining("withinDays");
    }

    @Test
    void overlappingStaysShareANightAtTwoInstitutions() {
        ClaimFacts here = stay("I-1", "H1", NINE, NINE.plusDays(5), List.of("I10"), line("S120100001", "200.00"));
        ClaimFacts overlapping = stay("I-2", "H2", NINE.plusDays(4), NINE.plusDays(8), List.of("J18.9"), line("S120100001", "160.00"));
        ClaimFacts nextDay = stay("I-3", "H2", NINE.plusDays(5).plusHours(3), NINE.plusDays(8), List.of("J18.9"), line("S120100001", "160.00"));
        ClaimFacts sameHospital = stay("I-4", "H1", NINE.plusDays(4), NINE.plusDays(8), List.of("J18.9"), line("S120100001", "160.00"));

        assertThat(new OverlappingStays().check(input(overlapping, here).build(), new OverlappingStays.Params(1)))
                .as("both stays are in doubt").extracting(h -> h.target().settlementId() + " " + h.related()).containsExactly("I-2 [I-1]", "I-1 [I-2]");
        assertThat(new OverlappingStays().check(input(nextDay, here).build(), new OverlappingStays.Params(1))).as("transferred the day of discharge").isEmpty();
        assertThat(new OverlappingStays().check(input(sameHospital, here).build(), new OverlappingStays.Params(1))).isEmpty();
        assertThat(new OverlappingStays().check(input(sameHospital, here).build(), new OverlappingStays.Params(1, true)))
                .as("two admissions at once at one hospital").hasSize(2);
        ClaimFacts firstSegment = Bills.with(bill("I-5", VisitType.INPATIENT, "H1", DAY.plusDays(3), List.of("I10"), line("S120100001", "120.00")),
                NINE, null, List.of(), false);
        assertThat(new OverlappingStays().check(input(here, firstSegment).build(), new OverlappingStays.Params(1, true)))
                .as("a mid-stay segment of the same admission").isEmpty();
        ClaimFacts v1 = bill("V-1", VisitType.INPATIENT, "H1", DAY, List.of("I10"), line("S120100001", "40.00"));
        ClaimFacts v1Other = bill("V-2", VisitType.INPATIENT, "H2", DAY, List.of("I10"), line("S120100001", "40.00"));
        assertThat(new OverlappingStays().check(input(v1Other, v1).build(), new OverlappingStays.Params(1))).as("stays without times: same day").hasSize(2);
    }

    @Test
    void billedDuringStayIsStrictlyInsideTheStay() {
        BilledDuringStay rule = new BilledDuringStay();
        BilledDuringStay.Params params = new BilledDuringStay.Params(Set.of(VisitType.GENERAL_OUTPATIENT, VisitType.PHARMACY), false);
        ClaimFacts stay = stay("I-1", "H1", NINE, NINE.plusDays(4), List.of("J18.9"), line("S120100001", "160.00"));
        ClaimFacts admissionDay = bill("O-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("J18.9"), line("S110200001", "10.00"));
        ClaimFacts inside = bill("O-2", VisitType.GENERAL_OUTPATIENT, "H1", DAY.plusDays(1), List.of("J18.9"), line("S110200001", "10.00"));
        ClaimFacts lastInside = bill("O-3", VisitType.PHARMACY, "P1", DAY.plusDays(3), List.of(), line("XB01ACA056A001010100016", "3.60"));
        ClaimFacts dischargeDay = bill("O-4", VisitType.PHARMACY, "P1", DAY.plusDays(4), List.of(), line("XB01ACA056A001010100016", "3.60"));

        assertThat(rule.check(input(stay, admissionDay, inside, lastInside, dischargeDay).build(), params))
                .extracting(h -> h.target().settlementId()).containsExactly("O-2", "O-3");
        assertThat(rule.check(input(inside, stay).build(), params)).hasSize(1);
        assertThat(rule.check(input(inside, stay).build(), new BilledDuringStay.Params(Set.of(VisitType.GENERAL_OUTPATIENT), false))).hasSize(1);
        assertThat(rule.check(input(lastInside, stay).build(), new BilledDuringStay.Params(Set.of(VisitType.PHARMACY), true)))
                .as("same institution only").isEmpty();
        assertThatThrownBy(() -> new BilledDuringStay.Params(Set.of(VisitType.INPATIENT), false)).hasMessageContaining("visitTypes");
    }

    @Test
    void sameDayBillsNeedARelatedDiagnosisAtTheSameInstitution() {
        SameDayBills.Params sameDay = new SameDayBills.Params(Set.of(VisitType.GENERAL_OUTPATIENT), 0);
        ClaimFacts first = bill("B-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("M54.5"), line("S110200001", "10.00"));
        ClaimFacts otherComplaint = bill("B-2", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("H10.9"), line("S110200001", "10.00"));
        ClaimFacts nextDay = bill("B-3", VisitType.GENERAL_OUTPATIENT, "H1", DAY.plusDays(1), List.of("M54.5"), line("S110200001", "10.00"));
        ClaimFacts sameComplaintNewItems = bill("B-4", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("M54.9"), line("S220800001", "150.00"));

        assertThat(new SameDayBills().check(input(otherComplaint, first).build(), sameDay)).isEmpty();
        assertThat(new SameDayBills().check(input(nextDay, first).build(), sameDay)).isEmpty();
        assertThat(new SameDayBills().check(input(nextDay, first).build(), new SameDayBills.Params(Set.of(VisitType.GENERAL_OUTPATIENT), 1)))
                .hasSize(1);
        assertThat(new SameDayBills().check(input(sameComplaintNewItems, first).build(), sameDay)).as("the whole bill when it repeats nothing")
                .extracting(Hit::amount).containsExactly(Money.of("150.00"));
    }

    @Test
    void cumulativeSupplyTakesDaysOfSupplyWhenGivenAndGroupsTheMolecule() {
        CumulativeSupply.Params params = new CumulativeSupply.Params(180, 45);
        // 30 days stated on a 90-tablet line: at day 20, 10 days held + 30 bought = 40, within 45
        ClaimFacts stated = bill("P-1", VisitType.PHARMACY, "P1", DAY, List.of(), supply("XC08CAA001A001010100001", "90", "0.30", 30));
        ClaimFacts next = bill("P-2", VisitType.PHARMACY, "P2", DAY.plusDays(20), List.of(), supply("XC08CAA001A001010100099", "30", "0.30", null));
        assertThat(new CumulativeSupply().check(input(next, stated).build(), params)).isEmpty();
        // the same molecule in another pack at day 5: 25 held + 30 = 55, 10 beyond 45: 10/30 of 9.00 = 3.00
        ClaimFacts early = bill("P-3", VisitType.PHARMACY, "P2", DAY.plusDays(5), List.of(), supply("XC08CAA001A001010100099", "30", "0.30", null));
        assertThat(new CumulativeSupply().check(input(early, stated).build(), params)).extracting(Hit::amount).containsExactly(Money.of("3.00"));
        ClaimFacts unknownDrug = bill("P-4", VisitType.PHARMACY, "P2", DAY.plusDays(1), List.of(), priced("XJ01CAA044A001010100014", "60", "0.20"));
        assertThat(new CumulativeSupply().check(input(unknownDrug, bill("P-0", VisitType.PHARMACY, "P2", DAY, List.of(),
                priced("XJ01CAA044A001010100014", "60", "0.20"))).build(), params)).as("no daily dose, no days given").isEmpty();
        assertThatThrownBy(() -> new CumulativeSupply.Params(10, 45)).hasMessageContaining("windowDays");
        assertThatThrownBy(() -> new CumulativeSupply.Params(180, 5)).hasMessageContaining("maxHoldDays");
    }

    @Test
    void visitFrequencyCountsVisitsAndInstitutionsInTheWindow() {
        VisitFrequency.Params params = new VisitFrequency.Params(Set.of(VisitType.GENERAL_OUTPATIENT), 7, 5, 3);
        ClaimFacts[] visits = new ClaimFacts[6];
        for (int i = 0; i < 6; i++) {
            visits[i] = bill("V-" + i, VisitType.GENERAL_OUTPATIENT, "H" + (i % 3), DAY.plusDays(i), List.of("J06.9"), line("S110200001", "10.00"));
        }
        assertThat(new VisitFrequency().check(input(visits[5], visits[0], visits[1], visits[2], visits[3], visits[4]).build(), params)).hasSize(1);
        assertThat(new VisitFrequency().check(input(visits[4], visits[0], visits[1], visits[2], visits[3]).build(), params)).as("five: not more").isEmpty();
        ClaimFacts eightDaysLater = bill("V-9", VisitType.GENERAL_OUTPATIENT, "H1", DAY.plusDays(7), List.of("J06.9"), line("S110200001", "10.00"));
        assertThat(new VisitFrequency().check(input(eightDaysLater, visits[0], visits[1], visits[2], visits[3], visits[4]).build(), params))
                .as("the first visit left the window").isEmpty();
        assertThat(new VisitFrequency().check(input(visits[5], visits[0], visits[1], visits[2], visits[3], visits[4]).build(),
                new VisitFrequency.Params(Set.of(VisitType.GENERAL_OUTPATIENT), 7, 5, 4))).as("three institutions, not four").isEmpty();
    }

    @Test
    void distantSameDayByGreatCircleDistance() {
        DistantSameDay.Params params = new DistantSameDay.Params(Set.of(VisitType.GENERAL_OUTPATIENT, VisitType.PHARMACY), 150);
        ClaimFacts zhumadian = bill("G-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("I10"), line("S110200001", "10.00"));
        ClaimFacts zhengzhou = bill("G-2", VisitType.PHARMACY, "P9", DAY, List.of(), line("XB01ACA056A001010100016", "3.60"));
        // Zhumadian (32.98, 114.02) to Zhengzhou (34.75, 113.63): about 200 km
        Bills.Input in = input(zhengzhou, zhumadian).place("H1", 32.98, 114.02).place("P9", 34.75, 113.63);
        assertThat(new DistantSameDay().check(in.build(), params)).singleElement().satisfies(h -> assertThat(h.evidence()).contains("km apart"));
        assertThat(new DistantSameDay().check(in.build(), new DistantSameDay.Params(params.visitTypes(), 250))).isEmpty();
        assertThat(new DistantSameDay().check(input(zhengzhou, zhumadian).place("P9", 34.75, 113.63).build(), params))
                .as("no coordinates for H1").isEmpty();
        assertThat(new RuleInput.GeoPoint(32.98, 114.02).kilometresTo(new RuleInput.GeoPoint(34.75, 113.63))).isBetween(195.0, 202.0);
    }
}
