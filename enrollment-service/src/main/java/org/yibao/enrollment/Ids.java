package org.yibao.enrollment;

import org.yibao.contracts.identity.ResidentId;
import org.yibao.web.problem.InvalidRequestException;

/** Checks of identifiers that arrive in paths and query strings (bodies are checked by bean validation). */
public final class Ids {

    private Ids() {
    }

    /**
     * The canonical 18-character resident id of what was typed (full-width digits, blanks around, a
     * 15-digit pre-1999 id: see {@link ResidentId}), or a 400 naming {@code personId} and why (without
     * echoing the id).
     */
    public static String person(String personId) {
        ResidentId.Parsed parsed = ResidentId.parse(personId);
        if (!parsed.valid()) {
            throw new InvalidRequestException("personId", parsed.problem());
        }
        return parsed.id().value();
    }

    public static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        return year;
    }
}
