package org.yibao.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.identity.InvalidResidentIdException;
import org.yibao.contracts.identity.ResidentId;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdTest {

    // The worked example of GB 11643-1999 (Beijing Chaoyang, born 1949-12-31, check character X).
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void acceptsTheStandardsExampleAndDerivesBirthAndGender() {
        ResidentId id = ResidentId.of(STANDARD_EXAMPLE);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(ResidentId.Gender.FEMALE);
        assertThat(id.regionCode()).isEqualTo("110105");
    }

    @Test
    void acceptsALowerCaseX() {
        assertThat(ResidentId.of("11010519491231002x").value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, check character",
            "11010519491231002, 18 characters",
            "1101051949123100AX, digits",
            "110105194902300026, real date",
            "010105194912310021, region"})
    void refusesWithAReason(String candidate, String reason) {
        assertThatThrownBy(() -> ResidentId.of(candidate))
                .isInstanceOf(InvalidResidentIdException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining(candidate);
    }

    @Test
    void neverPrintsItself() {
        ResidentId id = ResidentId.of(STANDARD_EXAMPLE);

        assertThat(id.toString()).isEqualTo("1101**********002X");
        assertThat(IdMasking.maskAll("settle for " + STANDARD_EXAMPLE + ", again 11010519491231002X."))
                .isEqualTo("settle for 1101**********002X, again 1101**********002X.");
        assertThat(IdMasking.maskAll("order 123456789012345678901 stays")).contains("123456789012345678901");
    }
}
