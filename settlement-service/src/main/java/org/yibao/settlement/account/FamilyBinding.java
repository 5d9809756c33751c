package org.yibao.settlement.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A family mutual-aid binding (家庭共济绑定): the holder's personal account may pay the member's bills
 * from {@code validFrom} until {@code endedOn} inclusive.
 *
 * @param endedOn      the binding's last day; null while it holds
 * @param registeredBy the staff member who registered it (from the token, never the body)
 */
public record FamilyBinding(UUID bindingId, String holderId, String memberId, FamilyRelationship relationship,
                            LocalDate validFrom, LocalDate endedOn, String registeredBy, String endedBy, String endReason,
                            Instant registeredAt) {

    /** Whether the binding holds on a day. */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (endedOn == null || !day.isAfter(endedOn));
    }
}
