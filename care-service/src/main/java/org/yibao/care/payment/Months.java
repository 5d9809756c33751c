package org.yibao.care.payment;

import org.yibao.web.problem.RequestParameters;

import java.time.YearMonth;

/** A month in a path or body, written {@code yyyy-MM} (2023-04). */
public final class Months {

    public static final String PATTERN = "[0-9]{4}-(0[1-9]|1[0-2])";

    private Months() {
    }

    /** The month, or a 400 naming {@code field} (the platform's one check of a month). */
    public static YearMonth parse(String month, String field) {
        return RequestParameters.month(month, field);
    }
}
