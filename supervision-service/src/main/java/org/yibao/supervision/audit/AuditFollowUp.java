package org.yibao.supervision.audit;

import org.yibao.supervision.rules.ClaimFacts;

import java.time.Instant;

/**
 * What else happens, in the audit's own transaction, when the smart audit keeps a finding, audits a claim or
 * sees a claim reversed: claim review (病例审核) queues and withdraws reviews through it, so a finding is never
 * stored without its claim being queued.
 */
public interface AuditFollowUp {

    /** A finding was stored on the claim (a claim kept now or earlier). */
    void flagged(String settlementId);

    /** A settled claim was kept and audited, after the findings on it were stored. */
    void audited(ClaimFacts claim);

    /** A claim was reversed in full. */
    void reversed(String settlementId, Instant at);
}
