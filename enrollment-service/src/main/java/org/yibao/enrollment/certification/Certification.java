package org.yibao.enrollment.certification;

import org.yibao.contracts.events.CertificationStatus;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A chronic or special-disease certification (门诊慢特病认定) from application to decision.
 *
 * @param decideBy   the last day for the decision: ten working days after the application
 * @param decidedBy  who decided (the bureau's staff member), kept after a revocation
 * @param revokedBy  who revoked an approval or withdrew the application (staff member or hospital client)
 */
public record Certification(UUID certificationId, String personId, String regionCode, String diseaseCode,
                            String diseaseName, CertificationStatus status, LocalDate appliedOn, LocalDate decideBy,
                            Optional<LocalDate> decidedOn, Optional<String> decidedBy, Optional<String> decisionReason,
                            Optional<LocalDate> validFrom, Optional<LocalDate> validTo,
                            Optional<LocalDate> revokedOn, Optional<String> revokedBy, Optional<String> revocationReason) {
}
