package org.yibao.supervision.inspection;

import org.yibao.web.problem.InvalidRequestException;

/** What an inspection found (stored by name). */
enum InspectionFinding {
    CLEAN,
    VIOLATION;

    /** The finding of this name; refuses (400, naming the field {@code finding}) any other. */
    static InspectionFinding of(String name) {
        for (InspectionFinding f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new InvalidRequestException("finding", "must be CLEAN or VIOLATION");
    }
}
