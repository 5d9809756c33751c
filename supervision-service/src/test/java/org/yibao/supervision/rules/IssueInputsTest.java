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

/**
 * Issue 21's failing inputs, through the shipped rule library and the sample knowledge base, as the
 * smart audit applies them (stage AFTER): each claim audited with the person's claims settled before
 * it, in the order a hospital would settle them. The values are worked by hand in each comment.
 */
class IssueInputsTest {

    private static final List<RuleEntry> LIBRARY = Bills.shippedLibrary().entries().stream().filter(RuleEntry::enabled).toList();
    private static final String CONSULTATION = "S110200001"; // 普通门诊诊查费, 10.00
    private static final String CT = "S220800001";           // CT 平扫, 150.00
    private static final String AMLODIPINE = "XC08CAA001A001010100001"; // 苯磺酸氨氯地平片 5mg, 0.30 a tablet
    private static final String STENT = "C0101010000000000000021";      // 冠脉药物洗脱支架
    private static final String PCI = "S330000001";                     // 冠状动脉介入治疗

    private static List<RuleFinding> audit(ClaimFacts claim, ClaimFacts... before) {
        return RuleEngine.apply(LIBRARY, input(claim, before).level("H2", InstitutionLevel.LEVEL_2).build());
    }

    /**
     * Input 1, 分解收费 across bills: one visit for M54.5 split into three same-day general outpatient bills at a
     * level-2 hospital, a consultation on each, the same CT on two. Bill 2 repeats the consultation and the CT
     * (10.00 + 150.00 = 160.00), bill 3 the consultation (10.00); bill 1 is the visit itself.
     */
    @Test
    void input1SameDayBillsAtOneHospitalAreSplitBilling() {
        ClaimFacts first = bill("B-1", VisitType.GENERAL_OUTPATIENT, "H2", Bills.DAY, List.of("M54.5"), line(CONSULTATION, "10.00"), line(CT, "150.00"));
        ClaimFacts second = bill("B-2", VisitType.GENERAL_OUTPATIENT, "H2", Bills.DAY, List.of("M54.5"), line(CONSULTATION, "10.00"), line(CT, "150.00"));
        ClaimFacts third = bill("B-3", VisitType.GENERAL_OUTPATIENT, "H2", Bills.DAY, List.of("M54.5"), line(CONSULTATION, "10.00"),
                priced("XN02BEA006A001010100015", "10", "0.08"));

        assertThat(audit(first)).isEmpty();
        assertThat(audit(second, first)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditRule.SPLIT_BILLING);
            assertThat(f.ruleId()).isEqualTo("SB-02");
            assertThat(f.target().settlementId()).isEqualTo("B-2");
            assertThat(f.lines()).containsExactly(1, 2);
            assertThat(f.amount()).isEqualTo(Money.of("160.00"));
            assertThat(f.related()).containsExactly("B-1");
        });
        assertThat(audit(third, first, second)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AuditRule.SPLIT_BILLING);
            assertThat(f.lines()).containsExactly(1);
            assertThat(f.amount()).isEqualTo(Money.of("10.00"));
        });
    }

    /**
     * Input 2, 住院期间门诊结算: a 9-day stay for J18.9 (admitted 1 March, discharged 10 March, settled at
     * discharge) and, inside it, an outpatient bill at the same hospital on 5 March (30.00) and a pharmacy
     * bill on 6 March (27.00): both are billed during the stay, found when the stay is settled; a bill
     * settled after the stay is found against it.
     */
    @Test
    void input2BillsInsideAStayAreBilledDuringIt() {
        LocalDate march = LocalDate.of(2026, 3, 1);
        ClaimFacts outpatient = bill("O-1", VisitType.GENERAL_OUTPATIENT, "H2", march.plusDays(4), List.of("J18.9"),
                line(CONSULTATION, "10.00"), line("S250101001", "20.00"));
        ClaimFacts pharmacy = bill("P-1", VisitType.PHARMACY, "P1", march.plusDays(5), List.of(), priced(AMLODIPINE, "90", "0.30"));
        ClaimFacts stay = stay("I-1", "H2", march.atTime(9, 0), march.plusDays(9).atTime(10, 0), List.of("J18.9"),
                priced("S120100001", "9", "40.00"));

        assertThat(audit(outpatient)).isEmpty();
        List<RuleFinding> atDischarge = audit(stay, outpatient, pharmacy);
        assertThat(atDischarge).filteredOn(f -> f.kind() == AuditRule.BILLED_DURING_STAY)
                .extracting(f -> f.target().settlementId() + " " + f.amount() + " " + f.related())
                .containsExactly("O-1 30.00 [I-1]", "P-1 27.00 [I-1]");
        ClaimFacts late = bill("O-2", VisitType.CHRONIC_OUTPATIENT, "H9", march.plusDays(8), List.of("I10"), line(CONSULTATION, "10.00"));
        assertThat(audit(late, stay)).filteredOn(f -> f.kind() == AuditRule.BILLED_DURING_STAY).singleElement()
                .satisfies(f -> assertThat(f.target().settlementId()).isEqualTo("O-2"));
        ClaimFacts dayOfDischarge = bill("P-2", VisitType.PHARMACY, "P1", march.plusDays(9), List.of(), priced(AMLODIPINE, "30", "0.30"));
        assertThat(audit(dayOfDischarge, stay)).filteredOn(f -> f.kind() == AuditRule.BILLED_DURING_STAY).isEmpty();
    }

    /**
     * Input 3, 超量开药 over time: four pharmacy purchases 7 days apart, amlodipine 5 mg x 90 (90 days at the
     * knowledge base's 1 tablet a day, 27.00 each). After the 2nd, 83 + 90 = 173 days are held: 75 beyond the 98
     * one may hold, 75/90 of 27.00 = 22.50; after the 3rd, 166 + 90 = 256 (all of it, 27.00); after the 4th, 339 (27.00).
     */
    @Test
    void input3RepeatedPurchasesBeyondTheSupplyAreExcessive() {
        ClaimFacts[] purchases = new ClaimFacts[4];
        for (int i = 0; i < 4; i++) {
            purchases[i] = bill("P-" + (i + 1), VisitType.PHARMACY, "P1", Bills.DAY.plusDays(7L * i), List.of(), priced(AMLODIPINE, "90", "0.30"));
        }
        assertThat(audit(purchases[0])).isEmpty();
        assertThat(excessive(audit(purchases[1], purchases[0]))).isEqualTo(Money.of("22.50"));
        assertThat(excessive(audit(purchases[2], purchases[0], purchases[1]))).isEqualTo(Money.of("27.00"));
        assertThat(excessive(audit(purchases[3], purchases[0], purchases[1], purchases[2]))).isEqualTo(Money.of("27.00"));
    }

    /** A long prescription of 84 days renewed every 84 days holds nothing over; renewed two weeks early it holds 98: not excessive. */
    @Test
    void aLongPrescriptionRenewedWhenItRunsOutIsNotExcessive() {
        ClaimFacts first = bill("L-1", VisitType.PHARMACY, "P1", Bills.DAY, List.of("I10"), priced(AMLODIPINE, "84", "0.30"));
        ClaimFacts second = bill("L-2", VisitType.PHARMACY, "P1", Bills.DAY.plusDays(84), List.of("I10"), priced(AMLODIPINE, "84", "0.30"));
        ClaimFacts early = bill("L-3", VisitType.PHARMACY, "P1", Bills.DAY.plusDays(84 + 70), List.of("I10"), priced(AMLODIPINE, "84", "0.30"));

        assertThat(audit(second, first)).isEmpty();
        assertThat(audit(early, first, second)).as("14 + 84 = 98 days held after the third: not more than 98").isEmpty();
    }

    /**
     * Input 4, 串换/不合理耗材: a drug-eluting stent (800.00) on a pneumonia stay with no coronary diagnosis and
     * neither a coronary intervention line nor its procedure: the stent's line is in violation. With the
     * intervention billed, or its procedure (ICD-9-CM-3 36.06) recorded, it is not.
     */
    @Test
    void input4AStentWithoutItsInterventionIsFound() {
        LocalDateTime admitted = LocalDateTime.of(2026, 3, 1, 9, 0);
        ClaimFacts pneumonia = stay("I-1", "H2", admitted, admitted.plusDays(6), List.of("J18.9"),
                priced("S120100001", "6", "40.00"), line(STENT, "800.00"));
        assertThat(audit(pneumonia)).filteredOn(f -> f.kind() == AuditRule.ITEM_WITHOUT_PROCEDURE).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CP-01");
            assertThat(f.lines()).containsExactly(2);
            assertThat(f.amount()).isEqualTo(Money.of("800.00"));
        });
        ClaimFacts withPci = stay("I-2", "H2", admitted, admitted.plusDays(6), List.of("I21.0"),
                priced("S120100001", "6", "40.00"), line(STENT, "800.00"), line(PCI, "3500.00"));
        ClaimFacts withProcedure = Bills.with(pneumonia, admitted, admitted.plusDays(6), List.of("36.0601"), false);
        assertThat(audit(withPci)).filteredOn(f -> f.kind() == AuditRule.ITEM_WITHOUT_PROCEDURE).isEmpty();
        assertThat(audit(withProcedure)).filteredOn(f -> f.kind() == AuditRule.ITEM_WITHOUT_PROCEDURE).isEmpty();
    }

    /**
     * Input 5, the false positive: planned chemotherapy, three 3-day admissions 14 days apart for C18.7 with
     * Z51.1 (11 days from one discharge to the next admission), is staged treatment; the same stays without
     * Z51.1 are split hospitalisations on cycles 2 and 3.
     */
    @Test
    void input5PlannedChemotherapyIsNotSplitHospitalisation() {
        ClaimFacts[] planned = cycles(List.of("C18.7", "Z51.1"));
        ClaimFacts[] unplanned = cycles(List.of("C18.7"));

        assertThat(audit(planned[1], planned[0])).isEmpty();
        assertThat(audit(planned[2], planned[0], planned[1])).isEmpty();
        assertThat(audit(unplanned[1], unplanned[0])).extracting(RuleFinding::kind).containsExactly(AuditRule.SPLIT_HOSPITALISATION);
        assertThat(audit(unplanned[2], unplanned[0], unplanned[1])).extracting(f -> f.kind() + " " + f.related())
                .containsExactly("SPLIT_HOSPITALISATION [C-2]");
    }

    private static ClaimFacts[] cycles(List<String> diagnoses) {
        ClaimFacts[] stays = new ClaimFacts[3];
        for (int i = 0; i < 3; i++) {
            LocalDateTime admitted = LocalDateTime.of(2026, 3, 2, 8, 30).plusDays(14L * i);
            stays[i] = stay("C-" + (i + 1), "H2", admitted, admitted.plusDays(3), diagnoses, priced("S120100001", "3", "40.00"));
        }
        return stays;
    }

    private static Money excessive(List<RuleFinding> findings) {
        return findings.stream().filter(f -> f.kind() == AuditRule.EXCESSIVE_SUPPLY).map(RuleFinding::amount).findFirst()
                .orElse(Money.ZERO);
    }
}
