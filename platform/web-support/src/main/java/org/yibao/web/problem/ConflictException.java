package org.yibao.web.problem;

/** The request contradicts the current state (a second enrollment, a reused idempotency key): 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
