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
import org.yibao.casemix.payment.CasePayment;
import org.yibao.casemix.payment.CasePayments;
import org.yibao.casemix.payment.YearBudget;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.RequestParameters;
import org.yibao.web.problem.InvalidRequestException;

import java.time.LocalDate;
import java.util.List;

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

    /** Groups and prices at the base rate every passed stay of the region's DRG institutions discharged in an ended month (月度预付). */
    @PostMapping("/weights/{weightsId}/months/{month}/pricing")
    CasePayments.MonthPricing priceMonth(@PathVariable String weightsId, @PathVariable String month) {
        return drg.priceMonth(weightsId(weightsId), RequestParameters.month(month, "month"));
    }

    /** Sets the ended year's base rate (the DRG budget / the year's weighted weights, once) and prices its stays at it (201). */
    @PostMapping("/weights/{weightsId}/years/{year}/base-rate")
    @ResponseStatus(HttpStatus.CREATED)
    CasePayments.YearSettlement settleYear(@PathVariable String weightsId, @PathVariable String year, @Valid @RequestBody YearBudget r,
                                           CallerIdentity caller) {
        return drg.settleYear(weightsId(weightsId), RequestParameters.year(year), r.positive(), caller);
    }

    /** The year's stays per institution and department on a basis (PROVISIONAL or FINAL): stays, weights, CMI, outliers, money. */
    @GetMapping("/weights/{weightsId}/years/{year}/report")
    List<CasePayments.ReportLine> report(@PathVariable String weightsId, @PathVariable String year,
                                         @RequestParam(defaultValue = "PROVISIONAL") CasePayment.Basis basis) {
        return drg.report(weightsId(weightsId), RequestParameters.year(year), basis);
    }

    static String weightsId(String id) {
        if (id == null || !id.matches("[0-9]{6}-[0-9]{4}-drg-v[0-9]{1,6}")) {
            throw new InvalidRequestException("weightsId", "must be a weight table id such as 411700-2026-drg-v1");
        }
        return id;
    }
}
