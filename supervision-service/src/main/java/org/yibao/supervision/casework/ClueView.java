package org.yibao.supervision.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A clue as the clue list shows it.
 *
 * @param violationId the smart audit's violation the clue came from (source RULE), if any
 * @param caseId      the case that uses the clue, once one does
 */
public record ClueView(UUID clueId, CaseRequests.ClueSource source, String institutionCode, String description,
                       UUID violationId, Instant receivedAt, UUID caseId) {
}
