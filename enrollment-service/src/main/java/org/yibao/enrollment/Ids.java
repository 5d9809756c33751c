package org.yibao.enrollment;

import org.yibao.contracts.identity.ResidentId;
import org.yibao.web.problem.InvalidRequestException;

/** Checks of identifiers that arrive in paths and query strings (bodies are checked by bean validation). */
public final class Ids {

    private Ids() {
    }

    /** The canonical resident id, or a 400 naming {@code personId} and why (without echoing the id). */
    public static String person(String personId) {
        String candidate = personId.trim().toUpperCase();
        String problem = ResidentId.problemWith(candidate);
        if (problem != null) {
            throw new InvalidRequestException("personId", problem);
        }
        return candidate;
    }

    public static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        return year;
    }
}
