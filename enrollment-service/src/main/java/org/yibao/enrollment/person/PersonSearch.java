package org.yibao.enrollment.person;

import org.yibao.contracts.identity.ResidentId;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person search asks for, read from the search text {@code q}: a whole resident id (18 characters,
 * exact), the last 4 to 17 characters of one (digits, the last may be X), or else the beginning of a name.
 * A name is matched by its beginning, not anywhere inside it: that is what an index answers over millions
 * of persons (migration V6).
 *
 * @param region the region (a city or province code covers its districts), when the search is narrowed to one
 */
public record PersonSearch(Kind kind, String text, Optional<String> region) {

    public enum Kind {
        /** the whole 18-character id */
        RESIDENT_ID,
        /** the id's last characters */
        RESIDENT_ID_END,
        /** the name's first characters */
        NAME_START
    }

    static final int MAX_LENGTH = 50;
    private static final Pattern ID_END = Pattern.compile("[0-9]{3,16}[0-9Xx]");
    // letters (any script), combining marks, blanks and the separators of names (张·买买提, Anne-Marie, J. Smith)
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} ·•.\\-]*");

    /** The search, or a 400 naming {@code q} or {@code region}. */
    public static PersonSearch of(String q, String region) {
        Optional<String> inRegion = Optional.ofNullable(region).filter(r -> !r.isBlank()).map(RequestParameters::region);
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("q", "is required: a name, a resident id or its last digits");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRequestException("q", "must be at most " + MAX_LENGTH + " characters");
        }
        if (text.length() == 18 && Character.isDigit(text.charAt(0))) {
            ResidentId.Parsed id = ResidentId.parse(text);
            if (!id.valid()) {
                throw new InvalidRequestException("q", id.problem());
            }
            return new PersonSearch(Kind.RESIDENT_ID, id.id().value(), inRegion);
        }
        if (ID_END.matcher(text).matches()) {
            return new PersonSearch(Kind.RESIDENT_ID_END, text.toUpperCase(), inRegion);
        }
        if (Character.isDigit(text.charAt(0))) {
            throw new InvalidRequestException("q", "digits must be a whole resident id or its last 4 to 17 characters");
        }
        if (!NAME.matcher(text).matches()) {
            throw new InvalidRequestException("q", "a name holds only letters, blanks, '·', '.' and '-'");
        }
        return new PersonSearch(Kind.NAME_START, text, inRegion);
    }
}
