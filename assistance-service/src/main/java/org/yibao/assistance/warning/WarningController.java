package org.yibao.assistance.warning;

import org.yibao.web.problem.RequestParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Household incomes and the poverty-risk exchange with the rural-revitalization department, at {@code /api/assistance}. */
@RestController
@RequestMapping("/api/assistance")
class WarningController {

    private final WarningExchange exchange;
    private final WarningConfirmations confirmations;

    WarningController(WarningExchange exchange, WarningConfirmations confirmations) {
        this.exchange = exchange;
        this.confirmations = confirmations;
    }

    /** @param income the household's income of the year, yuan (more than zero, at most 999,999,999,999.99, two decimals) */
    record Income(@NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal income) {
    }

    @PutMapping("/persons/{personId}/household-income/{year}")
    Income householdIncome(@PathVariable String personId, @PathVariable int year, @Valid @RequestBody Income body) {
        exchange.householdIncome(RequestParameters.person(personId), RequestParameters.year(year), body.income());
        return body;
    }

    /** The month's poverty-risk warnings for the rural-revitalization department (CSV). */
    @GetMapping("/poverty-warnings/export")
    void export(@RequestParam String month, HttpServletResponse response) throws IOException {
        YearMonth m = RequestParameters.month(month);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        exchange.export(m, response.getWriter());
    }

    /** The department's feedback; confirmed people are brought into assistance. */
    @PostMapping(path = "/poverty-warnings/feedback", consumes = {"text/csv", "text/plain"})
    WarningExchange.FeedbackReport feedback(HttpServletRequest request, CallerIdentity caller) throws IOException {
        return exchange.feedback(request.getInputStream(), request.getContentType(), caller.clientId());
    }

    /**
     * The dual warnings, the oldest raised first: of the month they were raised in (Beijing time, as the export)
     * when given, in one status when given; {@code limit} 1-200, {@code offset} from 0.
     */
    @GetMapping("/poverty-warnings")
    PovertyWarning.Page warnings(@RequestParam(required = false) String month, @RequestParam Optional<WarningStatus> status,
                                 @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        Optional<YearMonth> m = Optional.ofNullable(month).map(RequestParameters::month);
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative");
        }
        return confirmations.page(m, status, limit, offset);
    }

    /** A person's dual warnings, by year. */
    @GetMapping("/persons/{personId}/poverty-warnings")
    List<PovertyWarning> ofPerson(@PathVariable String personId) {
        return confirmations.ofPerson(RequestParameters.person(personId));
    }

    /**
     * An officer's answer on one warning: confirmed (the person is brought into assistance, as by the
     * department's feedback file) or not. The confirmer is the caller (the token), never the body.
     *
     * @param note the officer's note, at most 500 characters
     */
    record Confirmation(@NotNull Boolean confirmed, @Size(max = 500) String note) {
    }

    /** 404 for an unknown warning, 409 for one answered before (by this call or the feedback file). */
    @PostMapping("/poverty-warnings/{warningId}/confirmation")
    PovertyWarning confirm(@PathVariable UUID warningId, @Valid @RequestBody Confirmation body, CallerIdentity caller) {
        return confirmations.confirm(warningId, body.confirmed(), body.note(), caller.clientId());
    }
}
