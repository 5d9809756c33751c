package org.yibao.supervision.audit;

import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A finding of the smart audit as the auditors list it.
 *
 * @param rule         the kind of violation
 * @param ruleId       the rule library's entries that found it, comma-separated
 * @param related      the other claims involved
 * @param personId     masked
 * @param serviceDate  when the claim was served
 * @param amountAtRisk yuan in violation
 * @param review       CONFIRMED or DISMISSED by a reviewer; null while open
 * @param reviewedBy   the reviewer (from their token); null while open
 */
public record Violation(UUID id, AuditRule rule, String ruleId, Severity severity, String settlementId, List<String> related,
                 String personId, String institution, LocalDate serviceDate, Money amountAtRisk, String evidence,
                 Review review, String reviewedBy, Instant reviewedAt, String reviewNote) {

    /**
     * What became of a finding: a reviewer's outcome (CONFIRMED, DISMISSED), or WITHDRAWN when its claim
     * was reversed in full before anyone reviewed it (the funds paid nothing in the end).
     */
    public enum Review { CONFIRMED, DISMISSED, WITHDRAWN }
}
