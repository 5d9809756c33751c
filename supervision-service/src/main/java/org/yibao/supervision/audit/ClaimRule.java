package org.yibao.supervision.audit;

import org.yibao.contracts.events.AuditRule;

import java.util.List;

/**
 * A rule of the smart audit that needs more than the bill's own lines, one class per rule: the
 * catalog's price ceiling in force on the service date, a registered death, the person's other stays.
 * (The rules that fit one bill are {@link org.yibao.supervision.precheck.SingleBillRules}, shared with
 * the pre-check.) A new rule is a new class of this interface, named by a new {@link AuditRule}.
 */
interface ClaimRule {

    /** The rule this class checks: the one its findings carry. */
    AuditRule rule();

    /** What the rule finds on the claim, in order; empty when the claim is clean of it. */
    List<Finding> check(ClaimUnderAudit claim);
}
