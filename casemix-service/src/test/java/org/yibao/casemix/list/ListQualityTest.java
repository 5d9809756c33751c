package org.yibao.casemix.list;

import org.junit.jupiter.api.Test;
import org.yibao.casemix.codes.CodeTables;
import org.yibao.casemix.inpatient.InpatientCase;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Quality control of a settlement list, finding by finding, against a settled stay: a man of 45, 2 to 8 November, 12,000.00. */
class ListQualityTest {

    private static final CodeTables CODES = CodeTables.loadFromClasspath();
    private static final LocalDate IN = LocalDate.of(2026, 11, 2);
    private static final LocalDate OUT = LocalDate.of(2026, 11, 8);
    private static final InpatientCase STAY = new InpatientCase("S-1", "H41170200001", "411702198101010011", 'M', LocalDate.of(1981, 1, 1),
            IN.atTime(9, 30), OUT.atTime(10, 0), OUT, Money.of("12000.00"), Money.of("8000.00"), Money.of("4000.00"), false);

    private static SettlementList list(LocalDate admission, String main, List<String> secondary, List<SettlementList.Procedure> procedures,
                                       String feeTotal) {
        return new SettlementList("S-1", "H41170200001", 1, admission, OUT, main, secondary, procedures,
                List.of(new SettlementList.Fee(FeeCategory.SURGERY, Money.of(feeTotal))), Money.of(feeTotal), 0, List.of(), "A03",
                SettlementList.QcState.UNCHECKED, List.of(), "his", java.time.Instant.now(), null);
    }

    private static final List<SettlementList.Procedure> APPENDECTOMY = List.of(new SettlementList.Procedure("47.0100", IN.plusDays(1), true));

    @Test
    void aListThatAgreesWithItsStayPasses() {
        var r = ListQuality.check(list(IN, "K35.800", List.of("I10.x00"), APPENDECTOMY, "12000.00"), Optional.of(STAY), CODES);

        assertThat(r.findings()).isEmpty();
        assertThat(r.state()).isEqualTo(SettlementList.QcState.PASSED);
    }

    @Test
    void aListWhoseDatesDisagreeWithItsStayIsHeldIncompleteWithThatFinding() {
        // the worked example: admitted on the 1st by the list, on the 2nd by the settled stay: 质控未完成
        var r = ListQuality.check(list(IN.minusDays(1), "K35.800", List.of(), APPENDECTOMY, "12000.00"), Optional.of(STAY), CODES);

        assertThat(r.state()).isEqualTo(SettlementList.QcState.INCOMPLETE);
        assertThat(r.findings()).containsExactly(new SettlementList.Finding("admissionDate",
                "2026-11-01 is not the settled stay's admission, 2026-11-02"));
    }

    @Test
    void eachWrongFieldIsNamed() {
        var r = ListQuality.check(list(IN, "R50.900", List.of("O80.000", "K99.999", "O80.000"),
                List.of(new SettlementList.Procedure("74.1x00", IN, false), new SettlementList.Procedure("47.0100", OUT.plusDays(1), false)),
                "11999.99"), Optional.of(STAY), CODES);

        assertThat(r.state()).isEqualTo(SettlementList.QcState.INCOMPLETE);
        assertThat(r.findings()).extracting(SettlementList.Finding::field).containsExactly(
                "mainDiagnosis",                 // a symptom may not be the main diagnosis
                "secondaryDiagnoses[0]",         // a delivery for a man
                "secondaryDiagnoses[1]",         // not in the table
                "secondaryDiagnoses[2]",         // listed twice
                "secondaryDiagnoses[2]",         // and again for a man
                "procedures",                    // no main procedure
                "procedures[0].code",            // a caesarean for a man
                "procedures[1].date",            // after the discharge
                "fees");                         // 11,999.99, the bill 12,000.00
        assertThat(r.findings().get(0).reason()).contains("may not be a main diagnosis");
        assertThat(r.findings().get(1).reason()).contains("for women only; the patient is a man");
    }

    @Test
    void aListOfAnotherInstitutionsOrAReversedStayIsFound() {
        SettlementList ofAnother = new SettlementList("S-1", "H41170200002", 1, IN, OUT, "K35.800", List.of(), APPENDECTOMY,
                List.of(new SettlementList.Fee(FeeCategory.SURGERY, Money.of("12000.00"))), Money.of("12000.00"), 0, List.of(), "A03",
                SettlementList.QcState.UNCHECKED, List.of(), "his", java.time.Instant.now(), null);
        InpatientCase reversed = new InpatientCase("S-1", "H41170200001", "411702198101010011", 'M', LocalDate.of(1981, 1, 1), IN.atTime(9, 30),
                OUT.atTime(10, 0), OUT, Money.of("12000.00"), Money.of("8000.00"), Money.of("4000.00"), true);

        assertThat(ListQuality.check(ofAnother, Optional.of(STAY), CODES).findings())
                .containsExactly(new SettlementList.Finding("settlementId", "S-1 is institution H41170200001's"));
        assertThat(ListQuality.check(list(IN, "K35.800", List.of(), APPENDECTOMY, "12000.00"), Optional.of(reversed), CODES).findings())
                .extracting(SettlementList.Finding::field).containsExactly("settlementId");
    }

    @Test
    void aListBeforeItsStayIsUnchecked() {
        var r = ListQuality.check(list(IN, "K35.800", List.of(), APPENDECTOMY, "12000.00"), Optional.empty(), CODES);

        assertThat(r.state()).isEqualTo(SettlementList.QcState.UNCHECKED);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aNewbornsCodeOnAnAdultAndAnImpossibleWeightAreFound() {
        SettlementList l = new SettlementList("S-1", "H41170200001", 1, IN, OUT, "P59.900", List.of(), List.of(),
                List.of(new SettlementList.Fee(FeeCategory.NURSING, Money.of("12000.00"))), Money.of("12000.00"), 200, List.of(50),
                null, SettlementList.QcState.UNCHECKED, List.of(), "his", java.time.Instant.now(), null);

        assertThat(ListQuality.check(l, Optional.of(STAY), CODES).findings()).extracting(SettlementList.Finding::field)
                .containsExactly("mainDiagnosis", "ventilatorHours", "newbornWeights[0]");
    }
}
