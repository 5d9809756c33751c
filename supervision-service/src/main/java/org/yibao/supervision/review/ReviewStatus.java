package org.yibao.supervision.review;

/**
 * Where a claim review stands: OPEN in the queue, DECIDED once by a reviewer, or WITHDRAWN because its claim was
 * reversed before anyone decided it (the funds paid nothing in the end). A decided review stays decided.
 */
public enum ReviewStatus {
    OPEN, DECIDED, WITHDRAWN;

    /** Only an open review may be decided or withdrawn. */
    boolean canBeDecided() {
        return this == OPEN;
    }
}
