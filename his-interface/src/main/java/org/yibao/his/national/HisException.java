package org.yibao.his.national;

/**
 * A transaction refused: answered {@code infcode -1} with the message as {@code err_msg}. Thrown
 * before anything changed, or by a step whose failure undid nothing that had changed.
 */
public class HisException extends RuntimeException {

    public HisException(String message) {
        super(message);
    }

    /** An input field that is missing or wrong, named as the interface names it. */
    public static HisException field(String field, String reason) {
        return new HisException(field + ": " + reason);
    }
}
