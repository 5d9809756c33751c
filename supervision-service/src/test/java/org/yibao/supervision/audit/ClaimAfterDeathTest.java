package org.yibao.supervision.audit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.supervision.audit.Claims.DAY;
import static org.yibao.supervision.audit.Claims.claim;
import static org.yibao.supervision.audit.Claims.line;

class ClaimAfterDeathTest {

    private final ClaimAfterDeath rule = new ClaimAfterDeath();
    private final ClaimSettled served = claim("S-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("J18.9"),
            line("S120100001", "40.00"), line("S250101001", "30.00"));

    @Test
    void treatmentTheDayAfterTheRegisteredDeathPutsTheWholeClaimAtRisk() {
        List<Finding> found = rule.check(new ClaimUnderAudit(served, Optional.of(DAY.minusDays(1)), List.of()));

        assertThat(found).containsExactly(new Finding(AuditRule.CLAIM_AFTER_DEATH, List.of(), Money.of("70.00"),
                "treatment on 2026-03-20 after the death registered on 2026-03-19"));
        assertThat(rule.rule()).isEqualTo(AuditRule.CLAIM_AFTER_DEATH);
    }

    @Test
    void treatmentOnTheDayOfDeathOrBeforeItOrWithoutADeathIsNot() {
        assertThat(rule.check(new ClaimUnderAudit(served, Optional.of(DAY), List.of()))).isEmpty();
        assertThat(rule.check(new ClaimUnderAudit(served, Optional.of(DAY.plusDays(1)), List.of()))).isEmpty();
        assertThat(rule.check(new ClaimUnderAudit(served, Optional.empty(), List.of()))).isEmpty();
    }

    @Test
    void aDeathRegisteredLateJudgesAKeptClaimTheSameWay() {
        assertThat(ClaimAfterDeath.check(DAY, Money.of("70.00"), DAY.minusDays(1))).contains(new Finding(
                AuditRule.CLAIM_AFTER_DEATH, List.of(), Money.of("70.00"),
                "treatment on 2026-03-20 after the death registered on 2026-03-19"));
        assertThat(ClaimAfterDeath.check(DAY, Money.of("70.00"), DAY)).isEmpty();
    }
}
