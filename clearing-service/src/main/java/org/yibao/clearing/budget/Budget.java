package org.yibao.clearing.budget;

import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * A year's allocation (年度预算总额) of a scheme's basic pooling fund to one institution, in yuan; the
 * highest version is in force, earlier ones are kept.
 */
public record Budget(String institutionCode, int year, Scheme scheme, int version, Money annualAllocation,
                     String setBy, Instant setAt) {
}
