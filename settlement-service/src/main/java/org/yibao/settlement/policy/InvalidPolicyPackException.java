package org.yibao.settlement.policy;

/** A policy-pack file that cannot be used; the message names the file and the field. */
public class InvalidPolicyPackException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidPolicyPackException(String file, String field, String reason) {
        super(file + ": " + field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field's path in the file, e.g. {@code visits.INPATIENT.ratio}. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
