package org.yibao.gateway.web;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.yibao.web.RequestIds;
import org.yibao.web.problem.Problems;

import java.util.concurrent.TimeoutException;

/**
 * Where a route's circuit breaker sends a call the service could not answer: a quick problem
 * answer instead of a hung connection. 504 when the service was too slow, 503 when it is down or
 * its breaker is open — saying nothing changed only when the request never reached it.
 */
@RestController
public class FallbackController {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean timedOut = isTimeout(cause);
        HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        String detail = timedOut
                ? "The " + service + " service did not answer in time. The request may or may not have taken effect; "
                        + "retry with the same idempotency key."
                : neverReached(cause)
                ? "The " + service + " service is unavailable. Nothing was changed; try again shortly."
                : "The " + service + " service failed while answering. The request may or may not have taken effect; "
                        + "retry shortly with the same idempotency key.";
        ProblemDetail problem = Problems.of(status, timedOut ? "Service timed out" : "Service unavailable", detail,
                exchange.getAttribute(RequestIds.MDC_KEY), originalPath(exchange));
        problem.setProperty("service", service);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (!timedOut) {
            response.header("Retry-After", "5");
        }
        return response.body(problem);
    }

    /**
     * Whether the request never reached the service: its circuit breaker was open, or no connection to it could be made.
     * Any other failure (a connection reset after the request was sent, a service killed while answering) leaves the
     * outcome unknown.
     */
    static boolean neverReached(Throwable cause) {
        if (cause == null) {
            return true; // the breaker's own refusal carries no cause
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException
                    || (t instanceof org.springframework.web.server.ResponseStatusException rse
                        && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
                return true;
            }
        }
        return false;
    }

    private static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(RequestIdGlobalFilter.ORIGINAL_PATH);
        return original != null ? original : exchange.getRequest().getURI().getRawPath();
    }
}
