package org.yibao.casemix.rules;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.web.config.DataFiles;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DIP rules: found by region and year; a bad value refused naming the file and the field. */
class CasemixRulesTest {

    private static final String GOOD = """
            region: "411700"
            fromYear: 2021
            pointScale: "100"
            minCasesPerGroup: 5
            highOutlierRatio: "2"
            lowOutlierRatio: "0.5"
            provisionalPointValue: "95"
            institutionCoefficients: {LEVEL_3: "1.00", LEVEL_2: "0.90"}
            defaultMethod: DIP
            """;

    @Test
    void zhumadiansRulesApplyToItsCountiesFrom2021() {
        CasemixRule rule = CasemixRules.loadFromClasspath().inForce("411721", 2026).orElseThrow();

        assertThat(rule.coefficient(InstitutionLevel.LEVEL_2)).isEqualByComparingTo("0.90");
        assertThat(rule.coefficient(InstitutionLevel.UNGRADED)).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(CasemixRules.loadFromClasspath().inForce("411721", 2020)).isEmpty();
        assertThat(CasemixRules.loadFromClasspath().inForce("500116", 2026)).isEmpty();
    }

    @Test
    void badValuesAreRefusedNamingTheFileAndTheField() {
        assertThatThrownBy(() -> load(GOOD.replace("lowOutlierRatio: \"0.5\"", "lowOutlierRatio: \"1.5\"")))
                .hasMessageStartingWith("411700-2021.yml: lowOutlierRatio: must be from 0 to 1");
        assertThatThrownBy(() -> load(GOOD.replace("LEVEL_2", "LEVEL_9")))
                .hasMessageStartingWith("411700-2021.yml: institutionCoefficients.LEVEL_9: is not an institution level");
        assertThatThrownBy(() -> load(GOOD.replace("minCasesPerGroup: 5", "minCasesPerGroup: 0")))
                .hasMessageStartingWith("411700-2021.yml: minCasesPerGroup: must be from 1 to 1000");
        assertThatThrownBy(() -> load(GOOD.replace("pointScale: \"100\"", "pointScale: 100")))
                .hasMessageContaining("pointScale");
        assertThatThrownBy(() -> load(GOOD.replace("defaultMethod: DIP", "defaultMethod: CASE")))
                .hasMessageStartingWith("411700-2021.yml: defaultMethod: must be DIP or DRG: CASE");
        assertThatThrownBy(() -> load(GOOD.replace("defaultMethod: DIP\n", "")))
                .hasMessageStartingWith("411700-2021.yml: defaultMethod: must be DIP or DRG");
    }

    private static CasemixRules load(String text) {
        return CasemixRules.load(List.of(new DataFiles.DataFile("411700-2021.yml", text)));
    }
}
