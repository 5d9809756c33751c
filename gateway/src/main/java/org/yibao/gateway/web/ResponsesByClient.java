package org.yibao.gateway.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.yibao.gateway.security.ExchangeAttributes;
import org.yibao.security.CallerIdentity;
import reactor.core.publisher.Mono;

/**
 * Counts every answer the gateway gives by calling client and status ({@code yibao.gateway.responses}): the verified
 * caller's client id, {@code none} before a token was verified (a 401, the token endpoint). Operators see 4xx and 5xx by
 * client (the Grafana overview). A counter of its own, not a tag on {@code http.server.requests}, whose percentile
 * histograms times every client would make thousands of series; the client ids are those of verified tokens, so their
 * number is the registry's (or the identity provider's) clients. Runs first, around Spring Security's chain, so it sees
 * the gateway's own refusals too.
 */
@Component
public class ResponsesByClient implements WebFilter, Ordered {

    private final MeterRegistry meters;

    public ResponsesByClient(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).doFinally(signal -> {
            Object caller = exchange.getAttribute(ExchangeAttributes.CALLER);
            String client = caller instanceof CallerIdentity identity ? identity.clientId() : "none";
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            Counter.builder("yibao.gateway.responses")
                    .description("Answers of the gateway by calling client and HTTP status")
                    .tag("client", client)
                    .tag("status", status == null ? "200" : Integer.toString(status.value()))
                    .register(meters).increment();
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
