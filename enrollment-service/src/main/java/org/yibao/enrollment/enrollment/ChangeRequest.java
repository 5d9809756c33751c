package org.yibao.enrollment.enrollment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;

import org.yibao.contracts.money.Money;
import org.yibao.web.validation.YuanRange;

import java.time.LocalDate;

/**
 * Changes an enrollment: an employee retires, changes tier, or the enrollment is suspended or ended.
 * Fields left out keep their value.
 *
 * @param effectiveFrom the first day the change applies (within the enrollment's year, not before it
 *                      began); today when left out, required for a past year
 * @param wageBase      employees only: the monthly wage base (缴费基数) in yuan from {@code effectiveFrom} on, within the
 *                      region's floor and ceiling (issue 22)
 */
public record ChangeRequest(PersonType personType, EmploymentTier tier, EnrollmentStatus status, LocalDate effectiveFrom,
                            @NotBlank @Size(max = 200) String reason, @YuanRange Money wageBase) {
}
