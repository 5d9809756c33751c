package org.yibao.enrollment.contribution;

import org.yibao.contracts.money.Money;

import java.util.Optional;

/** A premium subsidy (参保资助): the whole contribution, or a fixed amount of it. */
public record Subsidy(boolean full, Optional<Money> amount) {

    public static Subsidy inFull() {
        return new Subsidy(true, Optional.empty());
    }

    public static Subsidy fixed(Money amount) {
        return new Subsidy(false, Optional.of(amount));
    }

    /** What the subsidy pays of a contribution: never more than the contribution. */
    public Money paidOf(Money contribution) {
        return full ? contribution : amount.orElseThrow().min(contribution);
    }
}
