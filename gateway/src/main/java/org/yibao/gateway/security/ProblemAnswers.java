package org.yibao.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.yibao.security.access.AccessDecision;
import org.yibao.security.token.Refusals;
import org.yibao.web.RequestIds;
import org.yibao.web.problem.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own refusals as problem+json, like every other error of the platform: 401 without
 * a valid token, 403 when the policy does not admit the caller, 404 where no API exists, 429 when a
 * client is over its rate.
 */
public class ProblemAnswers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final JsonMapper json;

    public ProblemAnswers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, Refusals.wwwAuthenticate(e));
        return write(exchange, HttpStatus.UNAUTHORIZED, Refusals.unauthenticated(e));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        AccessDecision decision = exchange.getAttribute(PolicyAuthorization.DECISION);
        if (decision != null && decision.outcome() == AccessDecision.Outcome.NO_RULE) {
            return write(exchange, HttpStatus.NOT_FOUND, "No API answers this path. Services are under "
                    + "/api/{enrollment,settlement,assistance,supervision,procurement}/.");
        }
        return write(exchange, HttpStatus.FORBIDDEN,
                decision != null && decision.reason() != null ? decision.reason() : "This caller may not make this call.");
    }

    /**
     * A request refused before any rule looked at it (Spring Security's firewall: an encoded slash,
     * "..", a NUL; the size filter: an oversized URI or headers), with the status to answer.
     */
    public Mono<Void> refusedRequest(ServerWebExchange exchange, HttpStatus status, String reason) {
        return write(exchange, status, reason);
    }

    /** A rate-limited call: 429 with when to try again. */
    public Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds, String clientId) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Client " + clientId
                + " is over its rate limit; retry after " + retryAfterSeconds + " s.");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String reason) {
        exchange.getAttributes().put(ExchangeAttributes.REFUSAL, reason);
        ProblemDetail problem = Problems.of(status, status.getReasonPhrase(), reason, exchange.getAttribute(RequestIds.MDC_KEY),
                exchange.getRequest().getURI().getRawPath());
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(Problems.asMap(problem)))));
    }
}
