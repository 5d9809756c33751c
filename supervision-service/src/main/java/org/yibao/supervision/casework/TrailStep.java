package org.yibao.supervision.casework;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Date;

/** One step of a case's audit trail: who took it, in which role, when ({@link Date}: UTC to the millisecond, as always answered). */
record TrailStep(CaseStep step, @JsonProperty("staff_id") String staffId, CaseRole role, String detail,
                 @JsonProperty("taken_at") Date takenAt) {
}
