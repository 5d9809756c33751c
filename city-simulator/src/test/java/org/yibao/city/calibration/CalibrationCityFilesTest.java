package org.yibao.city.calibration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibrationCityFilesTest {

    static final List<String> CITIES = CityFiles.SEED_CITIES;

    @ParameterizedTest
    @FieldSource("CITIES")
    void everySeedCityLoadsAndValidates(String city) {
        CityFile f = CityFiles.resource(city);
        assertThat(f.city()).isEqualTo(city);
        assertThat(f.outcomes()).isNotEmpty();
        // and its packs are read, of its own region
        assertThat(CalibratedRun.packs(f, new java.util.ArrayList<>())).hasSize(f.packs().size());
    }

    @Test
    void anUnknownKeyIsRefusedNamingIt() throws IOException {
        String yaml = zhumadian().replace("  secondStay: 0.15", "  secondStay: 0.15\n  thirdStay: 0.01");
        assertThatThrownBy(() -> CityFiles.read("zhumadian-2021.yml", yaml)).isInstanceOf(InvalidCityFileException.class)
                .satisfies(e -> assertThat(((InvalidCityFileException) e).field()).isEqualTo("care.thirdStay"));
    }

    @Test
    void aMissingKnobIsRefusedNamingIt() throws IOException {
        String yaml = zhumadian().replace("  secondStay: 0.15\n", "");
        assertThatThrownBy(() -> CityFiles.read("zhumadian-2021.yml", yaml)).isInstanceOf(InvalidCityFileException.class)
                .hasMessageContaining("care.secondStay").hasMessageContaining("missing");
    }

    @Test
    void aShareOutOfRangeIsRefusedNamingIt() throws IOException {
        String yaml = zhumadian().replace("employeeActiveShare: 0.1", "employeeActiveShare: 1.5");
        assertThatThrownBy(() -> CityFiles.read("zhumadian-2021.yml", yaml))
                .satisfies(e -> assertThat(((InvalidCityFileException) e).field()).isEqualTo("population.employeeActiveShare"));
    }

    @Test
    void levelSharesMustAddUpToOne() throws IOException {
        String yaml = zhumadian().replace("outpatientLevels: { community: 0.3,", "outpatientLevels: { community: 0.4,");
        assertThatThrownBy(() -> CityFiles.read("zhumadian-2021.yml", yaml))
                .satisfies(e -> assertThat(((InvalidCityFileException) e).field()).isEqualTo("care.outpatientLevels"));
    }

    @Test
    void aKnobAwayFromTheDefaultNeedsItsReason() throws IOException {
        String yaml = zhumadian().replaceAll("(?m)^  care\\.specialBed: .*\\n", "");
        assertThatThrownBy(() -> CityFiles.read("zhumadian-2021.yml", yaml))
                .satisfies(e -> assertThat(((InvalidCityFileException) e).field()).isEqualTo("why"))
                .hasMessageContaining("care.specialBed");
    }

    @Test
    void anOutcomeNeedsItsFundsAndAWrongTypeIsNamed() throws IOException {
        String noFunds = zhumadian().replace("    funds: [BASIC, CATASTROPHIC]\n", "");
        assertThatThrownBy(() -> CityFiles.read("zhumadian-2021.yml", noFunds))
                .satisfies(e -> assertThat(((InvalidCityFileException) e).field()).isEqualTo("outcomes[2].funds"));
        String badUnit = zhumadian().replace("unit: YUAN", "unit: EUROS");
        assertThatThrownBy(() -> CityFiles.read("zhumadian-2021.yml", badUnit))
                .satisfies(e -> assertThat(((InvalidCityFileException) e).field()).isEqualTo("outcomes[2].unit"));
    }

    @Test
    void theIdMustMatchTheFileName() throws IOException {
        assertThatThrownBy(() -> CityFiles.read("other.yml", zhumadian()))
                .satisfies(e -> assertThat(((InvalidCityFileException) e).field()).isEqualTo("city"));
    }

    private static String zhumadian() throws IOException {
        try (InputStream in = CalibrationCityFilesTest.class.getClassLoader().getResourceAsStream("calibration/cities/zhumadian-2021.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
