package org.yibao.settlement.accumulator;

import org.yibao.contracts.events.Scheme;
import org.yibao.settlement.adjudication.Accumulators;

/** A person's accumulators (年度累计) for a year, under the scheme they are enrolled in that year. */
public record YearAccumulators(int year, Scheme scheme, Accumulators accumulators) {
}
