package org.yibao.supervision.rules;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AuditRule;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule library is data, checked at load: a refusal names the entry and the field. */
class RuleLibraryTest {

    private static final RuleLibrary NONE = new RuleLibrary("none", List.of(), Bills.types());

    @Test
    void theShippedLibraryLoadsWithEveryTypeAndKindUsed() {
        RuleLibrary library = Bills.shippedLibrary();

        assertThat(library.version()).isEqualTo("2026.1");
        assertThat(library.entries()).extracting(e -> e.type().name()).containsAll(library.typeNames());
        Set<AuditRule> kinds = library.entries().stream().map(RuleEntry::kind).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(AuditRule.values());
        assertThat(library.entries()).allSatisfy(e -> assertThat(e.basis()).isNotBlank());
        assertThat(library.entry("SH-01")).get().satisfies(e -> assertThat(e.exemptions())
                .containsExactlyInAnyOrder(Exemption.PLANNED_TREATMENT, Exemption.EMERGENCY));
    }

    @Test
    void refusalsNameTheEntryAndTheField() {
        String entry = """
                version: t
                rules:
                  - id: SB-09
                    name: test
                    kind: SPLIT_BILLING
                    type: %s
                    scenes: [OUTPATIENT]
                    stages: [AFTER]
                    severity: SUSPECT
                    basis: ASSUMPTION
                    parameters: %s
                """;
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("SAME_DAY", "{}")))
                .hasMessageStartingWith("f.yml: rules[0] (SB-09).type: \"SAME_DAY\" is not a rule type");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("SAME_DAY_BILLS", "{ visitTypes: [GENERAL_OUTPATIENT], windowDays: 0, days: 1 }")))
                .hasMessageContaining("f.yml: rules[0] (SB-09).parameters.days: is not a known field");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("SAME_DAY_BILLS", "{ visitTypes: [GENERAL_OUTPATIENT], windowDays: 31 }")))
                .hasMessageContaining("rules[0] (SB-09).parameters").hasMessageContaining("windowDays must be 0 to 30");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("SAME_DAY_BILLS", "{ visitTypes: [OUTPATIENT], windowDays: 0 }")))
                .hasMessageContaining("parameters.visitTypes[0]").hasMessageContaining("OUTPATIENT");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("LINE_QUANTITY", "{ maxQuantity: \"300\" }")))
                .hasMessageContaining("parameters.maxQuantity");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("SAME_DAY_BILLS", "[1, 2]")))
                .hasMessageContaining("rules[0] (SB-09).parameters").hasMessageNotContaining("org.yibao").hasMessageNotContaining("java.");
        assertThatThrownBy(() -> NONE.parse("f.yml", "---")).hasMessage("f.yml: is empty");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("REPEATED_ITEM", "{}").replace("    basis: ASSUMPTION\n", "")))
                .hasMessageContaining("rules[0] (SB-09).basis: is required");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("REPEATED_ITEM", "{}") + entry.formatted("REPEATED_ITEM", "{}")
                .replace("version: t\nrules:\n", "")))
                .hasMessageContaining("rules[1] (SB-09).id: is used by an earlier rule");
        assertThatThrownBy(() -> NONE.parse("f.yml", entry.formatted("REPEATED_ITEM", "{}").replace("scenes:", "scenes: [INPATIENT]\n    scenes:")))
                .hasMessageContaining("is repeated");
    }

    @Test
    void anEntryParsedIsReadyToRun() {
        RuleLibrary.Parsed parsed = NONE.parse("f.yml", """
                version: candidate
                rules:
                  - id: SU-02
                    name: 累计超量开药（收紧）
                    kind: EXCESSIVE_SUPPLY
                    type: CUMULATIVE_SUPPLY
                    scenes: [PHARMACY]
                    stages: [AFTER]
                    severity: SUSPECT
                    enabled: false
                    basis: ASSUMPTION, a candidate
                    parameters: { windowDays: 90, maxHoldDays: 60 }
                """);
        assertThat(parsed.entries()).singleElement().satisfies(e -> {
            assertThat(e.enabled()).isFalse();
            assertThat(e.parameters()).isEqualTo(new CumulativeSupply.Params(90, 60));
            assertThat(e.historyDays()).isEqualTo(90);
        });
    }
}
