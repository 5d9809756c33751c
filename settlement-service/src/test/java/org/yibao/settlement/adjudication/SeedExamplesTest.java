package org.yibao.settlement.adjudication;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.settlement.adjudication.Bills.line;
import static org.yibao.settlement.adjudication.Bills.pack;

/** The worked examples the seed documents give, as the shipped policy packs settle them. */
class SeedExamplesTest {

    private final Bills.Reconciling adjudicator = Bills.adjudicator();

    @Test
    void jiangjinActiveEmployeeOutpatientAtLevel2AfterTheDeductibleIsPaid60Percent() {
        Accumulators deductibleMet = new Accumulators(Map.of("outpatient", Money.of("200.00")), Map.of(),
                Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        Claim claim = new Claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2, PersonType.EMPLOYEE_ACTIVE,
                Optional.empty(), List.of(line(ItemClass.A, "464.90")), Money.ZERO);

        SettlementAmounts bill = adjudicator.adjudicate(claim, deductibleMet, pack("jiangjin-2023-employee")).amounts();

        assertThat(bill.deductible()).isEqualTo(Money.ZERO);
        assertThat(bill.basicFund()).isEqualTo(Money.of("278.94")); // 464.90 x 60%
        assertThat(bill.cash()).isEqualTo(Money.of("185.96"));
    }

    @Test
    void jiangjinOutpatientStopsAtTheAnnualLimit() {
        Accumulators nearLimit = new Accumulators(Map.of("outpatient", Money.of("200.00")),
                Map.of("outpatient", Money.of("2900.00")), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        Claim claim = new Claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2, PersonType.EMPLOYEE_ACTIVE,
                Optional.empty(), List.of(line(ItemClass.A, "1000.00")), Money.ZERO);

        Adjudication result = adjudicator.adjudicate(claim, nearLimit, pack("jiangjin-2023-employee"));

        assertThat(result.amounts().basicFund()).isEqualTo(Money.of("100.00"));
        assertThat(nearLimit.plus(result.delta()).fundPaid("outpatient")).isEqualTo(Money.of("3000.00"));
    }

    @Test
    void yangjiangResidentInpatientAtLevel3Pays700DeductibleThen60Percent() {
        Claim claim = new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT, Optional.empty(),
                List.of(line(ItemClass.A, "10700.00")), Money.ZERO);

        Adjudication result = adjudicator.adjudicate(claim, Accumulators.NONE, pack("yangjiang-2019-resident"));

        assertThat(result.amounts().deductible()).isEqualTo(Money.of("700.00"));
        assertThat(result.amounts().basicFund()).isEqualTo(Money.of("6000.00"));
        assertThat(result.amounts().catastrophic()).isEqualTo(Money.ZERO); // 4,700 is below the 15,000 threshold
        assertThat(result.amounts().cash()).isEqualTo(Money.of("4700.00"));
        assertThat(result.policyPack()).isEqualTo("yangjiang-2019-resident@4");
    }

    @Test
    void yangjiangExtremePovertyCatastrophicStartsAt3000With80PercentAndNoCap() {
        Claim claim = new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT,
                Optional.of(AssistanceCategory.EXTREME_POVERTY), List.of(line(ItemClass.A, "10700.00")), Money.ZERO);
        Accumulators pastTheCap = new Accumulators(Map.of(), Map.of(), Money.of("200000.00"), Money.of("150000.00"),
                Money.ZERO, Money.ZERO, Money.ZERO);

        SettlementAmounts first = adjudicator.adjudicate(claim, Accumulators.NONE, pack("yangjiang-2019-resident")).amounts();
        SettlementAmounts later = adjudicator.adjudicate(claim, pastTheCap, pack("yangjiang-2019-resident")).amounts();

        assertThat(first.catastrophic()).isEqualTo(Money.of("1360.00")); // (4,700 - 3,000) x 80%
        assertThat(later.catastrophic()).isEqualTo(Money.of("3760.00")); // 4,700 x 80%, beyond the 100,000 cap
    }

    @Test
    void yangjiangCatastrophicBandsAreCumulativeOverTheYear() {
        Claim claim = new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.RESIDENT, Optional.empty(),
                List.of(line(ItemClass.A, "50700.00")), Money.ZERO);
        // 14,000 of self-pay already this year; this bill adds 700 + 50,000 x 40% = 20,700
        Accumulators earlier = new Accumulators(Map.of(), Map.of(), Money.of("14000.00"), Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO);

        SettlementAmounts bill = adjudicator.adjudicate(claim, earlier, pack("yangjiang-2019-resident")).amounts();

        // cumulative goes from 14,000 to 34,700: (34,700 - 15,000) x 60%
        assertThat(bill.catastrophic()).isEqualTo(Money.of("11820.00"));
    }

    @Test
    void yangjiangEmployeeHighAmountSupplementaryAbove12000At90PercentDeductibleNotCounted() {
        Claim claim = new Claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, PersonType.EMPLOYEE_ACTIVE,
                Optional.empty(), List.of(line(ItemClass.A, "100700.00")), Money.ZERO);

        SettlementAmounts bill = adjudicator.adjudicate(claim, Accumulators.NONE, pack("yangjiang-2019-employee")).amounts();

        assertThat(bill.basicFund()).isEqualTo(Money.of("76000.00")); // 100,000 x 76%
        // self-pay 24,700, less the 700 deductible = 24,000; above 12,000 at 90% = 10,800
        assertThat(bill.supplementary()).isEqualTo(Money.of("10800.00"));
        assertThat(bill.cash()).isEqualTo(Money.of("13900.00"));
    }

    @Test
    void classBPriorSelfPayAndCeilingsAndClassCAreOutsidePolicyScope() {
        Claim claim = new Claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_1, PersonType.RESIDENT,
                Optional.empty(), List.of(
                        line(ItemClass.A, "2", "30.00", "25.00"),  // 60.00, 10.00 above the ceiling
                        line(ItemClass.B, "1", "100.00", null),    // 10% prior self-pay = 10.00
                        line(ItemClass.C, "1", "40.00", null)),    // all self-paid
                Money.ZERO);

        Adjudication result = adjudicator.adjudicate(claim, Accumulators.NONE, pack("hohhot-2022-resident"));

        assertThat(result.amounts().total()).isEqualTo(Money.of("200.00"));
        assertThat(result.amounts().fullSelfPay()).isEqualTo(Money.of("50.00"));
        assertThat(result.amounts().priorSelfPay()).isEqualTo(Money.of("10.00"));
        assertThat(result.amounts().policyScope()).isEqualTo(Money.of("140.00"));
        assertThat(result.amounts().deductible()).isEqualTo(Money.of("140.00")); // the 200 yearly deductible is not yet met
        assertThat(result.lines()).extracting(AdjudicatedLine::selfPay)
                .containsExactly(Money.of("10.00"), Money.of("10.00"), Money.of("40.00"));
    }

    @Test
    void hohhotExtremePovertyGetsAssistanceOnWhatInsuranceLeaves() {
        Claim claim = new Claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_1, PersonType.RESIDENT,
                Optional.of(AssistanceCategory.EXTREME_POVERTY),
                List.of(line(ItemClass.A, "1200.00"), line(ItemClass.C, "50.00")), Money.ZERO);

        SettlementAmounts bill = adjudicator.adjudicate(claim, Accumulators.NONE, pack("hohhot-2022-resident")).amounts();

        assertThat(bill.basicFund()).isEqualTo(Money.of("650.00")); // (1,200 - 200) x 65%
        assertThat(bill.assistance()).isEqualTo(Money.of("550.00")); // 特困: 100% of the policy-scope rest
        assertThat(bill.cash()).isEqualTo(Money.of("50.00"));       // the class C item
    }
}
