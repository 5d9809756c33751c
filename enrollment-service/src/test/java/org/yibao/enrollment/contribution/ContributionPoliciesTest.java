package org.yibao.enrollment.contribution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.money.Money;

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
}
