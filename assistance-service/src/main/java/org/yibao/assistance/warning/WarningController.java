package org.yibao.assistance.warning;

import org.yibao.web.problem.RequestParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/** Household incomes and the poverty-risk exchange with the rural-revitalization department, at {@code /api/assistance}. */
@RestController
@RequestMapping("/api/assistance")
class WarningController {

    private final WarningExchange exchange;

    WarningController(WarningExchange exchange) {
        this.exchange = exchange;
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
    WarningExchange.FeedbackReport feedback(HttpServletRequest request) throws IOException {
        return exchange.feedback(request.getInputStream(), request.getContentType());
    }
}
