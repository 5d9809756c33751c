package org.yibao.enrollment.filing;

import org.yibao.web.problem.ConflictException;

import java.util.UUID;

/**
 * Whether a remote-treatment filing is in force or cancelled (stored as its cancellation time, none
 * while in force), and the one step between: a filing is cancelled once.
 */
enum FilingState {
    IN_FORCE,
    CANCELLED;

    /** The cancellation of a filing: 409 when it was cancelled before. */
    FilingState cancel(UUID filingId) {
        if (this == CANCELLED) {
            throw new ConflictException("filing " + filingId + " was already cancelled");
        }
        return CANCELLED;
    }
}
