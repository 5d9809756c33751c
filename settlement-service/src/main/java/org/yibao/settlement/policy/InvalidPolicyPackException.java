package org.yibao.settlement.policy;

/** A policy-pack file that cannot be used; the message names the file and the field. */
public class InvalidPolicyPackException extends RuntimeException {
    public InvalidPolicyPackException(String file, String field, String reason) {
        super(file + ": " + field + ": " + reason);
    }
}
