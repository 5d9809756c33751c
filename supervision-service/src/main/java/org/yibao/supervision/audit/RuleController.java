package org.yibao.supervision.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rule library for the auditors, at {@code /api/supervision/rules}: its entries, each rule's
 * monthly hits and confirmed precision, backtests; and a reviewer's outcome on a finding at
 * {@code /api/supervision/violations/{id}/review} (the reviewer from the token, never the body).
 */
@RestController
@RequestMapping("/api/supervision")
class RuleController {

    private final RuleReports reports;

    RuleController(RuleReports reports) {
        this.reports = reports;
    }

    @GetMapping("/rules")
    RuleReports.Library rules() {
        return reports.library();
    }

    @GetMapping("/rules/report")
    List<RuleReports.RuleMonths> report(@RequestParam int year) {
        RequestParameters.year(year);
        return reports.report(year);
    }

    /**
     * @param ruleId    the library's entry to run (optional)
     * @param candidate candidate entries in the library's YAML format (optional; at most 200,000 characters)
     */
    record BacktestRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 40) String ruleId,
                           @Size(max = 200_000) String candidate) {
    }

    @PostMapping("/rules/backtests")
    RuleReports.Backtest backtest(@Valid @RequestBody BacktestRequest r) {
        return reports.backtest(r.from(), r.to(), r.ruleId(), r.candidate());
    }

    /**
     * @param outcome CONFIRMED or DISMISSED
     * @param note    why, at most 500 characters
     */
    record ViolationReview(@NotNull Violation.Review outcome, @Size(max = 500) String note) {
    }

    @PostMapping("/violations/{id}/review")
    Violation review(@PathVariable UUID id, @Valid @RequestBody ViolationReview r, CallerIdentity caller) {
        if (r.outcome() == Violation.Review.WITHDRAWN) {
            throw new InvalidRequestException("outcome", "must be CONFIRMED or DISMISSED: a finding is withdrawn by its claim's reversal");
        }
        return reports.review(id, r.outcome(), r.note(), caller.clientId());
    }
}
