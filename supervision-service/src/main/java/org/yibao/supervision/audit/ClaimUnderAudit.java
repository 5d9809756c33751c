package org.yibao.supervision.audit;

import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A settled claim with what the smart audit knows around it, as the rules across claims see it.
 *
 * @param dateOfDeath      the person's registered death, if any
 * @param recentStays      for an inpatient claim, the person's other inpatient stays (not reversed) served in
 *                         the split-hospitalisation window before it, up to its own day; empty otherwise
 * @param institutionLevel the level of the institution that billed it, as supervision registered it;
 *                         empty when the institution is not registered with supervision
 * @param catalog          the reimbursement catalog's entries in force on the claim's service date, by item
 *                         code, for those of its items supervision's copy of the catalog lists that day
 */
record ClaimUnderAudit(ClaimSettled claim, Optional<LocalDate> dateOfDeath, List<Stay> recentStays,
                       Optional<InstitutionLevel> institutionLevel, Map<String, CatalogEntry> catalog) {

    ClaimUnderAudit {
        recentStays = List.copyOf(recentStays);
        catalog = Map.copyOf(catalog);
    }

    /** The claim with nothing known of its institution or of the catalog. */
    ClaimUnderAudit(ClaimSettled claim, Optional<LocalDate> dateOfDeath, List<Stay> recentStays) {
        this(claim, dateOfDeath, recentStays, Optional.empty(), Map.of());
    }

    /** Another inpatient stay of the same person, as the audit kept it. */
    record Stay(String settlementId, String institution, LocalDate serviceDate, List<String> diagnosisCodes) {

        Stay {
            diagnosisCodes = List.copyOf(diagnosisCodes);
        }
    }
}
