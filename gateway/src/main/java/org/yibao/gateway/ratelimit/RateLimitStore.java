package org.yibao.gateway.ratelimit;

import org.yibao.security.clients.RateLimit;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Where the clients' token buckets live. In memory (one gateway instance: its own buckets) or in PostgreSQL (several
 * instances share one bucket per client, so a client's rate holds across them). docs/adr/0029.
 */
public interface RateLimitStore {

    /**
     * Takes one token from the client's bucket, made with the limit's shape the first time it is used.
     *
     * @param clientId the verified caller's client id (the bucket's key)
     * @return the probe: consumed, or how long until a token is there; never empty. A store that cannot be reached
     * fails the Mono with its exception (the {@link RateLimitFilter} then limits by the instance's own bucket).
     */
    Mono<ConsumptionProbe> tryConsume(String clientId, RateLimit limit);

    /** The store's kind, for the operators' log line: memory or postgresql. */
    String kind();
}
