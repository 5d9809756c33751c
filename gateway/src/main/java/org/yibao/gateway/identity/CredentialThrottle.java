package org.yibao.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;
import org.yibao.gateway.ratelimit.Buckets;
import org.yibao.gateway.ratelimit.RateLimit;

import java.time.Duration;

/**
 * Throttles guessing at the token endpoint: failed authentications are counted per client id and
 * per source address in Bucket4j buckets; once either is empty, further attempts are answered 429
 * with Retry-After before any secret is checked. Unknown client ids are counted exactly like known
 * ones, so the throttle says nothing about which ids exist. The buckets live in bounded, expiring
 * Caffeine caches (the keys are whatever callers send). Per gateway instance, like the rate limits.
 */
@Component
public class CredentialThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final RateLimit perClient;
    private final RateLimit perAddress;
    private final Cache<String, Bucket> byClient;
    private final Cache<String, Bucket> byAddress;

    public CredentialThrottle(IdentityProperties properties) {
        this.perClient = properties.getFailedAuthenticationsPerClient();
        this.perAddress = properties.getFailedAuthenticationsPerAddress();
        this.byClient = cache(perClient);
        this.byAddress = cache(perAddress);
    }

    /** Seconds to wait before this client id may try again from this address, or 0 when it may try now. */
    public long retryAfterSeconds(String clientId, String address) {
        long waitNanos = Math.max(wait(byClient.getIfPresent(clientId)), wait(byAddress.getIfPresent(address)));
        return waitNanos == 0 ? 0 : Buckets.retryAfterSeconds(waitNanos);
    }

    /** Counts a failed authentication against the client id and the address. */
    public void failed(String clientId, String address) {
        byClient.get(clientId, id -> Buckets.of(perClient)).tryConsume(1);
        byAddress.get(address, a -> Buckets.of(perAddress)).tryConsume(1);
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /** Kept until the bucket would be full again, and never more than {@link #MAX_TRACKED} keys. */
    private static Cache<String, Bucket> cache(RateLimit limit) {
        Duration refill = Duration.ofMillis((long) Math.ceil(limit.burst() / limit.perSecond() * 1000));
        return Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(refill).build();
    }
}
