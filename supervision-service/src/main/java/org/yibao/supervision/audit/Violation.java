package org.yibao.supervision.audit;

import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding of the smart audit as the auditors list it.
 *
 * @param related     the other claims involved
 * @param personId    masked
 * @param serviceDate when the claim was served
 */
record Violation(UUID id, AuditRule rule, String settlementId, List<String> related, String personId, String institution,
                 LocalDate serviceDate, Money amountAtRisk, String evidence) {
}
