package org.yibao.casemix.dip;

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

/** DIP tables and the price of a stay, behind the gateway at {@code /api/casemix/dip}. */
@RestController
@RequestMapping("/api/casemix/dip")
class DipController {

    private final DipService dip;

    DipController(DipService dip) {
        this.dip = dip;
    }

    /**
     * A table to build.
     *
     * @param regionCode the pooling region (6 digits; a city covers its districts and counties)
     * @param year       the year it prices
     * @param basisFrom  the first discharge day of the history
     * @param basisTo    the last (at most 5 years after basisFrom)
     */
    record BuildTable(@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative division code") String regionCode,
                      @NotNull @Min(2000) @Max(2100) Integer year,
                      @NotNull LocalDate basisFrom,
                      @NotNull LocalDate basisTo) {
    }

    /** Builds a new version of the region's table for the year from its own history (201). */
    @PostMapping("/tables")
    @ResponseStatus(HttpStatus.CREATED)
    DipTable build(@Valid @RequestBody BuildTable r, CallerIdentity caller) {
        if (r.basisTo().isBefore(r.basisFrom()) || r.basisTo().isAfter(r.basisFrom().plusYears(5))) {
            throw new InvalidRequestException("basisTo", "must be from basisFrom to 5 years after it");
        }
        return dip.build(r.regionCode(), r.year(), r.basisFrom(), r.basisTo(), caller);
    }

    @GetMapping("/tables/{tableId}")
    DipTable table(@PathVariable String tableId) {
        return dip.table(tableId(tableId));
    }

    /** A stay grouped and priced under a table at the provisional point value, with the grouping and pricing traces. */
    @GetMapping("/cases/{settlementId}")
    DipService.CasePrice price(@PathVariable String settlementId, @RequestParam String tableId) {
        if (settlementId.length() > 64) {
            throw new InvalidRequestException("settlementId", "must be at most 64 characters");
        }
        return dip.price(settlementId, tableId(tableId));
    }

    /** Prices at the provisional point value every passed stay of the table's region discharged in an ended month (月度预付). */
    @PostMapping("/tables/{tableId}/months/{month}/pricing")
    org.yibao.casemix.payment.CasePayments.MonthPricing priceMonth(@PathVariable String tableId, @PathVariable String month) {
        return dip.priceMonth(tableId(tableId), org.yibao.web.problem.RequestParameters.month(month, "month"));
    }


    /** Sets the ended year's point value (the budget / the year's weighted points, once) and prices its stays at it (201). */
    @PostMapping("/tables/{tableId}/years/{year}/point-value")
    @ResponseStatus(HttpStatus.CREATED)
    org.yibao.casemix.payment.CasePayments.YearSettlement settleYear(@PathVariable String tableId, @PathVariable String year, @Valid @RequestBody org.yibao.casemix.payment.YearBudget r,
                                         CallerIdentity caller) {
        return dip.settleYear(tableId(tableId), org.yibao.web.problem.RequestParameters.year(year), r.positive(), caller);
    }

    /** The year's stays per institution and department on a basis (PROVISIONAL or FINAL): stays, points, CMI, outliers, money. */
    @GetMapping("/tables/{tableId}/years/{year}/report")
    java.util.List<org.yibao.casemix.payment.CasePayments.ReportLine> report(@PathVariable String tableId, @PathVariable String year,
                                                 @RequestParam(defaultValue = "PROVISIONAL") org.yibao.casemix.payment.CasePayment.Basis basis) {
        return dip.report(tableId(tableId), org.yibao.web.problem.RequestParameters.year(year), basis);
    }

    static String tableId(String id) {
        if (id == null || !id.matches("[0-9]{6}-[0-9]{4}-v[0-9]{1,6}")) {
            throw new InvalidRequestException("tableId", "must be a table id such as 411700-2026-v1");
        }
        return id;
    }
}
