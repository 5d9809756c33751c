package org.yibao.contracts.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An 18-character resident identity number (公民身份号码) as defined by GB 11643-1999:
 * six digits of administrative region, eight of birth date, three of sequence (odd for men,
 * even for women) and an ISO 7064 MOD 11-2 check character.
 *
 * <p>Every way into this type — {@link #of(String)} (which Jackson uses), the constructor,
 * {@link #parse(String)}, {@link #problemWith(String)} and {@link #isValid(String)} — reads an id as
 * people type it: Unicode NFKC first (full-width digits such as {@code ４４１７０２…} and a full-width
 * {@code Ｘ} become ASCII), surrounding white space dropped, a lower-case {@code x} read as {@code X};
 * and a 15-digit id of before 1999 (region, {@code yyMMdd} birth date in the 1900s, sequence, no check
 * character) is converted by the standard rule: {@code 19} inserted before the year and the check
 * character appended. {@link #value()} is always the canonical 18 characters.
 *
 * <p>{@link #toString()} is masked so that an id never reaches a log by accident; the full
 * value is only available through {@link #value()}. Refusals name the reason, never the id.
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final String WRONG_LENGTH = " characters; a resident id has 18 characters (or 15 for a pre-1999 id)";

    public enum Gender { MALE, FEMALE }

    /** What {@link #parse(String)} made of a text: the id, or why it is not one (never both). */
    public record Parsed(ResidentId id, String problem) {
        public boolean valid() {
            return id != null;
        }
    }

    /** Normalises (see the type's comment) and refuses with {@link InvalidResidentIdException} naming why. */
    public ResidentId {
        Reading reading = read(Objects.requireNonNull(value, "value"));
        if (reading.problem() != null) {
            throw new InvalidResidentIdException(reading.problem());
        }
        value = reading.canonical();
    }

    /** The id in a text as typed (see the type's comment), or {@link InvalidResidentIdException} naming why not. */
    @JsonCreator
    public static ResidentId of(String typed) {
        return new ResidentId(typed);
    }

    /** As {@link #of(String)}, without an exception: for files read row by row. */
    public static Parsed parse(String typed) {
        Reading reading = read(typed);
        return reading.problem() != null ? new Parsed(null, reading.problem()) : new Parsed(new ResidentId(reading.canonical()), null);
    }

    public static boolean isValid(String typed) {
        return read(typed).problem() == null;
    }

    /** Why a text as typed is not a valid id, or {@code null} if it is (after normalising it as {@link #of} does). */
    public static String problemWith(String typed) {
        return read(typed).problem();
    }

    /** The check character for the first 17 digits of an id (GB 11643, ISO 7064 MOD 11-2). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private record Reading(String canonical, String problem) {
        static Reading refused(String problem) {
            return new Reading(null, problem);
        }
    }

    private static Reading read(String typed) {
        if (typed == null) {
            return Reading.refused("is missing");
        }
        String id = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replace('x', 'X');
        int length = id.codePointCount(0, id.length());
        if (length == 15) {
            return readPre1999(id);
        }
        if (length != 18) {
            return Reading.refused("has " + length + WRONG_LENGTH);
        }
        int notDigit = firstNonDigit(id, 17);
        if (notDigit >= 0) {
            return Reading.refused("contains a character that is not a digit (at position " + (notDigit + 1)
                    + "); the first 17 characters must be digits");
        }
        char last = id.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Reading.refused("the check character (the 18th) must be a digit or X");
        }
        if (id.charAt(0) == '0') {
            return Reading.refused("the region code cannot start with 0");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Reading.refused("the birth date is not a real date");
        }
        if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
            return Reading.refused("the birth date is out of range");
        }
        if (checkCharacter(id) != last) {
            return Reading.refused("the check character does not match (GB 11643)");
        }
        return new Reading(id, null);
    }

    /** A 15-digit id issued before 1999: 6 region, yyMMdd (19yy), 3 sequence; converted to 18 characters. */
    private static Reading readPre1999(String id) {
        int notDigit = firstNonDigit(id, 15);
        if (notDigit >= 0) {
            return Reading.refused("contains a character that is not a digit (at position " + (notDigit + 1)
                    + "); a 15-character (pre-1999) id is digits only");
        }
        if (id.charAt(0) == '0') {
            return Reading.refused("the region code cannot start with 0");
        }
        try {
            LocalDate.of(1900 + Integer.parseInt(id.substring(6, 8)), Integer.parseInt(id.substring(8, 10)),
                    Integer.parseInt(id.substring(10, 12)));
        } catch (DateTimeException e) {
            return Reading.refused("the birth date of this 15-digit (pre-1999) id is not a real date in the 1900s");
        }
        String first17 = id.substring(0, 6) + "19" + id.substring(6);
        return new Reading(first17 + checkCharacter(first17), null);
    }

    private static int firstNonDigit(String id, int count) {
        for (int i = 0; i < count; i++) {
            if (!isAsciiDigit(id.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
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
