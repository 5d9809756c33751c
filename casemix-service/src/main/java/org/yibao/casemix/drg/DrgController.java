package org.yibao.casemix.drg;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.time.LocalDate;

/** DRG weight tables and a case's DRG and price, behind the gateway at {@code /api/casemix/drg}. */
@RestController
@RequestMapping("/api/casemix/drg")
class DrgController {

    private final DrgService drg;

    DrgController(DrgService drg) {
        this.drg = drg;
    }

    /**
     * A weight table to build.
     *
     * @param regionCode the pooling region (6 digits; a city covers its districts and counties)
     * @param year       the year it prices
     * @param basisFrom  the first discharge day of the history
     * @param basisTo    the last (at most 5 years after basisFrom)
     */
    record BuildWeights(@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative division code") String regionCode,
                        @NotNull @Min(2000) @Max(2100) Integer year,
                        @NotNull LocalDate basisFrom,
                        @NotNull LocalDate basisTo) {
    }

    /** Builds a new version of the region's weight table for the year from its own history (201). */
    @PostMapping("/weights")
    @ResponseStatus(HttpStatus.CREATED)
    DrgWeightTable build(@Valid @RequestBody BuildWeights r, CallerIdentity caller) {
        if (r.basisTo().isBefore(r.basisFrom()) || r.basisTo().isAfter(r.basisFrom().plusYears(5))) {
            throw new InvalidRequestException("basisTo", "must be from basisFrom to 5 years after it");
        }
        return drg.build(r.regionCode(), r.year(), r.basisFrom(), r.basisTo(), caller);
    }

    @GetMapping("/weights/{weightsId}")
    DrgWeightTable weights(@PathVariable String weightsId) {
        return drg.weights(weightsId(weightsId));
    }

    /** A case grouped (MDC → ADRG → DRG) and priced under a weight table, with the grouping and pricing traces. */
    @GetMapping("/cases/{settlementId}")
    DrgService.CasePrice price(@PathVariable String settlementId, @RequestParam String weightsId) {
        if (settlementId.length() > 64) {
            throw new InvalidRequestException("settlementId", "must be at most 64 characters");
        }
        return drg.price(settlementId, weightsId(weightsId));
    }

    private static String weightsId(String id) {
        if (id == null || !id.matches("[0-9]{6}-[0-9]{4}-drg-v[0-9]{1,6}")) {
            throw new InvalidRequestException("weightsId", "must be a weight table id such as 411700-2026-drg-v1");
        }
        return id;
    }
}
