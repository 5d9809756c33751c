package org.yibao.supervision.audit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;
import org.yibao.supervision.rules.ClaimFacts;
import org.yibao.supervision.rules.RuleFinding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings of one kind on one claim become one violation: every line counted once, at most the claim's total. */
class MergeTest {

    private static final ClaimFacts CLAIM = new ClaimFacts("S-1", "441702196001011010", "H1", "441700", 2026,
            VisitType.GENERAL_OUTPATIENT, LocalDate.of(2026, 3, 1), null, null, false, null, List.of("M54.5"), List.of(),
            Money.of("80.00"), List.of(line(1), line(2), line(3), line(4)));

    private static ClaimFacts.Line line(int no) {
        return new ClaimFacts.Line(no, "S" + no, null, ItemCategory.SERVICE, ItemClass.A, BigDecimal.ONE, Price.of("20.00"),
                Money.of("20.00"), Money.ZERO, null);
    }

    private static RuleFinding finding(String id, Severity severity, List<Integer> lines, String amount) {
        return new RuleFinding(id, id, AuditRule.SPLIT_BILLING, severity, CLAIM, lines, List.of(), Money.of(amount), id + " found");
    }

    @Test
    void linesAreCountedOnceAndTheSurestSeverityWins() {
        List<SmartAuditService.Merged> merged = SmartAuditService.merge(List.of(finding("SB-01", Severity.SUSPECT, List.of(1, 2), "40.00"),
                finding("SB-02", Severity.VIOLATION, List.of(2, 3), "40.00"), finding("SB-03", Severity.SUSPECT, List.of(3), "20.00")));

        assertThat(merged).singleElement().satisfies(m -> {
            // SB-01 counts lines 1 and 2 (40.00); SB-02 would count line 2 again: nothing; SB-03 adds line 3 (20.00)
            assertThat(m.amount()).isEqualTo(Money.of("60.00"));
            assertThat(m.ruleIds()).containsExactly("SB-01", "SB-02", "SB-03");
            assertThat(m.severity()).isEqualTo(Severity.VIOLATION);
            assertThat(m.evidence()).hasSize(3);
        });
    }

    @Test
    void aWholeClaimFindingIsTheClaimsTotal() {
        assertThat(SmartAuditService.merge(List.of(finding("SB-01", Severity.SUSPECT, List.of(1), "20.00"),
                finding("SB-02", Severity.SUSPECT, List.of(), "80.00")))).singleElement()
                .satisfies(m -> assertThat(m.amount()).isEqualTo(Money.of("80.00")));
    }
}
