package org.yibao.gateway.ratelimit;

import org.yibao.security.clients.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/** Bucket4j buckets of a {@link RateLimit}'s shape: {@code burst} at once, refilled continuously at {@code perSecond}. */
public final class Buckets {

    private Buckets() {
    }

    public static Bucket of(RateLimit limit) {
        return Bucket.builder().addLimit(bandwidth(limit)).build();
    }

    /** The limit's one bandwidth: {@code burst} tokens, one more every 1/perSecond seconds (greedy refill). */
    public static Bandwidth bandwidth(RateLimit limit) {
        long nanosPerToken = Math.max(1, Math.round(1e9 / limit.perSecond()));
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(1, Duration.ofNanos(nanosPerToken)).build();
    }

    /** Whole seconds to wait for a token, at least 1, from Bucket4j's nanoseconds. */
    public static long retryAfterSeconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    }
}
