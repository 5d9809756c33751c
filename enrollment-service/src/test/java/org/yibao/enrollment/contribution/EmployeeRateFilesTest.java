package org.yibao.enrollment.contribution;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.money.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The employee rates files (contribution-rates/): what is shipped, how a month is computed, and bad files refused naming the field. */
class EmployeeRateFilesTest {

    private static final String GOOD = """
            region: "500116"
            fromYear: 2023
            wageBaseFloor: "4500.00"
            wageBaseCeiling: "22500.00"
            employerRate: 0.08
            individualRate: 0.02
            individualToAccount: 1.00
            employerToAccount: 0.00
            retireeMonthlyAllocation: "75.00"
            """;

    @Test
    void theShippedFilesLoadAndTheMostSpecificLatestApplies() {
        EmployeeRateFiles files = EmployeeRateFiles.loadFromClasspath();

        assertThat(files.all()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(files.inForce("411702", 2021).orElseThrow().name()).isEqualTo("411700-2021");
        assertThat(files.inForce("411702", 2026).orElseThrow().name()).isEqualTo("411700-2022");
        assertThat(files.inForce("441702", 2022).orElseThrow().name()).isEqualTo("441700-2019");
        assertThat(files.inForce("441702", 2026).orElseThrow().name()).isEqualTo("441700-2023");
        assertThat(files.inForce("441702", 2018)).isEmpty();
        assertThat(files.inForce("150102", 2026)).isEmpty();
    }

    /**
     * By hand: Yangjiang 2019 on a base of 6,000.00 — employer 6.5% = 390.00, individual 2% = 120.00, account 120.00 +
     * 30% x 390.00 = 237.00. Jiangjin 2023 on 4,567.89 — employer 8% = 365.4312 -> 365.43, individual 2% = 91.3578 ->
     * 91.36, account 91.36 (the employer's wholly to the pooled fund).
     */
    @Test
    void aMonthIsTheBaseTimesEachRateRoundedHalfUpOnce() {
        EmployeeRateFiles files = EmployeeRateFiles.loadFromClasspath();

        EmployeeRates.Month yangjiang = files.inForce("441700", 2019).orElseThrow().activeMonth(Money.of("6000.00"));
        EmployeeRates.Month jiangjin = EmployeeRateFiles.read("t.yml", GOOD).activeMonth(Money.of("4567.89"));

        assertThat(yangjiang).isEqualTo(new EmployeeRates.Month(Money.of("390.00"), Money.of("120.00"), Money.of("237.00")));
        assertThat(jiangjin).isEqualTo(new EmployeeRates.Month(Money.of("365.43"), Money.of("91.36"), Money.of("91.36")));
        assertThat(EmployeeRateFiles.read("t.yml", GOOD).admits(Money.of("4499.99"))).isFalse();
        assertThat(EmployeeRateFiles.read("t.yml", GOOD).admits(Money.of("22500.00"))).isTrue();
    }

    @Test
    void aBadFileIsRefusedNamingTheFileAndField() {
        assertThatThrownBy(() -> EmployeeRateFiles.read("t.yml", GOOD + "bonus: 1\n"))
                .hasMessageContaining("contribution-rates/t.yml: bonus");
        assertThatThrownBy(() -> EmployeeRateFiles.read("t.yml", GOOD.replace("employerRate: 0.08", "employerRate: 0.8")))
                .hasMessageContaining("t.yml: employerRate");
        assertThatThrownBy(() -> EmployeeRateFiles.read("t.yml", GOOD.replace("\"22500.00\"", "\"4000.00\"")))
                .hasMessageContaining("t.yml: wageBaseCeiling");
        assertThatThrownBy(() -> EmployeeRateFiles.read("t.yml", GOOD.replace("\"75.00\"", "75")))
                .hasMessageContaining("t.yml: retireeMonthlyAllocation");
        assertThatThrownBy(() -> EmployeeRateFiles.read("t.yml", GOOD.replace("\"75.00\"", "\"-75.00\"")))
                .hasMessageContaining("t.yml: retireeMonthlyAllocation").hasMessageContaining("negative");
        assertThatThrownBy(() -> EmployeeRateFiles.read("t.yml", GOOD.replace("\"500116\"", "\"5001\"")))
                .hasMessageContaining("t.yml: region");
        assertThatThrownBy(() -> EmployeeRateFiles.read("t.yml", GOOD.replace("employerToAccount: 0.00\n", "")))
                .hasMessageContaining("t.yml: employerToAccount");
    }
}
