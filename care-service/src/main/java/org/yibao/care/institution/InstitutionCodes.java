package org.yibao.care.institution;

import org.yibao.web.problem.InvalidRequestException;

/** A care institution's code: 4 to 32 capital letters or digits, as the bureau assigns them (C50011600001). */
public final class InstitutionCodes {

    public static final String PATTERN = "[A-Z0-9]{4,32}";
    public static final String MESSAGE = "must be 4 to 32 capital letters or digits";

    private InstitutionCodes() {
    }

    /** A path's institution code, or a 400 naming {@code code}. */
    public static String path(String code) {
        if (code == null || !code.matches(PATTERN)) {
            throw new InvalidRequestException("code", MESSAGE);
        }
        return code;
    }
}
