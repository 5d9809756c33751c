package org.yibao.city.calibration;

import org.junit.jupiter.api.Test;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Person;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care knobs added for calibration (issue 28) leave the default city exactly as it was: a digest of 3,000
 * persons and their years, fraud planted as the integration tests plant it, taken before the knobs were added.
 */
class CalibrationDefaultCityTest {

    /** SHA-256 of the default city below, person by person and bill by bill, taken before the knobs existed. */
    static final String BEFORE_THE_KNOBS = "6ec4f5b4f52e5348d09c699c46b04a4b82d3a5c22fa1596004f8b1408dcb28fa";

    @Test
    void theDefaultProfileGivesTheSameCityAsBefore() throws Exception {
        CityGenerator generator = new CityGenerator(new CityParameters(42, 3_000, 2025, LocalDate.of(2025, 12, 31), 0.01));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 3_000; i++) {
            Person p = generator.person(i);
            digest.update(p.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(generator.encounters(p).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(generator.feedRecords(p).toString().getBytes(StandardCharsets.UTF_8));
        }
        String now = HexFormat.of().formatHex(digest.digest());
        assertThat(now).isEqualTo(BEFORE_THE_KNOBS);
    }
}
