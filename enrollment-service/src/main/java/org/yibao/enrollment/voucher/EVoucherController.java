package org.yibao.enrollment.voucher;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;

import java.time.Instant;

/** The e-voucher (医保码), behind the gateway at {@code /api/enrollment}. */
@RestController
@RequestMapping("/api/enrollment")
class EVoucherController {

    private final EVoucherService vouchers;

    EVoucherController(EVoucherService vouchers) {
        this.vouchers = vouchers;
    }

    record ExchangeRequest(@NotBlank @Size(max = 64) String token, @NotBlank @Size(max = 30) String institutionCode) {
    }

    /** When the person's e-voucher was activated (the first time). */
    record Activation(Instant activatedAt) {
    }

    @PostMapping("/persons/{personId}/evoucher")
    Activation activate(@PathVariable String personId) {
        return new Activation(vouchers.activate(RequestParameters.person(personId)));
    }

    @PostMapping("/persons/{personId}/evoucher/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    EVoucherService.Token issue(@PathVariable String personId) {
        return vouchers.issue(RequestParameters.person(personId));
    }

    /** A hospital or pharmacy exchanges a scanned token for the person (once, within five minutes). */
    @PostMapping("/evoucher/exchanges")
    EVoucherService.Holder exchange(@Valid @RequestBody ExchangeRequest request, CallerIdentity caller) {
        caller.requireOwnInstitution(request.institutionCode(), "institutionCode");
        return vouchers.exchange(request.token(), request.institutionCode());
    }
}
