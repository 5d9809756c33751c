package org.yibao.enrollment.enrollment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;

import java.time.LocalDate;

/**
 * Enrolls a registered person in a basic scheme for a year.
 *
 * @param tier          employees only: employer-enrolled or an individual tier
 * @param effectiveFrom when cover starts; the first of the year by default
 */
public record EnrollRequest(
        @NotNull ResidentId personId,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull Scheme scheme,
        @NotNull PersonType personType,
        EmploymentTier tier,
        LocalDate effectiveFrom) {
}
