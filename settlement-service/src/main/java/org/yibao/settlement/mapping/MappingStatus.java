package org.yibao.settlement.mapping;

import java.util.Set;

/**
 * Where an institution's mapping of its own code stands (目录对照审核状态): submitted by the institution,
 * approved or rejected by the bureau, revoked by the institution (3302). Only an approved mapping lets a
 * fee line through.
 */
public enum MappingStatus {
    SUBMITTED, APPROVED, REJECTED, REVOKED;

    /** Whether the bureau's review may move a mapping from this state to {@code next}. */
    public boolean mayBecome(MappingStatus next) {
        return switch (this) {
            case SUBMITTED -> Set.of(APPROVED, REJECTED, REVOKED).contains(next);
            case APPROVED -> next == REVOKED;
            case REJECTED, REVOKED -> next == SUBMITTED;
        };
    }
}
