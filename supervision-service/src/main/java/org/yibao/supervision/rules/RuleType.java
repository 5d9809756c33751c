package org.yibao.supervision.rules;

import java.util.List;

/**
 * A kind of rule as code (规则类型), with its parameters as a record: the rule library's entries
 * (规则, data) each name a type and give its parameters. A type's parameters record checks its own
 * values in its constructor (an {@link IllegalArgumentException} names the parameter) and refuses
 * unknown keys; the library is refused at load when an entry's parameters do not fit.
 *
 * @param <P> the parameters' record
 */
public interface RuleType<P> {

    /** The name entries use, e.g. "SAME_DAY_BILLS". */
    String name();

    Class<P> parameters();

    /** How many days of the person's other claims, before and after the service date, the rule reads. */
    default int historyDays(P parameters) {
        return 0;
    }

    /**
     * Whether the rule also protects the patient's own money: then a finding on lines the patient paid
     * whole is kept after settlement (overcharging, charging twice). Otherwise such a finding cost the
     * funds nothing and is dropped after settlement (it still tells the hospital before it settles).
     */
    default boolean concernsSelfPay() {
        return false;
    }

    /** What the rule finds, in order; empty when the claim is clean of it. */
    List<Hit> check(RuleInput input, P parameters);
}
