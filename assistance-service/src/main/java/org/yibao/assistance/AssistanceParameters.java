package org.yibao.assistance;

import org.yibao.contracts.identity.ResidentId;
import org.yibao.web.problem.InvalidRequestException;

/** The checks of path and query parameters the assistance API shares; each refusal is a 400 naming the parameter. */
public final class AssistanceParameters {

    private AssistanceParameters() {
    }

    /** The canonical resident id of what was typed (see {@link ResidentId}), or a 400 naming why. */
    public static String person(String personId) {
        ResidentId.Parsed parsed = ResidentId.parse(personId);
        if (!parsed.valid()) {
            throw new InvalidRequestException("personId", parsed.problem());
        }
        return parsed.id().value();
    }

    /** A year between 2000 and 2100. */
    public static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        return year;
    }

    /** A 6-digit administrative division code. */
    public static String region(String region) {
        if (!region.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
        }
        return region;
    }
}
