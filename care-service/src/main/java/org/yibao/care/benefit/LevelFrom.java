package org.yibao.care.benefit;

import org.yibao.contracts.events.CareLevel;

import java.time.LocalDate;

/** A beneficiary's care level from a date on: the first assessment's, then each reassessment's (复评) from its date. */
public record LevelFrom(LocalDate from, CareLevel level) {
}
