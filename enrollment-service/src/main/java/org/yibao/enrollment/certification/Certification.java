package org.yibao.enrollment.certification;

import org.yibao.web.problem.InvalidRequestException;

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
                            String diseaseName, CertificationState status, LocalDate appliedOn, LocalDate decideBy,
                            Optional<LocalDate> decidedOn, Optional<String> decidedBy, Optional<String> decisionReason,
                            Optional<LocalDate> validFrom, Optional<LocalDate> validTo,
                            Optional<LocalDate> revokedOn, Optional<String> revokedBy, Optional<String> revocationReason) {

    /** The working days the bureau has to decide an application. */
    static final int DECISION_WORKING_DAYS = 10;

    /** A new application of a person living in {@code regionCode}, pending until decided. */
    static Certification application(String personId, String regionCode, String diseaseCode, String diseaseName,
                                     LocalDate today) {
        return new Certification(UUID.randomUUID(), personId, regionCode, diseaseCode, diseaseName, CertificationState.PENDING,
                today, WorkingDays.after(today, DECISION_WORKING_DAYS), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The bureau's decision, taken today by {@code decider}: 409 when it was already decided. An approval
     * is valid from {@code validFrom} (today when none) to {@code validTo} (none: until revoked), which
     * must not come first; a rejection needs a reason and is never valid.
     */
    Certification decided(boolean approved, String reason, LocalDate validFrom, LocalDate validTo, String decider,
                          LocalDate today) {
        CertificationState next = status.decide(certificationId, approved);
        LocalDate from = Optional.ofNullable(validFrom).orElse(today);
        if (approved && validTo != null && validTo.isBefore(from)) {
            throw new InvalidRequestException("validTo", "must not be before validFrom");
        }
        if (!approved && (reason == null || reason.isBlank())) {
            throw new InvalidRequestException("reason", "is required when an application is rejected");
        }
        return new Certification(certificationId, personId, regionCode, diseaseCode, diseaseName, next, appliedOn, decideBy,
                Optional.of(today), Optional.of(decider), Optional.ofNullable(reason),
                approved ? Optional.of(from) : Optional.empty(), approved ? Optional.ofNullable(validTo) : Optional.empty(),
                revokedOn, revokedBy, revocationReason);
    }

    /**
     * Revoked today by {@code revoker} (409 unless approved or pending): an approved certification ends
     * yesterday; a pending application is withdrawn (the HIS's 2504) and was never valid. The decision
     * stays on record.
     */
    Certification revoked(String revoker, String reason, LocalDate today) {
        CertificationState next = status.revoke();
        return new Certification(certificationId, personId, regionCode, diseaseCode, diseaseName, next, appliedOn, decideBy,
                decidedOn, decidedBy, decisionReason, validFrom,
                status == CertificationState.APPROVED ? Optional.of(today.minusDays(1)) : Optional.empty(),
                Optional.of(today), Optional.of(revoker), Optional.of(reason));
    }
}
