package org.yibao.casemix.payment;

import jakarta.validation.constraints.NotNull;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.InvalidRequestException;

/**
 * A year's budget of a payment method (DIP or DRG), yuan: more than 0, a money amount's limit (999,999,999,999.99) at most.

 */
public record YearBudget(@NotNull Money budget) {

    /**
     * The budget, checked.
     *
     * @throws InvalidRequestException (400) naming {@code budget} when it is 0 or less
     */
    public Money positive() {
        if (!budget.isPositive()) {
            throw new InvalidRequestException("budget", "must be more than 0");
        }
        return budget;
    }
}
