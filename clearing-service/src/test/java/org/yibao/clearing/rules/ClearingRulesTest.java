package org.yibao.clearing.rules;

import org.yibao.web.config.DataFiles;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The clearing rules of clearing-rules/*.yml: found by region and year, refused naming the file and the field. */
class ClearingRulesTest {

    private static final String GOOD = """
            region: "411700"
            fromYear: 2021
            qualityDepositRatio: "0.05"
            monthlyCapFactor: "1.10"
            surplusRetentionMinimumUse: "0.85"
            surplusRetention:
              - {upToShareOfBudget: "0.10", share: "0.60"}
            overspendSharing:
              - {upToShareOfBudget: "0.10", share: "0.70"}
              - {upToShareOfBudget: "0.20", share: "0.50"}
            depositRelease:
              - {minScore: "90", releasedShare: "1"}
              - {minScore: "60", releasedShare: "0.60"}
            """;

    @Test
    void zhumadiansRulesApplyToItsDistrictsFrom2021() {
        ClearingRules rules = ClearingRules.loadFromClasspath();

        ClearingRule rule = rules.inForce("411702", 2026).orElseThrow();
        assertThat(rule.qualityDepositRatio()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(rule.monthlyCapFactor()).isEqualByComparingTo(new BigDecimal("1.10"));
        assertThat(rules.inForce("411702", 2020)).isEmpty();
        assertThat(rules.inForce("500116", 2026)).isEmpty();
        // a region with rules but none for the year (a refusal naming period), a region with none at all (institutionCode)
        assertThat(rules.hasRegion("411702")).isTrue();
        assertThat(rules.hasRegion("500116")).isFalse();
    }

    @Test
    void theMonthlyCapIsAYearsAllocationOverTwelveTimesTheFactorRoundedDown() {
        ClearingRule rule = load(GOOD).inForce("411700", 2021).orElseThrow();

        // 1,200,000.00 / 12 x 1.10 = 110,000.00; 1,000,000.00 / 12 x 1.10 = 91,666.666... -> 91,666.66
        assertThat(rule.monthlyCap(Money.of("1200000.00"))).isEqualTo(Money.of("110000.00"));
        assertThat(rule.monthlyCap(Money.of("1000000.00"))).isEqualTo(Money.of("91666.66"));
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() -> load(GOOD + "monthlyCap: \"2\"\n"))
                .hasMessageStartingWith("411700-2021.yml: monthlyCap: is not a known field");
    }

    @Test
    void badValuesAreRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() -> load(GOOD.replace("\"0.05\"", "\"0.5\"")))
                .hasMessageStartingWith("411700-2021.yml: qualityDepositRatio: must be from 0 to 0.30");
        assertThatThrownBy(() -> load(GOOD.replace("\"0.05\"", "0.05")))
                .hasMessageStartingWith("411700-2021.yml: qualityDepositRatio: is not a valid String: 0.05");
        assertThatThrownBy(() -> load(GOOD.replace("\"1.10\"", "\"abc\"")))
                .hasMessageStartingWith("411700-2021.yml: monthlyCapFactor: must be a decimal written as text");
        assertThatThrownBy(() -> load(GOOD.replace("\"1.10\"", "\"9\"")))
                .hasMessageStartingWith("411700-2021.yml: monthlyCapFactor: must be from 0.5 to 3");
        assertThatThrownBy(() -> load(GOOD.replace("fromYear: 2021\n", "")))
                .hasMessageStartingWith("411700-2021.yml: fromYear: must be a year");
        assertThatThrownBy(() -> load(GOOD.replace("\"411700\"", "\"4117\"")))
                .hasMessageStartingWith("411700-2021.yml: region: must be a 6-digit");
        assertThatThrownBy(() -> ClearingRules.load(List.of(new DataFiles.DataFile("411700-2022.yml", GOOD))))
                .hasMessageStartingWith("411700-2022.yml: (file): must be named <region>-<fromYear>.yml");
    }

    @Test
    void theYearEndBandsAreReadInOrderAndTheDepositReleaseFollowsTheScore() {
        ClearingRule rule = ClearingRules.loadFromClasspath().inForce("411702", 2026).orElseThrow();

        assertThat(rule.surplusRetention()).extracting(ClearingRule.Band::share).containsExactly(new BigDecimal("0.60"));
        assertThat(rule.overspendSharing()).extracting(ClearingRule.Band::upToShareOfBudget)
                .containsExactly(new BigDecimal("0.10"), new BigDecimal("0.20"));
        assertThat(rule.releasedShare(new BigDecimal("95"))).isEqualByComparingTo("1");
        assertThat(rule.releasedShare(new BigDecimal("90"))).isEqualByComparingTo("1");
        assertThat(rule.releasedShare(new BigDecimal("89.99"))).isEqualByComparingTo("0.90");
        assertThat(rule.releasedShare(new BigDecimal("60"))).isEqualByComparingTo("0.60");
        assertThat(rule.releasedShare(new BigDecimal("59.5"))).isEqualByComparingTo("0");
    }

    @Test
    void badBandsAreRefusedNamingTheFileAndTheBand() {
        assertThatThrownBy(() -> load(GOOD.replace("{upToShareOfBudget: \"0.20\", share: \"0.50\"}",
                "{upToShareOfBudget: \"0.05\", share: \"0.50\"}")))
                .hasMessageStartingWith("411700-2021.yml: overspendSharing[1].upToShareOfBudget: must be above the band before");
        assertThatThrownBy(() -> load(GOOD.replace("{minScore: \"60\", releasedShare: \"0.60\"}",
                "{minScore: \"95\", releasedShare: \"0.60\"}")))
                .hasMessageStartingWith("411700-2021.yml: depositRelease[1].minScore: must be at most 100 and below the band before");
        assertThatThrownBy(() -> load(GOOD.replace("{minScore: \"60\", releasedShare: \"0.60\"}",
                "{minScore: \"60\", releasedShare: \"1.20\"}")))
                .hasMessageStartingWith("411700-2021.yml: depositRelease[1].releasedShare: must be from 0 to 1");
        assertThatThrownBy(() -> load(GOOD.substring(0, GOOD.indexOf("surplusRetention:"))
                + GOOD.substring(GOOD.indexOf("overspendSharing"))))
                .hasMessageStartingWith("411700-2021.yml: surplusRetention: is required");
    }

    private static ClearingRules load(String text) {
        return ClearingRules.load(List.of(new DataFiles.DataFile("411700-2021.yml", text)));
    }
}
