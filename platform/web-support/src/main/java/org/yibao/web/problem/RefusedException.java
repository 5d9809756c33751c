package org.yibao.web.problem;

/**
 * A well-formed request that the rules refuse (a person not enrolled on the date, a suspended
 * institution, a visit the region's policy does not cover): answered 422 with the reason.
 */
public class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
