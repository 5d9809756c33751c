package org.yibao.settlement.readmodel;

import org.yibao.contracts.events.FilingStatus;

import java.time.LocalDate;
import java.util.Optional;

/** A remote-treatment filing (异地就医备案), as enrollment-service last announced it. */
public record RemoteFiling(String filingId, String personId, String destinationRegion, LocalDate validFrom,
                           Optional<LocalDate> validTo, FilingStatus status) {

    /** Whether the filing lets the person be treated in a region on a date. */
    public boolean covers(String regionCode, LocalDate on) {
        return status == FilingStatus.ACTIVE && !on.isBefore(validFrom) && validTo.map(to -> !on.isAfter(to)).orElse(true)
                && Regions.contains(destinationRegion, regionCode);
    }
}
