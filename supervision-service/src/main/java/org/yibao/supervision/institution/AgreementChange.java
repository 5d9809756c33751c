package org.yibao.supervision.institution;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.yibao.contracts.events.AgreementStatus;

import java.util.Date;

/**
 * One agreement decision in an institution's history, with the JSON names and formats its answer
 * has always had: snake_case; {@code effective_from} and {@code decided_at} as JDBC gave them
 * ({@link Date}: UTC to the millisecond, a date at midnight in the service's zone).
 *
 * @param previousStatus null for the agreement's signing
 */
public record AgreementChange(@JsonProperty("previous_status") AgreementStatus previousStatus, AgreementStatus status,
                              @JsonProperty("effective_from") Date effectiveFrom, String reason,
                              @JsonProperty("decided_by") String decidedBy, @JsonProperty("decided_at") Date decidedAt) {
}
