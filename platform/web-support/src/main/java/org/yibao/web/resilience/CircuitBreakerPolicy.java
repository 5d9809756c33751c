package org.yibao.web.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The platform's one circuit-breaker policy (Resilience4j) for a synchronous call from one of its
 * applications to another: the gateway's route to each service, settlement's real-time pre-check
 * call to supervision. Settings under {@code yibao.circuit-breaker}; each has a default, so a
 * deployment that sets nothing gets the same policy everywhere.
 *
 * <p>ASSUMPTION (no seed names these numbers): judge the last 20 calls once at least 10 were made,
 * open at 50% failures, stay open 10 seconds, then let 3 trial calls through.
 *
 * @param slidingWindowSize               calls judged (count-based window)
 * @param minimumNumberOfCalls            calls needed before the failure rate counts
 * @param failureRateThreshold            percent of failed calls that opens the breaker (1-100)
 * @param waitInOpenState                 how long an open breaker refuses calls before trying again
 * @param permittedCallsInHalfOpenState   trial calls let through after the wait
 */
@ConfigurationProperties("yibao.circuit-breaker")
public record CircuitBreakerPolicy(Integer slidingWindowSize, Integer minimumNumberOfCalls, Float failureRateThreshold,
                                   Duration waitInOpenState, Integer permittedCallsInHalfOpenState) {

    /** The policy with every default. */
    public static final CircuitBreakerPolicy DEFAULT = new CircuitBreakerPolicy(null, null, null, null, null);

    public CircuitBreakerPolicy {
        slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls == null ? 10 : minimumNumberOfCalls;
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(10) : waitInOpenState;
        permittedCallsInHalfOpenState = permittedCallsInHalfOpenState == null ? 3 : permittedCallsInHalfOpenState;
        if (slidingWindowSize < 1 || minimumNumberOfCalls < 1 || permittedCallsInHalfOpenState < 1) {
            throw new IllegalStateException("yibao.circuit-breaker: window, minimum calls and half-open calls must be at least 1");
        }
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalStateException("yibao.circuit-breaker.failure-rate-threshold must be a percentage above 0 and at most 100");
        }
        if (waitInOpenState.isNegative() || waitInOpenState.isZero()) {
            throw new IllegalStateException("yibao.circuit-breaker.wait-in-open-state must be positive");
        }
    }

    /** A Resilience4j configuration of this policy, to which a caller may add what it records as a failure. */
    public CircuitBreakerConfig.Builder toConfig() {
        return CircuitBreakerConfig.custom()
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumNumberOfCalls)
                .failureRateThreshold(failureRateThreshold)
                .waitDurationInOpenState(waitInOpenState)
                .permittedNumberOfCallsInHalfOpenState(permittedCallsInHalfOpenState);
    }
}
