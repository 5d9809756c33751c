package org.yibao.gateway.ratelimit;

/**
 * A token bucket: full at {@code burst}, refilled continuously at {@code perSecond}. Each call
 * takes one token or learns how long until one is there.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimit limit, long now) {
        this.capacity = limit.burst();
        this.perNano = limit.perSecond() / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** @return 0 when a token was taken, otherwise the nanoseconds until one will be there */
    synchronized long take(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
