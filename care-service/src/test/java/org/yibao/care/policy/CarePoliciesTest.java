package org.yibao.care.policy;

import org.yibao.web.config.DataFiles;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The care policies of care-policies/*.yml: found by region and year, refused naming the file and the field. */
class CarePoliciesTest {

    private final AssessmentScales scales = AssessmentScales.loadFromClasspath();
    private final CarePolicies policies = CarePolicies.loadFromClasspath(scales);

    @Test
    void jiangjinsPolicyAppliesFrom2023On() {
        CarePolicy policy = policies.inForce("500116", 2026).orElseThrow();

        assertThat(policy.fromYear()).isEqualTo(2023);
        assertThat(policy.scale()).isEqualTo("BARTHEL");
        assertThat(policy.eligible(CareLevel.LEVEL_3)).isTrue();
        assertThat(policy.eligible(CareLevel.LEVEL_2)).isFalse();
        assertThat(policy.in(CareSetting.INSTITUTION).of(CareLevel.LEVEL_5)).contains(Money.of("70.00"));
        assertThat(policy.in(CareSetting.HOME).fundRatio()).isEqualByComparingTo(new BigDecimal("0.80"));
        assertThat(policies.inForce("500116", 2022)).isEmpty();
        assertThat(policies.inForce("500101", 2023)).isEmpty();
    }

    private static final String GOOD = """
            region: "500116"
            fromYear: 2023
            scale: BARTHEL
            eligibleLevels: [LEVEL_3]
            validityMonths: 24
            reassessmentMonths: 12
            institution:
              fundRatio: "0.70"
              dailyStandard: {LEVEL_3: "50.00"}
            home:
              fundRatio: "0.80"
              monthlyStandard: {LEVEL_3: "1200.00"}
            """;

    private CarePolicy read(String name, String yaml) {
        return CarePolicy.of(name, DataFiles.read(new DataFiles.DataFile(name, yaml), PolicyFile.class), scales);
    }

    @Test
    void aWellFormedPolicyIsRead() {
        assertThat(read("500116-2023.yml", GOOD).in(CareSetting.HOME).of(CareLevel.LEVEL_3)).contains(Money.of("1200.00"));
    }

    @Test
    void badPoliciesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> read("500116-2023.yml", GOOD.replace("\"0.70\"", "\"1.70\"")))
                .hasMessage("500116-2023.yml: institution.fundRatio: must be a ratio from 0 to 1 with at most 4 decimals");
        assertThatThrownBy(() -> read("500116-2023.yml", GOOD.replace("{LEVEL_3: \"1200.00\"}", "{LEVEL_4: \"1200.00\"}")))
                .hasMessageContaining("home.monthlyStandard.LEVEL_3: must be a positive amount");
        assertThatThrownBy(() -> read("500116-2023.yml", GOOD.replace("scale: BARTHEL", "scale: KATZ")))
                .hasMessageContaining("500116-2023.yml: scale: must name an assessment scale");
        assertThatThrownBy(() -> read("500116-2023.yml", GOOD + "copay: 10\n"))
                .hasMessageContaining("500116-2023.yml: copay: is not a known field");
        assertThatThrownBy(() -> read("500116-2023.yml", GOOD.replace("\"50.00\"", "\"50.001\"")))
                .hasMessageContaining("500116-2023.yml: institution.dailyStandard");
        assertThatThrownBy(() -> read("500117-2023.yml", GOOD))
                .hasMessageContaining("must be named 500116-2023.yml");
    }
}
