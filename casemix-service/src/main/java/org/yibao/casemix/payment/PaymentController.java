package org.yibao.casemix.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.casemix.rules.PaymentMethod;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.util.List;

/**
 * The institutions' payment methods of a year (支付方式) and what paying by group announced to the fund clearing, behind the
 * gateway at {@code /api/casemix}.
 */
@RestController
@RequestMapping("/api/casemix")
class PaymentController {

    private final CasePayments payments;

    PaymentController(CasePayments payments) {
        this.payments = payments;
    }

    /** @param method DIP or DRG */
    record Assign(@NotNull PaymentMethod method) {
    }

    /**
     * Assigns an institution its method of a year (a manager; from the token): 200 with the assignment; 409 when stays of
     * its year are priced by the other method already; 422 when the institution is unknown here.
     */
    @PutMapping("/payment-methods/{year}/{institutionCode}")
    CasePayments.Assignment assign(@PathVariable String year, @PathVariable String institutionCode, @Valid @RequestBody Assign r,
                                   CallerIdentity caller) {
        if (institutionCode == null || !institutionCode.matches("[A-Z0-9]{4,32}")) {
            throw new InvalidRequestException("institutionCode", "must be 4 to 32 capital letters or digits");
        }
        return payments.assign(institutionCode, RequestParameters.year(year), r.method(), caller);
    }

    /** The methods assigned for a year to a region's institutions; the others are paid by the region's default. */
    @GetMapping("/payment-methods/{year}")
    List<CasePayments.Assignment> assignments(@PathVariable String year, @RequestParam String regionCode) {
        return payments.assignments(regionCode(regionCode), RequestParameters.year(year));
    }

    /**
     * What DIP and DRG announced to the fund clearing for a year's discharge months of a region's institutions, per method,
     * basis, institution, month and scheme (the amount in force: the sum of the announcements), to reconcile with clearing.
     */
    @GetMapping("/adjustments/{year}")
    List<CasePayments.Announcement> announcements(@PathVariable String year, @RequestParam String regionCode) {
        return payments.announcements(regionCode(regionCode), RequestParameters.year(year));
    }

    private static String regionCode(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw new InvalidRequestException("regionCode", "must be a 6-digit administrative division code");
        }
        return code;
    }
}
