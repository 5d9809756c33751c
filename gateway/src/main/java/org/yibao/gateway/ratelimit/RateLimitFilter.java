package org.yibao.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.yibao.gateway.identity.ClientRegistry;
import org.yibao.gateway.identity.RegisteredClient;
import org.yibao.gateway.routing.GatewayProperties;
import org.yibao.gateway.security.ExchangeAttributes;
import org.yibao.gateway.security.ProblemAnswers;
import org.yibao.security.CallerIdentity;
import org.yibao.security.ClientKind;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket (Bucket4j) per client: a flood from one hospital is answered 429 with Retry-After and
 * never takes the others' capacity. Runs after authentication and authorization, so only admitted
 * calls count. Each gateway instance keeps its own buckets; with n instances behind a balancer a
 * client gets up to n times its rate (set the limits accordingly, or move the buckets to a shared store).
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayProperties properties;
    private final ClientRegistry clients;
    private final ProblemAnswers answers;
    private final MeterRegistry meters;

    public RateLimitFilter(GatewayProperties properties, ClientRegistry clients, ProblemAnswers answers, MeterRegistry meters) {
        for (ClientKind kind : ClientKind.values()) {
            if (properties.getRateLimits().get(kind) == null) {
                throw new IllegalStateException("yibao.gateway.rate-limits." + kind + " is missing: every kind of client needs a default rate");
            }
        }
        this.properties = properties;
        this.clients = clients;
        this.answers = answers;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CallerIdentity caller = exchange.getAttribute(ExchangeAttributes.CALLER);
        if (caller == null) {
            return chain.filter(exchange);
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(caller.clientId(), id -> Buckets.of(limitOf(caller)))
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        meters.counter("yibao.gateway.rate.limited", "kind", caller.kind().name()).increment();
        return answers.tooManyRequests(exchange, Buckets.retryAfterSeconds(probe.getNanosToWaitForRefill()), caller.clientId());
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
