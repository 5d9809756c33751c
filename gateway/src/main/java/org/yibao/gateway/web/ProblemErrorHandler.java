package org.yibao.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.yibao.web.RequestIds;
import org.yibao.web.problem.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;


/**
 * Every error the gateway itself produces (no such route, a route that failed outside its
 * breaker) is answered as RFC 9457 problem+json with the request id, like the services' errors.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final JsonMapper json;

    public ProblemErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = error instanceof ResponseStatusException rse ? rse.getStatusCode() : HttpStatus.BAD_GATEWAY;
        String requestId = exchange.getAttribute(RequestIds.MDC_KEY);
        String detail = switch (status.value()) {
            case 404 -> "No service answers this path. Services are under /api/{enrollment,settlement,assistance,supervision,procurement}/.";
            case 504 -> "The service did not answer in time.";
            default -> status.is5xxServerError() ? "The gateway could not complete the call." : reason(error);
        };
        if (status.is5xxServerError()) {
            log.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getURI().getRawPath(), error.toString());
        }
        ProblemDetail problem = Problems.of(status, title(status), detail, requestId, exchange.getRequest().getURI().getRawPath());
        byte[] body = json.writeValueAsBytes(Problems.asMap(problem));
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body);
        return exchange.getResponse().writeWith(Mono.just(buffer));
    }

    private static String reason(Throwable error) {
        return error instanceof ResponseStatusException rse && rse.getReason() != null ? rse.getReason() : "The request was refused.";
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
