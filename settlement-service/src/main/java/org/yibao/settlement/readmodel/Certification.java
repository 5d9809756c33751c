package org.yibao.settlement.readmodel;

import org.yibao.contracts.events.CertificationStatus;

import java.time.LocalDate;
import java.util.Optional;

/** A chronic or special-disease certification (门诊慢特病认定), as enrollment-service last announced it. */
public record Certification(String certificationId, String personId, String diseaseCode, String diseaseName,
                            CertificationStatus status, LocalDate validFrom, Optional<LocalDate> validTo) {

    public boolean inForceOn(LocalDate on) {
        return status == CertificationStatus.APPROVED && !on.isBefore(validFrom)
                && validTo.map(to -> !on.isAfter(to)).orElse(true);
    }

    /** Whether a bill's diagnosis code (e.g. I10.x00) falls under the certified disease (e.g. I10). */
    public boolean covers(String diagnosisCode) {
        return diagnosisCode.toUpperCase().startsWith(diseaseCode.toUpperCase());
    }
}
