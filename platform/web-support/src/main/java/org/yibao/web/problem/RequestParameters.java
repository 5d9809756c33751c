package org.yibao.web.problem;

import org.yibao.contracts.identity.ResidentId;

import java.time.YearMonth;

/**
 * The checks of identifiers that arrive in paths and query strings, the same in every service
 * (bodies are checked by bean validation). Each refusal is an {@link InvalidRequestException}: a 400
 * naming the parameter and why, never echoing a resident id.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /**
     * The canonical 18-character resident id of what was typed (full-width digits, blanks around, a
     * 15-digit pre-1999 id: see {@link ResidentId}), or a 400 naming {@code personId}.
     */
    public static String person(String personId) {
        ResidentId.Parsed parsed = ResidentId.parse(personId);
        if (!parsed.valid()) {
            throw new InvalidRequestException("personId", parsed.problem());
        }
        return parsed.id().value();
    }

    /** A year from 2000 to 2100, or a 400 naming {@code year}. */
    public static int year(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        return year;
    }

    /** A year written {@code yyyy} (a path's text), from 2000 to 2100, or a 400 naming {@code year}. */
    public static int year(String year) {
        if (year == null || !year.matches("[0-9]{4}")) {
            throw new InvalidRequestException("year", "must be a year written yyyy, such as 2026");
        }
        return year(Integer.parseInt(year));
    }

    /** A month written {@code yyyy-MM} (2026-11), from 2000 to 2100, or a 400 naming {@code month}. */
    public static YearMonth month(String month) {
        return month(month, "month");
    }

    /** A month written {@code yyyy-MM} (2026-11), from 2000 to 2100, or a 400 naming {@code field}. */
    public static YearMonth month(String month, String field) {
        if (month == null || !month.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            throw new InvalidRequestException(field, "must be a month written yyyy-MM, such as 2026-11");
        }
        YearMonth parsed = YearMonth.parse(month);
        if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
            throw new InvalidRequestException(field, "must be a month from 2000 to 2100");
        }
        return parsed;
    }

    /** A 6-digit administrative division code (GB/T 2260), or a 400 naming {@code region}. */
    public static String region(String region) {
        if (region == null || !region.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
        }
        return region;
    }
}
