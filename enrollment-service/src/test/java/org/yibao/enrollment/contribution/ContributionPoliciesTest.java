package org.yibao.enrollment.contribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContributionPoliciesTest {

    private static final String VALID = """
            - region: "441700"
              fromYear: 2019
              residentContribution: "250.00"
              subsidies:
                EXTREME_POVERTY: FULL
                MINIMUM_LIVING: "30.00"
            """;

    @Test
    void theShippedFileLoadsAndACityPolicyCoversItsDistrictsFromItsYearOn() {
        ContributionPolicies policies = ContributionPolicies.loadFromClasspath();

        ContributionPolicy yangjiang = policies.inForce("441702", 2026).orElseThrow();

        assertThat(yangjiang.residentContribution()).isEqualTo(Money.of("250.00"));
        assertThat(yangjiang.subsidyFor(AssistanceCategory.EXTREME_POVERTY).orElseThrow().paidOf(Money.of("250.00")))
                .isEqualTo(Money.of("250.00"));
        assertThat(yangjiang.subsidyFor(AssistanceCategory.MINIMUM_LIVING).orElseThrow().paidOf(Money.of("250.00")))
                .isEqualTo(Money.of("30.00"));
        assertThat(policies.inForce("441702", 2018)).isEmpty();
        assertThat(policies.inForce("110105", 2026)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "region: \"441700\"|region: \"4417\"|[0].region: must be a 6-digit",
            "fromYear: 2019|fromYear: 1919|[0].fromYear: must be a year between 2000 and 2100",
            "residentContribution: \"250.00\"|residentContribution: 250.5|[0].residentContribution: must be a quoted amount",
            "MINIMUM_LIVING: \"30.00\"|MINIMUM_LIVING: \"300.00\"|[0].subsidies.MINIMUM_LIVING: is more than the contribution",
            "MINIMUM_LIVING: \"30.00\"|POOR: \"30.00\"|[0].subsidies.POOR: is not an assistance category",
            "fromYear: 2019|copay: 2019|[0].copay: is not a known field"})
    void aBadEntryIsRefusedNamingTheField(String good, String bad, String message) {
        String yaml = VALID.replace(good, bad);
        assertThat(yaml).isNotEqualTo(VALID);

        assertThatThrownBy(() -> ContributionPolicies.read(yaml))
                .hasMessageStartingWith("contribution-policies.yml: ")
                .hasMessageContaining(message);
    }

    /** Shapes the hand-written reader let through: a repeated key (the last one won), a year written 2019.0. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fromYear: 2019|fromYear: 2019\\n  fromYear: 2020|[0].fromYear: is given twice",
            "EXTREME_POVERTY: FULL|EXTREME_POVERTY: FULL\\n    EXTREME_POVERTY: \"30.00\"|[0].subsidies.EXTREME_POVERTY: is given twice",
            "fromYear: 2019|fromYear: 2019.0|[0].fromYear: must be a whole number, was 2019.0"})
    void aRepeatedKeyOrAnInexactYearIsRefused(String good, String bad, String message) {
        String yaml = VALID.replace(good, bad.replace("\\n", "\n"));

        assertThatThrownBy(() -> ContributionPolicies.read(yaml)).hasMessage("contribution-policies.yml: " + message);
    }

    @Test
    void aFileThatIsNotAListOrNotYamlIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> ContributionPolicies.read("region: \"441700\""))
                .hasMessage("contribution-policies.yml: (file): must be a list of policies");
        assertThatThrownBy(() -> ContributionPolicies.read("- {region: \"441700\""))
                .hasMessageStartingWith("contribution-policies.yml: (file): is not valid YAML");
    }

    /** Every entry of the shipped file, read as plain YAML, is the policy the reader gives. */
    @Test
    void theShippedFileGivesWhatItSays() throws Exception {
        JsonNode file;
        try (var in = getClass().getClassLoader().getResourceAsStream(ContributionPolicies.FILE)) {
            file = new YAMLMapper().readTree(in);
        }
        List<ContributionPolicy> policies = ContributionPolicies.loadFromClasspath().all();

        assertThat(policies).hasSize(file.size()).hasSizeGreaterThan(3);
        for (int i = 0; i < file.size(); i++) {
            JsonNode entry = file.get(i);
            Map<AssistanceCategory, Subsidy> subsidies = new EnumMap<>(AssistanceCategory.class);
            entry.get("subsidies").properties().forEach(s -> subsidies.put(AssistanceCategory.valueOf(s.getKey()),
                    s.getValue().asString().equals("FULL") ? Subsidy.inFull() : Subsidy.fixed(Money.of(s.getValue().asString()))));
            assertThat(policies.get(i)).isEqualTo(new ContributionPolicy(entry.get("region").asString(),
                    entry.get("fromYear").asInt(), Money.of(entry.get("residentContribution").asString()), subsidies,
                    entry.has("fiscalSubsidy") ? Money.of(entry.get("fiscalSubsidy").asString()) : Money.ZERO));
        }
    }
}
