package org.yibao.care.assessment;

import org.yibao.web.problem.ConflictException;

import java.util.UUID;

/**
 * Where an application for long-term care stands (stored by its name): applied (OPEN), assessed
 * (ASSESSED, 已评估), then decided once (APPROVED or REFUSED).
 */
public enum ApplicationState {
    /** applied for, not assessed yet (已受理) */
    OPEN,
    /** a disability assessment is recorded, the decision is pending */
    ASSESSED,
    APPROVED,
    REFUSED;

    /** The assessment of an open application: 409 once it was assessed or decided. */
    ApplicationState assess(UUID id) {
        if (this != OPEN) {
            throw new ConflictException("application " + id + " is " + this + "; only an open application is assessed");
        }
        return ASSESSED;
    }

    /** The decision on an assessed application: 409 when not assessed yet or already decided. */
    ApplicationState decide(UUID id, boolean approved) {
        if (this != ASSESSED) {
            throw new ConflictException("application " + id + " is " + this + "; only an assessed application is decided");
        }
        return approved ? APPROVED : REFUSED;
    }
}
