package org.yibao.contracts.events;

/** Where a chronic/special-disease certification (门诊慢特病认定) stands. */
public enum CertificationStatus {
    /** applied, not decided yet */
    PENDING,
    APPROVED,
    REJECTED,
    /** withdrawn by the bureau before its end */
    REVOKED
}
