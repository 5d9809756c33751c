package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * 死亡后就医 (冒名就医): treatment served after the person's registered death; the whole claim is in
 * violation; a stay counts from its admission (a patient who died in hospital is discharged after the death).
 * A death registered late flags the claims already kept (SmartAuditService).
 */
@Component
class ClaimAfterDeath implements RuleType<ClaimAfterDeath.Params> {

    record Params() {
    }

    @Override
    public String name() {
        return "CLAIM_AFTER_DEATH";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        return in.dateOfDeath().filter(death -> in.claim().stayStart().isAfter(death))
                .map(death -> List.of(Hit.whole(in.claim(), List.of(), "served on " + in.claim().serviceDate()
                        + ", after the person's registered death on " + death)))
                .orElse(List.of());
    }
}
