package org.yibao.supervision.rules;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.supervision.rules.Bills.bill;
import static org.yibao.supervision.rules.Bills.input;
import static org.yibao.supervision.rules.Bills.line;
import static org.yibao.supervision.rules.Bills.priced;
import static org.yibao.supervision.rules.Bills.stay;
import static org.yibao.supervision.rules.Bills.supply;

/** Inputs a reviewer of the rule library found wrong, each through the shipped library as the smart audit applies it. */
class ReviewFindingsTest {

    private static final List<RuleEntry> LIBRARY = Bills.shippedLibrary().entries().stream().filter(RuleEntry::enabled).toList();
    private static final String AMLODIPINE = "XC08CAA001A001010100001";
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    private static List<RuleFinding> audit(ClaimFacts claim, ClaimFacts... before) {
        return RuleEngine.apply(LIBRARY, input(claim, before).level("H2", InstitutionLevel.LEVEL_2).build());
    }

    private static List<AuditRule> kinds(List<RuleFinding> findings) {
        return findings.stream().map(RuleFinding::kind).toList();
    }

    /** An emergency stay does not excuse the outpatient bills inside it: the bill a hit is about is judged. */
    @Test
    void anEmergencyStayStillFindsTheBillsInsideIt() {
        ClaimFacts outpatient = bill("O-1", VisitType.GENERAL_OUTPATIENT, "H2", MARCH.plusDays(4), List.of("J18.9"), line("S110200001", "10.00"));
        ClaimFacts emergencyStay = Bills.with(stay("I-1", "H2", MARCH.atTime(23, 10), MARCH.plusDays(9).atTime(10, 0), List.of("J18.9"),
                priced("S120100001", "9", "40.00")), MARCH.atTime(23, 10), MARCH.plusDays(9).atTime(10, 0), List.of(), true);

        assertThat(audit(emergencyStay, outpatient)).extracting(f -> f.kind() + " " + f.target().settlementId())
                .contains("BILLED_DURING_STAY O-1");
    }

    /** A session code alone (Z51.1 with pneumonia) exempts nothing; with the neoplasm it treats it does. */
    @Test
    void aChemotherapySessionCodeWithoutANeoplasmIsNotPlannedTreatment() {
        LocalDateTime in = LocalDateTime.of(2026, 3, 2, 9, 0);
        ClaimFacts first = stay("C-1", "H2", in, in.plusDays(5), List.of("J18.9"), priced("S120100001", "5", "40.00"));
        ClaimFacts faked = stay("C-2", "H2", in.plusDays(9), in.plusDays(12), List.of("J18.9", "Z51.1"), priced("S120100001", "3", "40.00"));
        ClaimFacts real = stay("C-3", "H2", in.plusDays(9), in.plusDays(12), List.of("Z51.1", "C34.1", "J18.9"), priced("S120100001", "3", "40.00"));

        assertThat(kinds(audit(faked, first))).contains(AuditRule.SPLIT_HOSPITALISATION);
        assertThat(kinds(audit(real, first))).doesNotContain(AuditRule.SPLIT_HOSPITALISATION);
    }

    /** Drugs given during a stay are used up in it: a 12-week discharge prescription after a stay is no hoard. */
    @Test
    void drugsGivenDuringAStayAreNotSupplyHeld() {
        ClaimFacts longStay = stay("I-1", "H2", MARCH.atTime(9, 0), MARCH.plusDays(59).atTime(9, 0), List.of("I10", "I63.9"),
                priced(AMLODIPINE, "60", "0.30"));
        ClaimFacts discharge = bill("P-1", VisitType.PHARMACY, "P1", MARCH.plusDays(59), List.of("I10"), priced(AMLODIPINE, "84", "0.30"));

        assertThat(kinds(audit(discharge, longStay))).doesNotContain(AuditRule.EXCESSIVE_SUPPLY);
        assertThat(kinds(audit(longStay))).doesNotContain(AuditRule.EXCESSIVE_SUPPLY);
    }

    /** A purchase split into two lines of 98 days holds 196: the bill's own earlier lines count (98 x 0.30 = 29.40 on the second). */
    @Test
    void aPurchaseSplitIntoLinesIsJudgedWhole() {
        ClaimFacts split = bill("P-2", VisitType.PHARMACY, "P1", MARCH, List.of("I10"), supply(AMLODIPINE, "98", "0.30", null),
                supply("XC08CAA001A001010100077", "98", "0.30", null));

        List<RuleFinding> findings = audit(split);
        assertThat(findings).filteredOn(f -> f.kind() == AuditRule.EXCESSIVE_SUPPLY).singleElement().satisfies(f -> {
            assertThat(f.lines()).containsExactly(2);
            assertThat(f.amount()).isEqualTo(Money.of("29.40"));
            assertThat(f.related()).isEmpty();
        });
    }

    /** Discharged and admitted at another hospital the same day for the same illness is a transfer (转院), not a split stay. */
    @Test
    void aSameDayTransferToAnotherHospitalIsNotASplitStay() {
        LocalDateTime in = LocalDateTime.of(2026, 3, 2, 9, 0);
        ClaimFacts county = stay("T-1", "H1", in, in.plusDays(3), List.of("I63.9"), priced("S120100001", "3", "40.00"));
        ClaimFacts city = stay("T-2", "H2", in.plusDays(3).plusHours(4), in.plusDays(12), List.of("I63.8"), priced("S120100001", "9", "40.00"));
        ClaimFacts back = stay("T-3", "H1", in.plusDays(3).plusHours(4), in.plusDays(12), List.of("I63.8"), priced("S120100001", "9", "40.00"));

        assertThat(kinds(audit(city, county))).doesNotContain(AuditRule.SPLIT_HOSPITALISATION);
        assertThat(kinds(audit(back, county))).as("readmitted at the same hospital the same day").contains(AuditRule.SPLIT_HOSPITALISATION);
    }

    /** A patient who died in hospital is discharged after the death: the stay began before it. */
    @Test
    void aStayDuringWhichThePatientDiedIsNotAClaimAfterDeath() {
        ClaimFacts lastStay = stay("D-1", "H2", MARCH.atTime(9, 0), MARCH.plusDays(4).atTime(0, 30), List.of("I21.0"),
                priced("S120100001", "4", "40.00"));
        RuleInput in = input(lastStay).death(MARCH.plusDays(3)).build();
        assertThat(RuleEngine.apply(LIBRARY, in)).extracting(RuleFinding::kind).doesNotContain(AuditRule.CLAIM_AFTER_DEATH);
        ClaimFacts afterwards = stay("D-2", "H2", MARCH.plusDays(5).atTime(9, 0), MARCH.plusDays(7).atTime(9, 0), List.of("I21.0"),
                priced("S120100001", "2", "40.00"));
        assertThat(RuleEngine.apply(LIBRARY, input(afterwards).death(MARCH.plusDays(3)).build())).extracting(RuleFinding::kind)
                .contains(AuditRule.CLAIM_AFTER_DEATH);
    }
}
