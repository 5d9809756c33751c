package org.yibao.care.payment;

import org.yibao.web.problem.InvalidRequestException;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month in a path or body, written {@code yyyy-MM} (2023-04). */
public final class Months {

    public static final String PATTERN = "[0-9]{4}-(0[1-9]|1[0-2])";

    private Months() {
    }

    /** The month, or a 400 naming {@code field}. */
    public static YearMonth parse(String month, String field) {
        if (month == null || !month.matches(PATTERN)) {
            throw new InvalidRequestException(field, "must be a month written yyyy-MM, such as 2023-04");
        }
        try {
            YearMonth parsed = YearMonth.parse(month);
            if (parsed.getYear() < 2000 || parsed.getYear() > 2100) {
                throw new InvalidRequestException(field, "must be a month from 2000 to 2100");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a month written yyyy-MM, such as 2023-04");
        }
    }
}
