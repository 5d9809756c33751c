package org.yibao.web.problem;

/**
 * The caller is known but may not do this (a missing role, or a second role on the same case where
 * roles must be held by different people): answered 403 with the reason.
 */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
