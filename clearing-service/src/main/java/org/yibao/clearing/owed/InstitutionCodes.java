package org.yibao.clearing.owed;

import org.yibao.web.problem.InvalidRequestException;

/** A designated institution's code in a path: 4 to 32 capital letters or digits (H41170200001). */
public final class InstitutionCodes {

    public static final String PATTERN = "[A-Z0-9]{4,32}";

    private InstitutionCodes() {
    }

    /** A path's institution code, or a 400 naming {@code code}. */
    public static String path(String code) {
        if (code == null || !code.matches(PATTERN)) {
            throw new InvalidRequestException("code", "must be 4 to 32 capital letters or digits");
        }
        return code;
    }
}
