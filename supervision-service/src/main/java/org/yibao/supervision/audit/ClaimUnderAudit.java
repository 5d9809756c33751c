package org.yibao.supervision.audit;

import org.yibao.contracts.events.ClaimSettled;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A settled claim with what the smart audit knows around it, as the rules across claims see it.
 *
 * @param dateOfDeath the person's registered death, if any
 * @param recentStays for an inpatient claim, the person's other inpatient stays (not reversed) served in
 *                    the split-hospitalisation window before it, up to its own day; empty otherwise
 */
record ClaimUnderAudit(ClaimSettled claim, Optional<LocalDate> dateOfDeath, List<Stay> recentStays) {

    ClaimUnderAudit {
        recentStays = List.copyOf(recentStays);
    }

    /** Another inpatient stay of the same person, as the audit kept it. */
    record Stay(String settlementId, String institution, LocalDate serviceDate, List<String> diagnosisCodes) {

        Stay {
            diagnosisCodes = List.copyOf(diagnosisCodes);
        }
    }
}
