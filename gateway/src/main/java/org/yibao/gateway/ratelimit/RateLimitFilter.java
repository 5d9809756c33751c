package org.yibao.gateway.ratelimit;

import org.yibao.security.clients.RateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.yibao.security.clients.ClientRegistry;
import org.yibao.security.clients.RegisteredClient;
import org.yibao.gateway.routing.GatewayProperties;
import org.yibao.gateway.security.ExchangeAttributes;
import org.yibao.gateway.security.ProblemAnswers;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import reactor.core.publisher.Mono;


/**
 * One token bucket (Bucket4j) per client: a flood from one hospital is answered 429 with Retry-After and
 * never takes the others' capacity. Runs after authentication and authorization, so only admitted
 * calls count. The buckets are in the {@link RateLimitStore}: this instance's memory, or PostgreSQL shared by
 * every gateway instance ({@code yibao.gateway.rate-limit-store.type}, docs/adr/0029); while a shared store cannot be
 * reached, this instance's own buckets limit the clients.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitStore store;
    private final RateLimitStore fallback = new MemoryRateLimitStore();
    private volatile long lastStoreWarning = System.nanoTime() - 20_000_000_000L;
    private final GatewayProperties properties;
    private final ClientRegistry clients;
    private final ProblemAnswers answers;
    private final MeterRegistry meters;

    public RateLimitFilter(GatewayProperties properties, ClientRegistry clients, ProblemAnswers answers, MeterRegistry meters,
                           RateLimitStore store) {
        for (ClientKind kind : ClientKind.values()) {
            if (properties.getRateLimits().get(kind) == null) {
                throw new IllegalStateException("yibao.gateway.rate-limits." + kind + " is missing: every kind of client needs a default rate");
            }
        }
        this.properties = properties;
        this.clients = clients;
        this.answers = answers;
        this.meters = meters;
        this.store = store;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CallerIdentity caller = exchange.getAttribute(ExchangeAttributes.CALLER);
        if (caller == null) {
            return chain.filter(exchange);
        }
        RateLimit limit = limitOf(caller);
        return store.tryConsume(caller.clientId(), limit).onErrorResume(e -> {
            // the shared store away: this instance's own bucket limits the client meanwhile (a settlement is never refused
            // because the limits' database is), counted and logged for the operators
            meters.counter("yibao.gateway.rate.store.failures").increment();
            long now = System.nanoTime();
            if (now - lastStoreWarning > 10_000_000_000L) {
                // once in ten seconds, not once per call: an outage must not flood the log
                lastStoreWarning = now;
                log.warn("rate-limit store {} failed; limiting the clients by this instance's buckets: {}", store.kind(), e.toString());
            }
            return fallback.tryConsume(caller.clientId(), limit);
        }).flatMap(probe -> {
            if (probe.isConsumed()) {
                return chain.filter(exchange);
            }
            meters.counter("yibao.gateway.rate.limited", "kind", caller.kind().name()).increment();
            return answers.tooManyRequests(exchange, Buckets.retryAfterSeconds(probe.getNanosToWaitForRefill()), caller.clientId());
        });
    }

    private RateLimit limitOf(CallerIdentity caller) {
        return clients.find(caller.clientId()).map(RegisteredClient::rateLimit)
                .orElseGet(() -> properties.getRateLimits().get(caller.kind()));
    }

    @Override
    public int getOrder() {
        // after Spring Security's chain (order -100), which has put the verified caller on the exchange
        return 0;
    }
}
