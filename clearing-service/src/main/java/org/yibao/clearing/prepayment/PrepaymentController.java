package org.yibao.clearing.prepayment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.util.List;
import java.util.UUID;

/** Prepayments (预付金), behind the gateway at {@code /api/clearing/prepayments}. */
@RestController
@RequestMapping("/api/clearing/prepayments")
class PrepaymentController {

    private final PrepaymentService prepayments;

    PrepaymentController(PrepaymentService prepayments) {
        this.prepayments = prepayments;
    }

    /**
     * A prepayment to prepare.
     *
     * @param fund                EMPLOYEE_POOLING or RESIDENT_POOLING
     * @param amount              yuan, more than 0, at most 999,999,999,999.99
     * @param reason              why (e.g. the epidemic's treating hospital), 1 to 500 characters
     * @param firstRecoveryPeriod yyyy-MM, the first month whose payment order recovers an instalment
     * @param months              instalments, 1 to 36
     */
    record PreparePrepayment(@NotBlank @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String institutionCode,
                             @NotNull Fund fund,
                             @NotNull Money amount,
                             @NotBlank @Size(max = 500) String reason,
                             @NotBlank String firstRecoveryPeriod,
                             @NotNull @Min(1) @Max(36) Integer months) {
    }

    /** Prepares a prepayment (201); another clearing officer approves it. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Prepayment prepare(@Valid @RequestBody PreparePrepayment r, CallerIdentity caller) {
        if (!r.amount().isPositive()) {
            throw new InvalidRequestException("amount", "must be more than 0");
        }
        if (r.amount().compareTo(Money.of("999999999999.99")) > 0) {
            throw new InvalidRequestException("amount", "must be at most 999999999999.99");
        }
        return prepayments.prepare(r.institutionCode(), r.fund(), r.amount(), r.reason(),
                RequestParameters.month(r.firstRecoveryPeriod(), "firstRecoveryPeriod"), r.months(), caller);
    }

    /** Approves (pays) a prepayment: by another clearing officer than its preparer (403 for the preparer). */
    @PostMapping("/{id}/approval")
    Prepayment approve(@PathVariable String id, CallerIdentity caller) {
        return prepayments.approve(prepaymentId(id), caller);
    }

    @GetMapping("/{id}")
    Prepayment prepayment(@PathVariable String id) {
        return prepayments.prepayment(prepaymentId(id));
    }

    /** An institution's prepayments, oldest first, each with its schedule and what was recovered of it. */
    @GetMapping
    List<Prepayment> of(@RequestParam String institutionCode) {
        if (!institutionCode.matches("[A-Z0-9]{4,32}")) {
            throw new InvalidRequestException("institutionCode", "must be 4 to 32 capital letters or digits");
        }
        return prepayments.of(institutionCode);
    }

    private static UUID prepaymentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "must be a prepayment id (a UUID)");
        }
    }
}
