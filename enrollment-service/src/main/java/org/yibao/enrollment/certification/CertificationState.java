package org.yibao.enrollment.certification;

import org.yibao.contracts.events.CertificationStatus;
import org.yibao.web.problem.ConflictException;

import java.util.UUID;

/**
 * Where a chronic/special-disease certification stands (stored by its name), and the steps it allows:
 * a pending application is decided once, approved or rejected; an approval is revoked, and a pending
 * application withdrawn.
 */
public enum CertificationState {
    /** applied, not decided yet */
    PENDING,
    APPROVED,
    REJECTED,
    /** revoked by the bureau before its end, or withdrawn while pending */
    REVOKED;

    /** The decision on an application: 409 once it was decided. */
    CertificationState decide(UUID certificationId, boolean approved) {
        if (this != PENDING) {
            throw new ConflictException("certification " + certificationId + " was already decided: " + this);
        }
        return approved ? APPROVED : REJECTED;
    }

    /** An approval revoked or a pending application withdrawn: 409 for a rejected or revoked one. */
    CertificationState revoke() {
        if (this != APPROVED && this != PENDING) {
            throw new ConflictException("only an approved or pending certification can be revoked; this one is " + this);
        }
        return REVOKED;
    }

    /** The state as CertificationChanged publishes it. */
    CertificationStatus published() {
        return CertificationStatus.valueOf(name());
    }
}
