package org.yibao.enrollment.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** A remote-treatment filing (异地就医备案): where, from when, until when, and whether cancelled. */
public record Filing(UUID filingId, String personId, String insuredRegion, String destinationRegion, Optional<String> reason,
                     LocalDate validFrom, Optional<LocalDate> validTo, Optional<Instant> cancelledAt) {
}
