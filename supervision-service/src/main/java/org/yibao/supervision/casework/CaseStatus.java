package org.yibao.supervision.casework;

/** Where a case stands (stored by name): investigated (查), decided (处), reviewed (审), closed. */
enum CaseStatus {
    INVESTIGATING,
    DECIDING,
    REVIEWING,
    CLOSED
}
