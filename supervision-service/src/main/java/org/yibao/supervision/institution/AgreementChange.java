package org.yibao.supervision.institution;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.yibao.contracts.events.AgreementStatus;

import java.time.LocalDate;
import java.util.Date;

/**
 * One agreement decision in an institution's history, with the JSON names and formats its answer
 * has always had: snake_case; {@code decided_at} as JDBC gave it ({@link Date}: UTC to the
 * millisecond). {@code effective_from} is a date ({@code 2019-01-01}): it was once midnight in the
 * server's zone written in UTC, the previous day on a server in Beijing time.
 *
 * @param previousStatus null for the agreement's signing
 */
public record AgreementChange(@JsonProperty("previous_status") AgreementStatus previousStatus, AgreementStatus status,
                              @JsonProperty("effective_from") LocalDate effectiveFrom, String reason,
                              @JsonProperty("decided_by") String decidedBy, @JsonProperty("decided_at") Date decidedAt) {
}
