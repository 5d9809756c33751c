package org.yibao.care.assessment;

import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An application for long-term care (长期护理保险待遇申请), with its disability assessment (失能评估) and
 * the decision on it.
 *
 * @param regionCode      the region of the person's enrollment on the day applied
 * @param setting         the care wanted: HOME (居家) or INSTITUTION (机构)
 * @param institutionCode the care institution chosen for INSTITUTION care; null for HOME
 * @param filedBy         the care officer who took the application (token)
 * @param benefitId       the benefit a reassessment is for, or the benefit an approval granted; null otherwise
 * @param assessment      the assessment, once recorded
 * @param decision        the decision, once made
 */
public record Application(UUID applicationId, String personId, String regionCode, ApplicationKind kind, CareSetting setting,
                          String institutionCode, LocalDate appliedOn, ApplicationState status, String filedBy, UUID benefitId,
                          Assessment assessment, Decision decision) {

    /**
     * A disability assessment: the scale's item scores, their total and the care level it gives.
     *
     * @param assessedBy the assessor (失能评估员), from the token
     * @param assessedOn the day of the assessment; a reassessment's level applies from it
     */
    public record Assessment(String scale, Map<String, Integer> scores, int totalScore, CareLevel level, LocalDate assessedOn,
                             String assessedBy) {
    }

    /** @param decidedBy the care officer who decided (token), never the assessor */
    public record Decision(boolean approved, LocalDate decidedOn, String decidedBy, String reason) {
    }

    Application assessed(Assessment a) {
        return new Application(applicationId, personId, regionCode, kind, setting, institutionCode, appliedOn,
                status.assess(applicationId), filedBy, benefitId, a, decision);
    }

    Application decided(Decision d, UUID benefit) {
        return new Application(applicationId, personId, regionCode, kind, setting, institutionCode, appliedOn,
                status.decide(applicationId, d.approved()), filedBy, benefit, assessment, d);
    }
}
