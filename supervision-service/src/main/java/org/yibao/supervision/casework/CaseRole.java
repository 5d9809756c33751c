package org.yibao.supervision.casework;

/**
 * The roles of case work (查、处、审分离): one person takes the steps of one role in a case, never
 * those of another. Stored by name in the audit trail.
 */
enum CaseRole {
    INVESTIGATOR,
    DECIDER,
    REVIEWER
}
