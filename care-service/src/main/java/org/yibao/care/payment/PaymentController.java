package org.yibao.care.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.care.institution.InstitutionCodes;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.security.CallerIdentity;

import java.time.LocalDate;
import java.util.List;

/** Care institutions' monthly bills and the home-care monthly run, behind the gateway at {@code /api/care}. */
@RestController
@RequestMapping("/api/care")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /**
     * A care institution's bill for a month that has ended (护理费用月结); a later one for the same month is a
     * supplementary bill (补报) for days not billed yet.
     *
     * @param month yyyy-MM
     * @param lines one per beneficiary: the first and last day of care in the month (inclusive)
     */
    record SubmitBill(@NotBlank @Pattern(regexp = Months.PATTERN, message = "must be a month written yyyy-MM") String month,
                      @NotEmpty @Size(max = 2000) List<@NotNull @Valid BillLine> lines) {
    }

    record BillLine(@NotNull ResidentId personId, @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @PostMapping("/institutions/{code}/bills")
    @ResponseStatus(HttpStatus.CREATED)
    Bill submit(@PathVariable String code, @Valid @RequestBody SubmitBill r, CallerIdentity caller) {
        return payments.bill(InstitutionCodes.path(code), Months.parse(r.month(), "month"),
                r.lines().stream().map(l -> new PaymentService.Line(l.personId().value(), l.from(), l.to())).toList(), caller);
    }

    /** The institution's bills of the month: the month's bill and its supplementary bills, with their totals. */
    @GetMapping("/institutions/{code}/bills/{month}")
    MonthBills bill(@PathVariable String code, @PathVariable String month, CallerIdentity caller) {
        return payments.billOf(InstitutionCodes.path(code), Months.parse(month, "month"), caller);
    }

    @PostMapping("/home-care-runs/{month}")
    HomeCareRun runHomeCare(@PathVariable String month, CallerIdentity caller) {
        return payments.runHomeCare(Months.parse(month, "month"), caller);
    }
}
