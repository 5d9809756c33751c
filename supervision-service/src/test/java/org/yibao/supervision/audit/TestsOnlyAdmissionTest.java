package org.yibao.supervision.audit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.supervision.audit.Claims.DAY;
import static org.yibao.supervision.audit.Claims.alone;
import static org.yibao.supervision.audit.Claims.claim;
import static org.yibao.supervision.audit.Claims.inpatient;
import static org.yibao.supervision.audit.Claims.line;
import static org.yibao.supervision.audit.Claims.settings;

class TestsOnlyAdmissionTest {

    private final TestsOnlyAdmission rule = new TestsOnlyAdmission(settings(15, "S25", "S27"));

    @Test
    void anAdmissionWhoseEveryLineIsATestHasNoTreatment() {
        List<Finding> found = rule.check(alone(inpatient("S-1", "H1", DAY, List.of("R50.9"),
                line("S250301001", "60.00"), line("S270101001", "30.00"))));

        assertThat(found).containsExactly(new Finding(AuditRule.TESTS_ONLY_ADMISSION, List.of(), Money.of("90.00"),
                "an admission billed for tests only, no treatment (2 test lines)"));
        assertThat(rule.rule()).isEqualTo(AuditRule.TESTS_ONLY_ADMISSION);
    }

    @Test
    void oneTreatmentLineIsEnoughToBeClean() {
        assertThat(rule.check(alone(inpatient("S-1", "H1", DAY, List.of("R50.9"),
                line("S250301001", "60.00"), line("S120100001", "40.00"))))).isEmpty();
    }

    @Test
    void onlyAnAdmissionIsJudgedAndOneWithoutLinesIsNot() {
        assertThat(rule.check(alone(claim("S-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("R50.9"),
                line("S250301001", "60.00"))))).isEmpty();
        assertThat(rule.check(alone(inpatient("S-1", "H1", DAY, List.of("R50.9"))))).isEmpty();
    }

    @Test
    void withoutConfiguredTestPrefixesNothingIsATest() {
        assertThat(new TestsOnlyAdmission(settings(15)).check(alone(inpatient("S-1", "H1", DAY, List.of("R50.9"),
                line("S250301001", "60.00"))))).isEmpty();
    }
}
