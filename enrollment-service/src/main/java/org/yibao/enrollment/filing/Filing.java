package org.yibao.enrollment.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A remote-treatment filing (异地就医备案): where, from when, until when, and whether cancelled. */
public record Filing(UUID filingId, String personId, String insuredRegion, String destinationRegion, Optional<String> reason,
                     LocalDate validFrom, Optional<LocalDate> validTo, Optional<Instant> cancelledAt) {

    FilingState state() {
        return cancelledAt.isPresent() ? FilingState.CANCELLED : FilingState.IN_FORCE;
    }

    /**
     * The last day a filing cancelled today covers: today (it still covers today's treatment when it
     * started earlier), or the day before it would have started.
     */
    LocalDate lastDayWhenCancelledOn(LocalDate today) {
        return validFrom.isAfter(today) ? validFrom.minusDays(1) : today;
    }
}
