package org.yibao.security.clients;

/**
 * A token bucket's shape: a client may send {@code burst} calls at once and {@code perSecond}
 * calls a second after that.
 */
public record RateLimit(int burst, double perSecond) {

    public RateLimit {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be positive");
        }
    }
}
