package org.yibao.enrollment.enrollment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.web.validation.YuanRange;

import java.time.LocalDate;

/**
 * Enrolls a registered person in a basic scheme for a year.
 *
 * @param tier          employees only: employer-enrolled or an individual tier
 * @param effectiveFrom when cover starts; the first of the year by default
 * @param wageBase      employees only: the monthly wage base (缴费基数) in yuan, within the region's floor and ceiling
 *                      (contribution-rates/); required for an active employee, optional for a retiree, refused for a
 *                      resident (issue 22)
 */
public record EnrollRequest(
        @NotNull ResidentId personId,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull Scheme scheme,
        @NotNull PersonType personType,
        EmploymentTier tier,
        LocalDate effectiveFrom,
        @YuanRange Money wageBase) {
}
