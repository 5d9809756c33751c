package org.yibao.clearing.budget;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

/** Budgets (总额预算), behind the gateway at {@code /api/clearing}. */
@RestController
@RequestMapping("/api/clearing")
class BudgetController {

    private final BudgetService budgets;

    BudgetController(BudgetService budgets) {
        this.budgets = budgets;
    }

    /**
     * A year's allocation of a scheme's basic pooling fund to an institution.
     *
     * @param annualAmount the year's allocation (年度预算总额), yuan, more than 0
     */
    record SetBudget(@NotBlank @Pattern(regexp = "[A-Z0-9]{4,32}", message = "must be 4 to 32 capital letters or digits") String institutionCode,
                     @NotNull @Min(2000) @Max(2100) Integer year,
                     @NotNull Scheme scheme,
                     @NotNull Money annualAmount) {
    }

    /** Sets a new version of the budget; the one in force before is kept as an earlier version. */
    @PostMapping("/budgets")
    @ResponseStatus(HttpStatus.CREATED)
    Budget set(@Valid @RequestBody SetBudget r, CallerIdentity caller) {
        if (!r.annualAmount().isPositive()) {
            throw new InvalidRequestException("annualAmount", "must be more than 0");
        }
        return budgets.set(r.institutionCode(), r.year(), r.scheme(), r.annualAmount(), caller);
    }
}
