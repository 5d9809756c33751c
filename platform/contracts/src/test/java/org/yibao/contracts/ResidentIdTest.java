package org.yibao.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.identity.InvalidResidentIdException;
import org.yibao.contracts.identity.ResidentId;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdTest {

    // The worked example of GB 11643-1999 (Beijing Chaoyang, born 1949-12-31, check character X).
    private static final String STANDARD_EXAMPLE = "11010519491231002X";
    // The same person's 15-digit id of before 1999.
    private static final String STANDARD_EXAMPLE_15 = "110105491231002";

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

    /** Found by the independent review: an id in a URL escaped the audit log's masking when percent-encoded or split. */
    @Test
    void idsInAUrlAreMaskedHoweverTheCallerWroteThem() {
        String fullWidthEncoded = java.net.URLEncoder.encode("１１０１０５１９４９１２３１００２Ｘ", java.nio.charset.StandardCharsets.UTF_8);

        assertThat(IdMasking.maskAllInUrl("/api/enrollment/persons/" + fullWidthEncoded)).isEqualTo("/api/enrollment/persons/1101**********002X");
        assertThat(IdMasking.maskAllInUrl("/api/enrollment/persons/110105194%20912310021")).isEqualTo("/api/enrollment/persons/1101**********0021");
        assertThat(IdMasking.maskAllInUrl("/api/enrollment/persons/110105-19491231-002X")).doesNotContain("19491231");
        assertThat(IdMasking.maskAllInUrl("/api/enrollment/persons/110105491231002")).isEqualTo("/api/enrollment/persons/1101*******1002");
        assertThat(IdMasking.maskAllInUrl("/api/supervision/institutions/H44170000003?year=2026")).isEqualTo("/api/supervision/institutions/H44170000003?year=2026");
        assertThat(IdMasking.maskAllInUrl("/api/x/%zz")).isEqualTo("/api/x/%zz");
        // found by the second review: split by invisible or URL characters, or encoded twice
        for (String split : new String[] {"110105194%E2%80%8B912310021", "110105194%C2%AD912310021", "110105194%2F912310021",
                "110105194%5C912310021", "110105194%3B912310021", "110105194%252F912310021"}) {
            assertThat(IdMasking.maskAllInUrl("/api/enrollment/persons/" + split)).as(split).doesNotContain("19491231").contains("1101");
        }
        assertThat(IdMasking.maskAllInUrl("region=441702&q=110105194%2F912310021")).doesNotContain("19491231");
    }

    // --- as people type them ---

    @ParameterizedTest
    @ValueSource(strings = {
            "１１０１０５１９４９１２３１００２Ｘ",   // full-width digits and X, as a Chinese input method types them
            "１１０１０５１９４９１２３１００２ｘ",   // ... with a full-width lower-case x
            "11010519491231002Ｘ",                  // only the X full-width
            "  11010519491231002X\t",              // surrounding blanks
            "\u300011010519491231002x\u3000",      // ideographic spaces around, lower-case x
            "\u00a0１１０１０５19491231002X "})    // no-break space, half full-width
    void normalisesAnIdAsTyped(String typed) {
        assertThat(ResidentId.of(typed).value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(new ResidentId(typed).value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(ResidentId.problemWith(typed)).isNull();
        assertThat(ResidentId.isValid(typed)).isTrue();
        assertThat(ResidentId.parse(typed).id().value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105491231002",     // the standard's example, before 1999 (check character X)
            "441702800101123",     // Yangjiang, Jiangcheng district
            "130503670401001",     // Xingtai
            "510107701125341",     // Chengdu, Wuhou district
            "371102560229012",     // Rizhao, born on 29 February 1956
            "411702901231555"})    // Zhumadian, Yicheng district
    void convertsA15DigitIdByTheStandardRule(String old) {
        ResidentId id = ResidentId.of(old);

        assertThat(id.value()).isEqualTo(expected18(old)).startsWith(old.substring(0, 6) + "19" + old.substring(6));
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1900 + Integer.parseInt(old.substring(6, 8)),
                Integer.parseInt(old.substring(8, 10)), Integer.parseInt(old.substring(10, 12))));
    }

    @Test
    void convertsTheTextbookExampleTo18Digits() {
        assertThat(expected18(STANDARD_EXAMPLE_15)).isEqualTo(STANDARD_EXAMPLE);
        assertThat(ResidentId.of(STANDARD_EXAMPLE_15).value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(ResidentId.of(" １１０１０５４９１２３１００２ ").value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(ResidentId.of(STANDARD_EXAMPLE_15).gender()).isEqualTo(ResidentId.Gender.FEMALE);
        assertThat(ResidentId.parse(STANDARD_EXAMPLE_15).valid()).isTrue();
        assertThat(ResidentId.of("441702800101123").value()).isEqualTo("44170219800101123" + expectedCheck("44170219800101123"));
    }

    @Test
    void readsAnIdInJsonTheSameWay() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.readValue("\"１１０１０５１９４９１２３１００２ｘ\"", ResidentId.class).value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(json.readValue("\" " + STANDARD_EXAMPLE_15 + " \"", ResidentId.class).value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(json.writeValueAsString(ResidentId.of(STANDARD_EXAMPLE_15))).isEqualTo("\"" + STANDARD_EXAMPLE + "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // 15 digits: the birth date must be a real one in the 1900s
            "371102550229012      | the birth date of this 15-digit (pre-1999) id is not a real date",
            "110105491331002      | the birth date of this 15-digit (pre-1999) id is not a real date",
            "110105490431002      | the birth date of this 15-digit (pre-1999) id is not a real date",
            "11010549123100X      | contains a character that is not a digit (at position 15)",
            "010105491231002      | the region code cannot start with 0",
            // the length names both forms
            "11010519491231002    | has 17 characters; a resident id has 18 characters (or 15 for a pre-1999 id)",
            "1101051949123100     | has 16 characters; a resident id has 18 characters (or 15 for a pre-1999 id)",
            "11010549123100       | has 14 characters; a resident id has 18 characters (or 15 for a pre-1999 id)",
            "110105194912310021X  | has 19 characters; a resident id has 18 characters (or 15 for a pre-1999 id)",
            // a character that is not a digit is named as such, not as a bad check character
            "1101051949123100AX   | contains a character that is not a digit (at position 17)",
            "1101O519491231002X   | contains a character that is not a digit (at position 5)",
            "１１０１０５１９４９１２３１００Ａ２ | contains a character that is not a digit (at position 17)",
            "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X   | contains a character that is not a digit (at position 1)",
            "110105 1949123100X   | contains a character that is not a digit (at position 7)",
            "11010519491231002Y   | the check character (the 18th) must be a digit or X",
            "110105194912310021   | the check character does not match"})
    void refusesNamingTheRealReason(String typed, String reason) {
        assertThatThrownBy(() -> ResidentId.of(typed))
                .isInstanceOf(InvalidResidentIdException.class)
                .hasMessageContaining(reason)
                .hasMessageNotContaining(typed.strip());
        assertThat(ResidentId.problemWith(typed)).contains(reason);
        assertThat(ResidentId.parse(typed).valid()).isFalse();
        assertThat(ResidentId.parse(typed).problem()).contains(reason);
        assertThat(ResidentId.isValid(typed)).isFalse();
    }

    @Test
    void refusesNothingAtAllWithAReason() {
        assertThat(ResidentId.problemWith(null)).isEqualTo("is missing");
        assertThat(ResidentId.problemWith("   ")).isEqualTo("has 0 characters; a resident id has 18 characters (or 15 for a pre-1999 id)");
        assertThat(ResidentId.isValid(null)).isFalse();
    }

    @Test
    void masksA15DigitIdInFreeTextToo() {
        assertThat(IdMasking.maskAll("GET /persons/" + STANDARD_EXAMPLE_15 + "/enrollments"))
                .isEqualTo("GET /persons/1101*******1002/enrollments");
        assertThat(IdMasking.maskAll("amount 123456789012345 fen")).contains("123456789012345"); // month 90: not an id
        assertThat(IdMasking.maskAll("order 1101054912310021 stays")).contains("1101054912310021");
    }

    // --- the published algorithm, written out here independently of ResidentId ---

    /** GB 11643-1999: insert "19" before the 2-digit year, append the ISO 7064 MOD 11-2 check character. */
    private static String expected18(String old15) {
        String first17 = old15.substring(0, 6) + "19" + old15.substring(6);
        return first17 + expectedCheck(first17);
    }

    private static char expectedCheck(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] checks = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.getNumericValue(first17.charAt(i)) * weights[i];
        }
        return checks[sum % 11];
    }
}
