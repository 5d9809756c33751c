package org.yibao.supervision.institution;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;

import java.time.LocalDate;

/** The bodies of the institution API; who decided is the calling staff member (the token), never a body field. */
public final class InstitutionRequests {

    private InstitutionRequests() {
    }

    /**
     * Signs a designated institution's agreement (定点协议).
     *
     * @param latitude  where it is, decimal degrees WGS-84 (optional; with longitude, both or neither): the
     *                  rule on two places too far apart the same day reads it
     * @param longitude decimal degrees WGS-84
     */
    public record Register(
            @NotBlank @Pattern(regexp = "[A-Z][0-9A-Z]{5,29}", message = "must be an institution code such as H44170000003")
            String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit administrative division code")
            String regionCode,
            @NotNull InstitutionKind kind,
            @NotNull InstitutionLevel level,
            @Size(max = 100) String chain,
            @NotNull LocalDate agreementFrom,
            @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude) {

        /** An institution registered without coordinates. */
        public Register(String code, String name, String regionCode, InstitutionKind kind, InstitutionLevel level, String chain,
                        LocalDate agreementFrom) {
            this(code, name, regionCode, kind, level, chain, agreementFrom, null, null);
        }
    }

    /** Suspends, reinstates or terminates an agreement. */
    public record ChangeAgreement(
            @NotNull AgreementStatus status,
            @NotNull LocalDate effectiveFrom,
            @NotBlank @Size(max = 500) String reason) {
    }
}
