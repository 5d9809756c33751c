package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.VisitType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 分解住院: a readmission within the configured number of days after another stay of the same
 * person (at most that many days before, not the same day), with a diagnosis of the same ICD-10
 * category; the whole claim is at risk, the earlier stay is named. A readmission for planned staged
 * treatment (a chemotherapy or radiotherapy session, {@link AuditSettings#plannedTreatmentDiagnoses()})
 * is exempt: its cycles are meant to be separate stays.
 */
@Component
class SplitHospitalisation implements ClaimRule {

    private final int days;
    private final List<String> planned;

    SplitHospitalisation(AuditSettings settings) {
        this.days = settings.splitHospitalisationDays();
        this.planned = settings.plannedTreatmentDiagnoses().stream().map(d -> d.toUpperCase(Locale.ROOT)).toList();
    }

    @Override
    public AuditRule rule() {
        return AuditRule.SPLIT_HOSPITALISATION;
    }

    @Override
    public List<Finding> check(ClaimUnderAudit claim) {
        ClaimSettled c = claim.claim();
        if (c.visitType() != VisitType.INPATIENT || isPlanned(c.diagnosisCodes())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (ClaimUnderAudit.Stay other : claim.recentStays()) {
            LocalDate otherDate = other.serviceDate();
            boolean withinWindow = !otherDate.isBefore(c.serviceDate().minusDays(days)) && otherDate.isBefore(c.serviceDate());
            List<String> related = relatedDiagnoses(c.diagnosisCodes(), other.diagnosisCodes());
            if (withinWindow && !related.isEmpty()) {
                findings.add(new Finding(AuditRule.SPLIT_HOSPITALISATION, List.of(other.settlementId()), c.amounts().total(),
                        "readmitted on " + c.serviceDate() + ", " + (c.serviceDate().toEpochDay() - otherDate.toEpochDay())
                                + " days after the stay of " + otherDate + " at " + other.institution()
                                + ", with related diagnoses " + related));
            }
        }
        return findings;
    }

    /** Whether a diagnosis is one of planned staged treatment (Z51.1 as Z51.1, Z51.100 or Z511). */
    private boolean isPlanned(List<String> diagnoses) {
        return diagnoses.stream().map(d -> d.toUpperCase(Locale.ROOT))
                .anyMatch(d -> planned.stream().anyMatch(p -> d.startsWith(p) || d.startsWith(p.replace(".", ""))));
    }

    /** ICD-10 categories (the first three characters) the two claims share. */
    private static List<String> relatedDiagnoses(List<String> these, List<String> others) {
        List<String> otherCategories = others.stream().map(SplitHospitalisation::category).toList();
        return these.stream().map(SplitHospitalisation::category).filter(otherCategories::contains).distinct().toList();
    }

    private static String category(String diagnosis) {
        return diagnosis.length() >= 3 ? diagnosis.substring(0, 3) : diagnosis;
    }
}
