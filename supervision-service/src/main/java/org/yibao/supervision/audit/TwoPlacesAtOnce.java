package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.VisitType;

import java.util.List;

/**
 * 同时两地就医: the person is an inpatient at another institution on the same day; the whole claim
 * is at risk, the other stay is named.
 */
@Component
class TwoPlacesAtOnce implements ClaimRule {

    @Override
    public AuditRule rule() {
        return AuditRule.TWO_PLACES_AT_ONCE;
    }

    @Override
    public List<Finding> check(ClaimUnderAudit claim) {
        ClaimSettled c = claim.claim();
        if (c.visitType() != VisitType.INPATIENT) {
            return List.of();
        }
        return claim.recentStays().stream()
                .filter(other -> other.serviceDate().equals(c.serviceDate()) && !other.institution().equals(c.institutionCode()))
                .map(other -> new Finding(AuditRule.TWO_PLACES_AT_ONCE, List.of(other.settlementId()), c.amounts().total(),
                        "inpatient at " + c.institutionCode() + " and at " + other.institution() + " on " + c.serviceDate()))
                .toList();
    }
}
