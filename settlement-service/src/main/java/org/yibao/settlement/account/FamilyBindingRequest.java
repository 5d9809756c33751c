package org.yibao.settlement.account;

import jakarta.validation.constraints.NotNull;
import org.yibao.contracts.identity.ResidentId;

/**
 * Registers a family member whose bills the holder's account may pay (家庭共济), from the day it is
 * registered.
 *
 * @param memberId     the member's resident id: a registered person enrolled in basic medical insurance on
 *                     the day, not the holder
 * @param relationship the member's relation to the holder: SPOUSE, PARENT or CHILD
 */
public record FamilyBindingRequest(@NotNull ResidentId memberId, @NotNull FamilyRelationship relationship) {
}
