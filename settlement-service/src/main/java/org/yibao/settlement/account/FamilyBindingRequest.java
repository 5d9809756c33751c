package org.yibao.settlement.account;

import jakarta.validation.constraints.NotNull;
import org.yibao.contracts.identity.ResidentId;

import java.time.LocalDate;

/**
 * Registers a family member whose bills the holder's account may pay (家庭共济), from the day it is
 * registered, or from the day the family applied when a clerk enters an application received earlier.
 *
 * @param memberId     the member's resident id: a registered person enrolled in basic medical insurance on
 *                     the day, not the holder
 * @param relationship the member's relation to the holder: SPOUSE, PARENT or CHILD
 * @param validFrom    the first day the binding covers: the day the family applied (申请之日); optional, today
 *                     when not given; not in the future and at most 366 days ago (ASSUMPTION, the bound care
 *                     applications take); holder and member must be enrolled on it
 */
public record FamilyBindingRequest(@NotNull ResidentId memberId, @NotNull FamilyRelationship relationship,
                                   LocalDate validFrom) {
}
