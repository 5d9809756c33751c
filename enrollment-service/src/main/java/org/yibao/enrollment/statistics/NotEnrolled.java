package org.yibao.enrollment.statistics;

import org.yibao.contracts.identity.IdMasking;

import java.time.LocalDate;

/** Someone with an assistance identity in force in a year who holds no enrollment for it (动态清零). */
record NotEnrolled(String personId, String regionCode, String category, LocalDate identifiedFrom) {

    /** As a list shows them: the id masked. */
    NotEnrolled masked() {
        return new NotEnrolled(IdMasking.mask(personId), regionCode, category, identifiedFrom);
    }
}
