package org.yibao.gateway.ratelimit;

import org.yibao.security.clients.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this gateway's memory: exact for one instance; with n instances behind a balancer a client gets up to n
 * times its rate ({@link PostgresRateLimitStore} shares them). Keys are verified client ids, so the map is bounded by
 * the registry.
 */
public final class MemoryRateLimitStore implements RateLimitStore {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Mono<ConsumptionProbe> tryConsume(String clientId, RateLimit limit) {
        return Mono.just(buckets.computeIfAbsent(clientId, id -> Buckets.of(limit)).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public String kind() {
        return "memory";
    }
}
