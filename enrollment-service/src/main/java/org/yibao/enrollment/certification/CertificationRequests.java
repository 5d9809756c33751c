package org.yibao.enrollment.certification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The bodies of the certification API. */
final class CertificationRequests {

    private CertificationRequests() {
    }

    /** An application for one disease; a person applies once per disease at a time. */
    record Apply(
            @NotBlank @Pattern(regexp = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?", message = "must be an ICD-10 code such as I10 or E11")
            String diseaseCode,
            @NotBlank @Size(max = 200) String diseaseName) {
    }

    /**
     * The decision on an application; who decided is the calling staff member (the token), never the body.
     *
     * @param validTo last day of an approval; none means until revoked
     */
    record Decide(
            @NotNull Boolean approved,
            @Size(max = 500) String reason,
            LocalDate validFrom,
            LocalDate validTo) {
    }

    /** A revocation (or a hospital's withdrawal of its own application); who revoked is the caller (the token). */
    record Revoke(@NotBlank @Size(max = 500) String reason) {
    }
}
