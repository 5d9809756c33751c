package org.yibao.clearing.budget;

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
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.owed.OwedService;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RefusedException;

import java.util.List;
import java.util.Map;

/** Budgets (总额预算), behind the gateway at {@code /api/clearing}. */
@RestController
@RequestMapping("/api/clearing")
class BudgetController {

    /** The largest amount the ledger holds (numeric(14,2)), yuan. */
    static final Money MAX = Money.of("999999999999.99");

    private final BudgetService budgets;
    private final OwedService owed;

    BudgetController(BudgetService budgets, OwedService owed) {
        this.budgets = budgets;
        this.owed = owed;
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

    /**
     * A scheme's year budget to allocate to a region's institutions by history.
     *
     * @param regionCode the pooling region (6 digits; a city's code covers its districts and counties): the institutions
     *                   whose own region lies in it
     * @param amount     the scheme's basic pooling fund budget of the year for those institutions (年度基金预算), yuan, more
     *                   than 0
     * @param basisYear  the year whose owed is the history (before {@code year})
     */
    record AllocateBudget(@NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative division code") String regionCode,
                          @NotNull @Min(2000) @Max(2100) Integer year,
                          @NotNull Scheme scheme,
                          @NotNull Money amount,
                          @NotNull @Min(2000) @Max(2100) Integer basisYear) {
    }

    /** What an allocation made: each institution's history, share and allocation (a new budget version). */
    record Allocation(String regionCode, int year, Scheme scheme, Money amount, int basisYear, List<BudgetService.Allocated> allocations) {
    }

    /**
     * Allocates the year's budget of a scheme to the region's institutions by their basis year's owed (按历史数据分配): the
     * allocations add up to the budget to the fen (201). 422 naming {@code basisYear} when it is not before the year or
     * nothing was owed then.
     */
    @PostMapping("/budgets/allocations")
    @ResponseStatus(HttpStatus.CREATED)
    Allocation allocate(@Valid @RequestBody AllocateBudget r, CallerIdentity caller) {
        if (!r.amount().isPositive() || r.amount().compareTo(MAX) > 0) {
            throw new InvalidRequestException("amount", "must be more than 0 and at most " + MAX);
        }
        if (r.basisYear() >= r.year()) {
            throw new RefusedException("basisYear: must be before the year allocated (" + r.year() + "): " + r.basisYear());
        }
        Map<String, Money> history = owed.owedInYear(r.regionCode(), Fund.pooling(r.scheme()), r.basisYear());
        return new Allocation(r.regionCode(), r.year(), r.scheme(), r.amount(), r.basisYear(),
                budgets.allocate(r.year(), r.scheme(), r.amount(), r.basisYear(), history, caller));
    }

    /**
     * The year's budget use (预算执行进度) of a region's institutions: each budget in force, what its scheme's basic pooling
     * fund owes the institution so far and the percent used, beside the part of the year gone (200). 400 naming
     * {@code year} or {@code regionCode} when malformed.
     */
    @GetMapping("/budgets/{year}/use")
    BudgetUse use(@PathVariable String year, @RequestParam String regionCode) {
        if (year == null || !year.matches("20[0-9]{2}|2100")) {
            throw new InvalidRequestException("year", "must be a year from 2000 to 2100");
        }
        if (regionCode == null || !regionCode.matches("[0-9]{6}")) {
            throw new InvalidRequestException("regionCode", "must be a 6-digit administrative division code");
        }
        return budgets.use(regionCode, Integer.parseInt(year));
    }

    /** Sets a new version of the budget; the one in force before is kept as an earlier version. */
    @PostMapping("/budgets")
    @ResponseStatus(HttpStatus.CREATED)
    Budget set(@Valid @RequestBody SetBudget r, CallerIdentity caller) {
        if (!r.annualAmount().isPositive() || r.annualAmount().compareTo(MAX) > 0) {
            throw new InvalidRequestException("annualAmount", "must be more than 0 and at most " + MAX);
        }
        return budgets.set(r.institutionCode(), r.year(), r.scheme(), r.annualAmount(), caller);
    }
}
