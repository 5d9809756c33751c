package org.yibao.supervision.audit;

import org.yibao.contracts.events.ClaimSettled;

/** The claim a finding is about, as the violation and its ViolationDetected name it. */
record Subject(String settlementId, String personId, String institution, String regionCode, int year) {

    static Subject of(ClaimSettled c) {
        return new Subject(c.settlementId(), c.personId(), c.institutionCode(), c.regionCode(), c.year());
    }
}
