package org.yibao.gateway.web;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.util.List;

/**
 * The gateway is the public door: a caller's trace context is not followed. W3C Trace Context lets a platform restart
 * a trace at its boundary; here a caller could otherwise force every call it makes to be sampled and exported (its
 * flags), choose trace ids that join others' traces, or plant baggage. The headers are removed before the request is
 * observed (an HttpHandler decorator, outside the observation), so the gateway's server span starts a trace of its own,
 * sampled by the platform's rate, and that trace is what the services see (ADR 0029).
 */
@Configuration
public class UntrustedTraceContext {

    static final List<String> HEADERS = List.of("traceparent", "tracestate", "baggage", "b3", "X-B3-TraceId", "X-B3-SpanId",
            "X-B3-ParentSpanId", "X-B3-Sampled", "X-B3-Flags");

    @Bean
    WebHttpHandlerBuilderCustomizer callersTraceContextRemoved() {
        return builder -> builder.httpHandlerDecorator(handler -> (request, response) -> handler.handle(withoutTraceContext(request),
                response));
    }

    static ServerHttpRequest withoutTraceContext(ServerHttpRequest request) {
        if (HEADERS.stream().noneMatch(h -> request.getHeaders().getFirst(h) != null)) {
            return request;
        }
        return request.mutate().headers(headers -> HEADERS.forEach(headers::remove)).build();
    }
}
