package org.yibao.enrollment.filing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A self-service remote-treatment filing. It takes effect at once (today) unless a later start is
 * given.
 *
 * @param destinationRegionCode a city or district code, or a province code covering all of it
 */
public record FilingRequest(
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit administrative division code")
        String destinationRegionCode,
        LocalDate validFrom,
        LocalDate validTo,
        @Size(max = 200) String reason) {
}
