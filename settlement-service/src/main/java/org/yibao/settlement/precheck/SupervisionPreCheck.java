package org.yibao.settlement.precheck;

import org.yibao.security.token.CallerAuthentication;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.yibao.web.resilience.CircuitBreakerPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Asks supervision-service for a real-time verdict, guarded by a timeout and a Resilience4j circuit
 * breaker. Any failure (slow, down, an answer it cannot read, an open breaker) gives UNCHECKED: the
 * bill goes on and is flagged, never refused because the audit is unavailable.
 */
public class SupervisionPreCheck {

    private static final Logger log = LoggerFactory.getLogger(SupervisionPreCheck.class);

    private final PreCheckProperties properties;
    private final HttpClient http;
    private final JsonMapper json;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;

    /** @param breaker the platform's one circuit-breaker policy (the gateway's routes use the same) */
    public SupervisionPreCheck(PreCheckProperties properties, CircuitBreakerPolicy breaker, JsonMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(breaker.toConfig().build());
        this.breaker = registry.circuitBreaker("supervision-precheck");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    public Verdict check(PreCheckRequest bill) {
        if (!properties.enabled()) {
            return count(Verdict.unchecked("the supervision pre-check is switched off"));
        }
        try {
            return count(breaker.executeCallable(() -> call(bill)));
        } catch (CallNotPermittedException e) {
            return count(Verdict.unchecked("supervision pre-check circuit is open"));
        } catch (Exception e) {
            log.warn("supervision pre-check failed; settling and flagging for later audit: {}", e.toString());
            return count(Verdict.unchecked("supervision pre-check unavailable: " + e.getClass().getSimpleName()));
        }
    }

    private Verdict call(PreCheckRequest bill) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url() + "/api/supervision/pre-checks"))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(bill)));
        // supervision checks the same hospital or pharmacy that asked us to settle
        CallerAuthentication.currentToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("supervision answered " + response.statusCode());
        }
        Verdict verdict = json.readValue(response.body(), Verdict.class);
        if (verdict.outcome() == null || verdict.outcome() == Verdict.Outcome.UNCHECKED) {
            throw new IllegalStateException("supervision gave no verdict");
        }
        return verdict;
    }

    private Verdict count(Verdict verdict) {
        meters.counter("yibao.settlement.precheck", "outcome", verdict.outcome().name()).increment();
        return verdict;
    }
}
