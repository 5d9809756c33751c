package org.yibao.contracts.events;

import org.yibao.contracts.money.Money;

import java.util.Objects;

/**
 * The annual medical-assistance limit (医疗救助年度救助限额) that settlement applied to one bill, as the
 * policy pack in force states it for the person's assistance category. Settlement's pack is the only
 * owner of this fact; assistance-service shows it from here and keeps no copy.
 *
 * @param category    the person's assistance category on the bill's service date
 * @param annualLimit the most medical assistance pays the person in the year, yuan (scale 2)
 * @param remaining   what was left of it after this bill, yuan (scale 2; never negative)
 */
public record AssistanceLimit(AssistanceCategory category, Money annualLimit, Money remaining) {

    public AssistanceLimit {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(annualLimit, "annualLimit");
        Objects.requireNonNull(remaining, "remaining");
        if (annualLimit.isNegative() || remaining.isNegative() || remaining.compareTo(annualLimit) > 0) {
            throw new IllegalArgumentException("remaining must lie between 0 and the annual limit");
        }
    }
}
