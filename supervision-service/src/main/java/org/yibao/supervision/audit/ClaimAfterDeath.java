package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 死亡后就医 (冒名就医, 假病人): treatment served after the person's registered death, the whole claim
 * at risk. Checked as a claim is settled, and again over the claims already kept when a death is
 * registered late.
 */
@Component
class ClaimAfterDeath implements ClaimRule {

    @Override
    public AuditRule rule() {
        return AuditRule.CLAIM_AFTER_DEATH;
    }

    @Override
    public List<Finding> check(ClaimUnderAudit claim) {
        ClaimSettled c = claim.claim();
        return claim.dateOfDeath().flatMap(death -> check(c.serviceDate(), c.amounts().total(), death)).stream().toList();
    }

    /** The finding on a claim served on {@code served} for {@code total}, when that is after {@code death}. */
    static Optional<Finding> check(LocalDate served, Money total, LocalDate death) {
        if (!served.isAfter(death)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(AuditRule.CLAIM_AFTER_DEATH, List.of(), total,
                "treatment on " + served + " after the death registered on " + death));
    }
}
