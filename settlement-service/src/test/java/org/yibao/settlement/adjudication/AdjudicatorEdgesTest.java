package org.yibao.settlement.adjudication;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.settlement.adjudication.Bills.line;
import static org.yibao.settlement.adjudication.Bills.pack;

/**
 * Edges the mutation run (PIT, docs/testing.md) found untested, each on hand-computed values: the fen
 * left over when class B shares are rounded goes to the line with the largest fraction; a zero-pay rule
 * for VBP products does not pay a non-VBP product; a catastrophic payment across two bands is each
 * band's ratio on its own part; a line of no quantity is refused.
 */
class AdjudicatorEdgesTest {

    private final Bills.Reconciling adjudicator = Bills.adjudicator();

    private static Claim claim(VisitType visit, InstitutionLevel level, PersonType type, List<String> certified, List<BillLine> lines) {
        return new Claim(visit, level, type, Optional.empty(), Optional.empty(), TreatmentPlace.LOCAL, List.of("I10.x00", "N18.5"),
                certified, lines, Money.ZERO);
    }

    @Test
    void theFenLeftOverByRoundingGoesToTheLineWithTheLargestFraction() {
        // Jiangjin's class B prior self-pay is 10%: 0.04 -> 0.004 and 0.15 -> 0.015; the layer is 0.019 -> 0.02,
        // the shares round down to 0.00 and 0.01, and the fen left goes to the second line (fraction 0.005 > 0.004)
        Adjudication result = adjudicator.adjudicate(claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2,
                PersonType.EMPLOYEE_ACTIVE, List.of(), List.of(line(ItemClass.B, "0.04"), line(ItemClass.B, "0.15"))),
                Accumulators.NONE, pack("jiangjin-2023-employee"));

        assertThat(result.amounts().priorSelfPay()).isEqualTo(Money.of("0.02"));
        assertThat(result.lines().get(0).priorSelfPay()).isEqualTo(Money.of("0.00"));
        assertThat(result.lines().get(1).priorSelfPay()).isEqualTo(Money.of("0.02"));
    }

    @Test
    void aZeroPayRuleForVbpProductsDoesNotPayTheSameDrugBoughtOffTheVbpList() {
        BillLine notVbp = new BillLine("XC08CAA001A001010100001", "氨氯地平片", ItemCategory.DRUG, ItemClass.A,
                new BigDecimal("28"), Money.of("0.30"), Optional.empty(), false, Set.of("LIANGBING"));

        Adjudication result = adjudicator.adjudicate(claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2,
                PersonType.EMPLOYEE_ACTIVE, List.of("I10"), List.of(notVbp)), Accumulators.NONE, pack("jiangjin-2023-employee"));

        assertThat(result.lines().get(0).paidInFullBy()).isEmpty();
        assertThat(result.amounts().basicFund()).isEqualTo(Money.ZERO); // 8.40, all under the 200 deductible
        assertThat(result.amounts().cash()).isEqualTo(Money.of("8.40"));
    }

    @Test
    void aCatastrophicPaymentAcrossTwoBandsIsEachBandsRatioOnItsPart() {
        // Zhumadian residents, level 2 inpatient: 400 deductible, 75%, the fund capped at 150,000 a year. A 300,000 bill:
        // the fund pays 150,000, the policy-scope self-pay is 150,000. Catastrophic above 15,000: 60% of the first
        // 50,000 (30,000.00) and 70% above 65,000 (70% of 85,000 = 59,500.00): 89,500.00.
        Adjudication result = adjudicator.adjudicate(claim(VisitType.INPATIENT, InstitutionLevel.LEVEL_2, PersonType.RESIDENT,
                List.of(), List.of(line(ItemClass.A, "300000.00"))), Accumulators.NONE, pack("zhumadian-2021-resident"));

        assertThat(result.amounts().basicFund()).isEqualTo(Money.of("150000.00"));
        assertThat(result.amounts().catastrophic()).isEqualTo(Money.of("89500.00"));
        assertThat(result.amounts().cash()).isEqualTo(Money.of("60500.00"));
    }

    /**
     * Issue 20: the catalog's own prior self-pay ratio (selfpay_prop) replaces the pack's class 乙 ratio,
     * and a line whose restricted-payment condition is not met is self-paid whole, like class 丙.
     * Jiangjin employees (pack: 10% for class 乙): a class 乙 line of 100.00 with the catalog's 30% has
     * 30.00 prior self-pay (not 10.00); a restricted class 甲 line of 50.00 is 50.00 full self-pay.
     */
    @Test
    void theCatalogsOwnRatioAndAnUnmetRestrictionDecideTheLinesSelfPay() {
        BillLine ownRatio = new BillLine("XB1", "乙类药 自付30%", ItemCategory.DRUG, ItemClass.B, BigDecimal.ONE,
                org.yibao.contracts.money.Price.of("100.00"), Optional.empty(), false, Set.of(),
                Optional.of(new BigDecimal("0.30")), Optional.empty());
        BillLine restricted = new BillLine("XA1", "甲类药 限住院", ItemCategory.DRUG, ItemClass.A, BigDecimal.ONE,
                org.yibao.contracts.money.Price.of("50.00"), Optional.empty(), false, Set.of(), Optional.empty(), Optional.of("限住院"));

        Adjudication result = adjudicator.adjudicate(claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2,
                PersonType.EMPLOYEE_ACTIVE, List.of(), List.of(ownRatio, restricted)), Accumulators.NONE, pack("jiangjin-2023-employee"));

        assertThat(result.lines().get(0).priorSelfPay()).isEqualTo(Money.of("30.00"));
        assertThat(result.lines().get(0).fullSelfPay()).isEqualTo(Money.ZERO);
        assertThat(result.lines().get(1).fullSelfPay()).isEqualTo(Money.of("50.00"));
        assertThat(result.amounts().fullSelfPay()).isEqualTo(Money.of("50.00"));
        assertThat(result.amounts().priorSelfPay()).isEqualTo(Money.of("30.00"));
        assertThat(result.amounts().policyScope()).isEqualTo(Money.of("70.00")); // 150 - 50 - 30

        // the catalog's ratio is for class 乙: an item that became 甲 pays no prior self-pay, whatever ratio it kept
        BillLine nowA = new BillLine("XB2", "甲类药", ItemCategory.DRUG, ItemClass.A, BigDecimal.ONE,
                org.yibao.contracts.money.Price.of("100.00"), Optional.empty(), false, Set.of(),
                Optional.of(new BigDecimal("0.30")), Optional.empty());
        assertThat(adjudicator.adjudicate(claim(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_2, PersonType.EMPLOYEE_ACTIVE,
                List.of(), List.of(nowA)), Accumulators.NONE, pack("jiangjin-2023-employee")).amounts().priorSelfPay())
                .isEqualTo(Money.ZERO);
    }

    @Test
    void aLineOfNoQuantityIsRefused() {
        assertThatThrownBy(() -> new BillLine("X", "item", ItemCategory.DRUG, ItemClass.A, BigDecimal.ZERO, Money.of("1.00"),
                Optional.empty(), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
    }
}
