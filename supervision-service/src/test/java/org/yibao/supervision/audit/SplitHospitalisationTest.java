package org.yibao.supervision.audit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.supervision.audit.Claims.DAY;
import static org.yibao.supervision.audit.Claims.claim;
import static org.yibao.supervision.audit.Claims.inpatient;
import static org.yibao.supervision.audit.Claims.line;
import static org.yibao.supervision.audit.Claims.settings;
import static org.yibao.supervision.audit.Claims.stay;
import static org.yibao.supervision.audit.Claims.withStays;

class SplitHospitalisationTest {

    private final SplitHospitalisation rule = new SplitHospitalisation(settings(15));
    private final ClaimSettled readmission = inpatient("S-2", "H1", DAY, List.of("I63.800", "E11.9"),
            line("S120100001", "160.00"));

    @Test
    void aReadmissionAtTheEdgeOfTheWindowWithADiagnosisOfTheSameCategoryIsSplit() {
        List<Finding> found = rule.check(withStays(readmission, stay("S-1", "H1", DAY.minusDays(15), "I63.900")));

        assertThat(found).containsExactly(new Finding(AuditRule.SPLIT_HOSPITALISATION, List.of("S-1"), Money.of("160.00"),
                "readmitted on 2026-03-20, 15 days after the stay of 2026-03-05 at H1, with related diagnoses [I63]"));
        assertThat(rule.rule()).isEqualTo(AuditRule.SPLIT_HOSPITALISATION);
    }

    @Test
    void aDayAfterTheStayIsSplitAndOneDayBeyondTheWindowOrTheSameDayIsNot() {
        assertThat(rule.check(withStays(readmission, stay("S-1", "H2", DAY.minusDays(1), "I63.9")))).hasSize(1);
        assertThat(rule.check(withStays(readmission, stay("S-1", "H1", DAY.minusDays(16), "I63.9")))).isEmpty();
        assertThat(rule.check(withStays(readmission, stay("S-1", "H2", DAY, "I63.9")))).isEmpty();
    }

    @Test
    void theWindowIsTheConfiguredNumberOfDays() {
        SplitHospitalisation threeDays = new SplitHospitalisation(settings(3));

        assertThat(threeDays.check(withStays(readmission, stay("S-1", "H1", DAY.minusDays(3), "I63.9")))).hasSize(1);
        assertThat(threeDays.check(withStays(readmission, stay("S-1", "H1", DAY.minusDays(4), "I63.9")))).isEmpty();
        assertThatThrownBy(() -> settings(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void diagnosesAreRelatedByTheirIcd10CategoryOnly() {
        assertThat(rule.check(withStays(readmission, stay("S-1", "H1", DAY.minusDays(5), "I64", "J18.9")))).isEmpty();
        assertThat(rule.check(withStays(readmission, stay("S-1", "H1", DAY.minusDays(5))))).isEmpty();
        assertThat(rule.check(withStays(readmission, stay("S-1", "H1", DAY.minusDays(5), "E11.2", "I63.0"))))
                .extracting(Finding::evidence).singleElement().asString().endsWith("with related diagnoses [I63, E11]");
        ClaimSettled shortCodes = inpatient("S-2", "H1", DAY, List.of("I6"), line("S120100001", "160.00"));
        assertThat(rule.check(withStays(shortCodes, stay("S-1", "H1", DAY.minusDays(5), "I6")))).hasSize(1);
    }

    @Test
    void onlyAnInpatientClaimIsJudged() {
        ClaimSettled visit = claim("S-2", VisitType.CHRONIC_OUTPATIENT, "H1", DAY, List.of("I63.8"), line("S120100001", "40.00"));

        assertThat(rule.check(withStays(visit, stay("S-1", "H1", DAY.minusDays(5), "I63.9")))).isEmpty();
    }

    /**
     * Issue 21, input 5 (a false positive): planned chemotherapy, three 3-day admissions 14 days apart
     * for C18.7 with Z51.1, is staged treatment, not a split stay; the same readmission without Z51.1 is.
     */
    @Test
    void plannedChemotherapyCyclesAreNotSplitStays() {
        ClaimSettled cycle2 = inpatient("S-2", "H1", DAY, List.of("C18.7", "Z51.1"), line("S120100001", "160.00"));
        ClaimSettled cycle3 = inpatient("S-3", "H1", DAY.plusDays(14), List.of("Z51.100", "C18.7"), line("S120100001", "160.00"));
        ClaimSettled unplanned = inpatient("S-4", "H1", DAY, List.of("C18.7"), line("S120100001", "160.00"));

        assertThat(rule.check(withStays(cycle2, stay("S-1", "H1", DAY.minusDays(14), "C18.7", "Z51.1")))).isEmpty();
        assertThat(rule.check(withStays(cycle3, stay("S-2", "H1", DAY, "C18.7", "Z51.1")))).isEmpty();
        assertThat(rule.check(withStays(unplanned, stay("S-1", "H1", DAY.minusDays(14), "C18.7")))).hasSize(1);
        assertThat(new SplitHospitalisation(new AuditSettings(15, List.of(), List.of("Z51.0")))
                .check(withStays(cycle2, stay("S-1", "H1", DAY.minusDays(14), "C18.7")))).as("the list is configuration").hasSize(1);
    }
}
