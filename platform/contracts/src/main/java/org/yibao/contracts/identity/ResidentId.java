package org.yibao.contracts.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An 18-character resident identity number (公民身份号码) as defined by GB 11643-1999:
 * six digits of administrative region, eight of birth date, three of sequence (odd for men,
 * even for women) and an ISO 7064 MOD 11-2 check character.
 *
 * <p>{@link #toString()} is masked so that an id never reaches a log by accident; the full
 * value is only available through {@link #value()}.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    public enum Gender { MALE, FEMALE }

    public ResidentId {
        Objects.requireNonNull(value, "value");
        value = value.trim().toUpperCase();
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidResidentIdException(problem);
        }
    }

    @JsonCreator
    public static ResidentId of(String value) {
        return new ResidentId(value);
    }

    public static boolean isValid(String candidate) {
        return candidate != null && problemWith(candidate.trim().toUpperCase()) == null;
    }

    /** Why a candidate is not a valid id, or {@code null} if it is. */
    public static String problemWith(String candidate) {
        if (candidate.length() != 18) {
            return "must be 18 characters, was " + candidate.length();
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(candidate.charAt(i))) {
                return "characters 1-17 must be digits";
            }
        }
        char last = candidate.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return "the check character must be a digit or X";
        }
        if (candidate.charAt(0) == '0') {
            return "the region code cannot start with 0";
        }
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(candidate.substring(6, 10)),
                    Integer.parseInt(candidate.substring(10, 12)),
                    Integer.parseInt(candidate.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return "the birth date is out of range";
            }
        } catch (DateTimeException e) {
            return "the birth date is not a real date";
        }
        if (checkCharacter(candidate) != last) {
            return "the check character does not match (GB 11643)";
        }
        return null;
    }

    /** The check character for the first 17 digits of an id. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.of(
                Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    public String masked() {
        return IdMasking.mask(value);
    }

    @JsonValue
    public String json() {
        return value;
    }

    @Override
    public String toString() {
        return masked();
    }
}
