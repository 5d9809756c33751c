package org.yibao.settlement.adjudication;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.settlement.adjudication.Bills.line;
import static org.yibao.settlement.adjudication.Bills.pack;

/**
 * The rules beyond level and ratio, as the shipped packs state them: deductibles and limits by person
 * type and tier (Jiangjin), treatment outside the region (Yangjiang: 900 outside the city), chronic
 * outpatient care that needs a certification (Hohhot), and 两病 class 甲 VBP drugs paid in full.
 */
class PolicyRulesTest {

    private final Bills.Reconciling adjudicator = Bills.adjudicator();

    private static Claim outpatient(PersonType type, Optional<EmploymentTier> tier, List<String> certified, List<BillLine> lines) {
        return new Claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2, type, tier, Optional.empty(),
                TreatmentPlace.LOCAL, List.of("I10.x00"), certified, lines, Money.ZERO);
    }

    @Test
    void jiangjinRetiredEmployeePays100DeductibleThen70Percent() {
        Claim claim = outpatient(PersonType.EMPLOYEE_RETIRED, Optional.of(EmploymentTier.EMPLOYER), List.of(),
                List.of(line(ItemClass.A, "600.00")));

        SettlementAmounts bill = adjudicator.adjudicate(claim, Accumulators.NONE, pack("jiangjin-2023-employee")).amounts();

        assertThat(bill.deductible()).isEqualTo(Money.of("100.00"));
        assertThat(bill.basicFund()).isEqualTo(Money.of("350.00")); // (600 - 100) x 70%
        assertThat(bill.cash()).isEqualTo(Money.of("250.00"));
    }

    @Test
    void jiangjinIndividualTier1ActiveEmployeeStopsAt800AndTier2At3000() {
        Accumulators ytd = new Accumulators(Map.of("outpatient", Money.of("200.00")),
                Map.of("outpatient", Money.of("700.00")), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        List<BillLine> lines = List.of(line(ItemClass.A, "1000.00"));

        Money tier1 = adjudicator.adjudicate(outpatient(PersonType.EMPLOYEE_ACTIVE,
                Optional.of(EmploymentTier.INDIVIDUAL_TIER_1), List.of(), lines), ytd, pack("jiangjin-2023-employee"))
                .amounts().basicFund();
        Money tier2 = adjudicator.adjudicate(outpatient(PersonType.EMPLOYEE_ACTIVE,
                Optional.of(EmploymentTier.INDIVIDUAL_TIER_2), List.of(), lines), ytd, pack("jiangjin-2023-employee"))
                .amounts().basicFund();
        Money retiredTier1 = adjudicator.adjudicate(outpatient(PersonType.EMPLOYEE_RETIRED,
                Optional.of(EmploymentTier.INDIVIDUAL_TIER_1), List.of(), lines), ytd, pack("jiangjin-2023-employee"))
                .amounts().basicFund();

        assertThat(tier1).isEqualTo(Money.of("100.00"));        // 800 - 700 left
        assertThat(tier2).isEqualTo(Money.of("600.00"));        // 1000 x 60%, well within 3,000
        assertThat(retiredTier1).isEqualTo(Money.of("500.00")); // 1,200 - 700 left, below 1000 x 70%
    }

    @Test
    void liangbingPatientPaysNothingForClassAVbpDrugsOnTheCatalog() {
        BillLine amlodipine = new BillLine("XC08CAA001A001010100001", "氨氯地平片", ItemCategory.DRUG, ItemClass.A,
                new BigDecimal("28"), Money.of("0.30"), Optional.empty(), true, Set.of("LIANGBING"));
        BillLine consultation = line(ItemClass.A, "300.00");
        Claim certified = outpatient(PersonType.EMPLOYEE_ACTIVE, Optional.empty(), List.of("I10"),
                List.of(amlodipine, consultation));
        Claim notCertified = outpatient(PersonType.EMPLOYEE_ACTIVE, Optional.empty(), List.of(),
                List.of(amlodipine, consultation));

        Adjudication paid = adjudicator.adjudicate(certified, Accumulators.NONE, pack("jiangjin-2023-employee"));
        Adjudication ordinary = adjudicator.adjudicate(notCertified, Accumulators.NONE, pack("jiangjin-2023-employee"));

        // the drug (8.40) is paid in full; the consultation pays the 200 deductible, then 60% of 100
        assertThat(paid.amounts().deductible()).isEqualTo(Money.of("200.00"));
        assertThat(paid.amounts().basicFund()).isEqualTo(Money.of("68.40"));
        assertThat(paid.amounts().cash()).isEqualTo(Money.of("240.00"));
        assertThat(paid.lines().get(0).paidInFullBy()).contains("两病甲类集采药品");
        assertThat(paid.lines().get(1).paidInFullBy()).isEmpty();
        assertThat(paid.delta().fundPaid("liangbing")).isEqualTo(Money.of("8.40"));
        assertThat(paid.delta().fundPaid("outpatient")).isEqualTo(Money.of("60.00"));
        // without a 两病 certification the drug counts towards the deductible like any other line
        assertThat(ordinary.amounts().basicFund()).isEqualTo(Money.of("65.04")); // (308.40 - 200) x 60%
        assertThat(ordinary.lines()).allSatisfy(l -> assertThat(l.paidInFullBy()).isEmpty());
    }

    @Test
    void liangbingRuleNeedsTheCatalogAndClassA() {
        BillLine offCatalog = new BillLine("D1", "某降压药", ItemCategory.DRUG, ItemClass.A, BigDecimal.ONE,
                Money.of("50.00"), Optional.empty(), true, Set.of());
        BillLine classB = new BillLine("D2", "某降糖药", ItemCategory.DRUG, ItemClass.B, BigDecimal.ONE,
                Money.of("50.00"), Optional.empty(), true, Set.of("LIANGBING"));

        Adjudication result = adjudicator.adjudicate(outpatient(PersonType.EMPLOYEE_ACTIVE, Optional.empty(),
                List.of("E11"), List.of(offCatalog, classB)), Accumulators.NONE, pack("jiangjin-2023-employee"));

        assertThat(result.lines()).allSatisfy(l -> assertThat(l.paidInFullBy()).isEmpty());
        assertThat(result.amounts().basicFund()).isEqualTo(Money.ZERO); // all under the 200 deductible
    }

    @Test
    void yangjiangResidentTreatedOutsideTheCityPays900DeductibleAndLoses10PointsWithoutAFiling() {
        List<BillLine> lines = List.of(line(ItemClass.A, "10900.00"));
        Claim filed = new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT, Optional.empty(),
                Optional.empty(), TreatmentPlace.REMOTE_FILED, List.of(), List.of(), lines, Money.ZERO);
        Claim unfiled = new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT, Optional.empty(),
                Optional.empty(), TreatmentPlace.REMOTE_UNFILED, List.of(), List.of(), lines, Money.ZERO);

        SettlementAmounts withFiling = adjudicator.adjudicate(filed, Accumulators.NONE, pack("yangjiang-2019-resident")).amounts();
        SettlementAmounts withoutFiling = adjudicator.adjudicate(unfiled, Accumulators.NONE, pack("yangjiang-2019-resident")).amounts();

        assertThat(withFiling.deductible()).isEqualTo(Money.of("900.00"));
        assertThat(withFiling.basicFund()).isEqualTo(Money.of("6000.00"));    // 10,000 x 60%
        assertThat(withoutFiling.deductible()).isEqualTo(Money.of("900.00"));
        assertThat(withoutFiling.basicFund()).isEqualTo(Money.of("5000.00")); // 10,000 x 50%
    }

    @Test
    void hohhotChronicOutpatientNeedsACertificationForOneOfTheDiagnoses() {
        List<BillLine> lines = List.of(line(ItemClass.A, "100.00"));
        Claim uncertified = new Claim(VisitType.CHRONIC_OUTPATIENT, InstitutionLevel.LEVEL_2, PersonType.RESIDENT,
                Optional.empty(), Optional.empty(), TreatmentPlace.LOCAL, List.of("I10.x00"), List.of("E11"), lines, Money.ZERO);
        Claim certified = new Claim(VisitType.CHRONIC_OUTPATIENT, InstitutionLevel.LEVEL_2, PersonType.RESIDENT,
                Optional.empty(), Optional.empty(), TreatmentPlace.LOCAL, List.of("I10.x00"), List.of("I10"), lines, Money.ZERO);

        assertThatThrownBy(() -> adjudicator.adjudicate(uncertified, Accumulators.NONE, pack("hohhot-2022-resident")))
                .isInstanceOf(NotCoveredException.class).hasMessageContaining("certification");
        assertThat(adjudicator.adjudicate(certified, Accumulators.NONE, pack("hohhot-2022-resident")).amounts().basicFund())
                .isEqualTo(Money.of("60.00"));
    }

    /** A visit type a pack has no out-of-area rule for (Hohhot's pharmacy purchases) needs a manual claim elsewhere. */
    @Test
    void hohhotPharmacyPurchasesOutsideTheRegionAreNotSettledDirectly() {
        Claim away = new Claim(VisitType.PHARMACY, InstitutionLevel.UNGRADED, PersonType.RESIDENT,
                Optional.empty(), Optional.empty(), TreatmentPlace.REMOTE_FILED, List.of("I10"), List.of("I10"),
                List.of(line(ItemClass.A, "100.00")), Money.ZERO);

        assertThatThrownBy(() -> adjudicator.adjudicate(away, Accumulators.NONE, pack("hohhot-2022-resident")))
                .isInstanceOf(NotCoveredException.class).hasMessageContaining("outside its region");
    }
}
