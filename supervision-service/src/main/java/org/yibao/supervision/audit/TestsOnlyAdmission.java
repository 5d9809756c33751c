package org.yibao.supervision.audit;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.VisitType;

import java.util.List;

/**
 * 挂床住院/检查住院: an admission whose every line is a test (an item code starting with one of the
 * configured test prefixes) has no treatment; the whole claim is at risk.
 */
@Component
class TestsOnlyAdmission implements ClaimRule {

    private final List<String> testItemPrefixes;

    TestsOnlyAdmission(AuditSettings settings) {
        this.testItemPrefixes = settings.testItemPrefixes();
    }

    @Override
    public AuditRule rule() {
        return AuditRule.TESTS_ONLY_ADMISSION;
    }

    @Override
    public List<Finding> check(ClaimUnderAudit claim) {
        ClaimSettled c = claim.claim();
        if (c.visitType() != VisitType.INPATIENT || c.lines().isEmpty() || !c.lines().stream().map(ClaimLine::itemCode)
                .allMatch(code -> testItemPrefixes.stream().anyMatch(code::startsWith))) {
            return List.of();
        }
        return List.of(new Finding(AuditRule.TESTS_ONLY_ADMISSION, List.of(), c.amounts().total(),
                "an admission billed for tests only, no treatment (" + c.lines().size() + " test lines)"));
    }
}
