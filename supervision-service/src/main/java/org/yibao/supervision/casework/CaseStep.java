package org.yibao.supervision.casework;

/**
 * A step of a case, as its audit trail names it, with the status it needs and the status it leads
 * to: the only transitions a case has.
 */
enum CaseStep {
    /** clues become a case; the one step without a status before it */
    OPENED(null, CaseStatus.INVESTIGATING, CaseRole.INVESTIGATOR),
    FINDINGS(CaseStatus.INVESTIGATING, CaseStatus.DECIDING, CaseRole.INVESTIGATOR),
    DECISION(CaseStatus.DECIDING, CaseStatus.REVIEWING, CaseRole.DECIDER),
    /** the reviewer sends the decision back to be decided again */
    RETURNED(CaseStatus.REVIEWING, CaseStatus.DECIDING, CaseRole.REVIEWER),
    /** the reviewer approves the decision: it takes effect and the case closes */
    APPROVED(CaseStatus.REVIEWING, CaseStatus.CLOSED, CaseRole.REVIEWER);

    private final CaseStatus from;
    private final CaseStatus to;
    private final CaseRole role;

    CaseStep(CaseStatus from, CaseStatus to, CaseRole role) {
        this.from = from;
        this.to = to;
        this.role = role;
    }

    /** The status a case must have for this step. */
    CaseStatus from() {
        return from;
    }

    /** The status the step leaves the case in. */
    CaseStatus to() {
        return to;
    }

    /** The role that takes the step. */
    CaseRole role() {
        return role;
    }
}
