package org.yibao.web.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerPolicyTest {

    @Test
    void withNothingSetEveryCallerGetsTheSamePolicy() {
        CircuitBreakerConfig config = bind(Map.of()).toConfig().build();

        assertThat(config.getSlidingWindowSize()).isEqualTo(20);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
        assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000L);
    }

    @Test
    void aDeploymentSetsItOnceUnderYibaoCircuitBreaker() {
        CircuitBreakerPolicy policy = bind(Map.of("yibao.circuit-breaker.minimum-number-of-calls", "4",
                "yibao.circuit-breaker.wait-in-open-state", "30s"));

        assertThat(policy.minimumNumberOfCalls()).isEqualTo(4);
        assertThat(policy.waitInOpenState()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.slidingWindowSize()).isEqualTo(20);
    }

    @Test
    void impossibleSettingsAreRefusedAtStartNamingTheSetting() {
        assertThatThrownBy(() -> new CircuitBreakerPolicy(20, 10, 0f, null, null))
                .hasMessageContaining("failure-rate-threshold");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(0, 10, 50f, null, null))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(null, null, null, Duration.ZERO, null))
                .hasMessageContaining("wait-in-open-state");
    }

    private static CircuitBreakerPolicy bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("yibao.circuit-breaker", CircuitBreakerPolicy.class);
    }
}
