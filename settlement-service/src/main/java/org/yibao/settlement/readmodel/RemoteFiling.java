package org.yibao.settlement.readmodel;

import org.yibao.contracts.region.Regions;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A remote-treatment filing (异地就医备案), as enrollment-service last announced it. A cancellation
 * ends its period at the last day it covered, so a bill for earlier treatment is still covered.
 */
public record RemoteFiling(String filingId, String personId, String destinationRegion, LocalDate validFrom,
                           Optional<LocalDate> validTo) {

    /** A filing as stored: registered, or cancelled (its period then ends at its last day). */
    public enum Status { ACTIVE, CANCELLED }

    /** Whether the filing lets the person be treated in a region on a date. */
    public boolean covers(String regionCode, LocalDate on) {
        return !on.isBefore(validFrom) && validTo.map(to -> !on.isAfter(to)).orElse(true)
                && Regions.contains(destinationRegion, regionCode);
    }
}
