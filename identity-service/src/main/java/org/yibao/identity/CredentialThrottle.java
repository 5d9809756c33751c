package org.yibao.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;
import org.yibao.security.clients.RateLimit;

import java.time.Duration;
import java.util.function.Function;

/**
 * Throttles guessing at the token endpoint and at the staff's login form (a user name counts as a client id). Failed authentications are counted in Bucket4j buckets:
 * <ul>
 *   <li>per client id <em>and</em> source address (5, then 5 a minute): a guesser is stopped, while
 *       the hospital itself, at its own address, still gets its tokens;</li>
 *   <li>per source address, whatever ids it tries (20, then 20 a minute);</li>
 *   <li>per client id from everywhere (100, then 100 a minute): the cap on guessing one secret from
 *       many addresses.</li>
 * </ul>
 * When a bucket that applies is empty, the attempt is answered 429 with Retry-After before any
 * secret is checked. Unknown client ids are counted exactly like known ones, so the throttle says
 * nothing about which ids exist. The buckets live in bounded, expiring Caffeine caches (the keys are
 * whatever callers send). Per identity-service instance. Behind a proxy the address must
 * be the client's (forwarded headers), or every caller shares the proxy's (docs/production.md).
 */
@Component
public class CredentialThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Counted byClientAndAddress;
    private final Counted byAddress;
    private final Counted byClient;

    public CredentialThrottle(IdentityProperties properties) {
        this.byClientAndAddress = new Counted(properties.getFailedAuthenticationsPerClient());
        this.byAddress = new Counted(properties.getFailedAuthenticationsPerAddress());
        this.byClient = new Counted(properties.getFailedAuthenticationsPerClientEverywhere());
    }

    /** Seconds to wait before this client id may try again from this address, or 0 when it may try now. */
    public long retryAfterSeconds(String clientId, String address) {
        long waitNanos = Math.max(byClientAndAddress.wait(clientId + " " + address),
                Math.max(byAddress.wait(address), byClient.wait(clientId)));
        // whole seconds, at least 1
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Counts a failed authentication of the client id from the address. */
    public void failed(String clientId, String address) {
        byClientAndAddress.take(clientId + " " + address);
        byAddress.take(address);
        byClient.take(clientId);
    }

    /** Buckets of one shape by key, kept until a bucket would be full again, never more than {@link #MAX_TRACKED} keys. */
    private static final class Counted {
        private final Cache<String, Bucket> buckets;
        private final Function<String, Bucket> fresh;

        Counted(RateLimit limit) {
            Duration refill = Duration.ofMillis((long) Math.ceil(limit.burst() / limit.perSecond() * 1000));
            this.buckets = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(refill).build();
            long nanosPerToken = Math.max(1, Math.round(1e9 / limit.perSecond()));
            this.fresh = key -> Bucket.builder().addLimit(io.github.bucket4j.Bandwidth.builder().capacity(limit.burst())
                    .refillGreedy(1, Duration.ofNanos(nanosPerToken)).build()).build();
        }

        long wait(String key) {
            Bucket bucket = buckets.getIfPresent(key);
            return bucket == null ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        }

        void take(String key) {
            buckets.get(key, fresh).tryConsume(1);
        }
    }
}
