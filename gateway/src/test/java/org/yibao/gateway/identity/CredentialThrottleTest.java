package org.yibao.gateway.identity;

import org.junit.jupiter.api.Test;
import org.yibao.gateway.ratelimit.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialThrottleTest {

    private final CredentialThrottle throttle = new CredentialThrottle(properties(new RateLimit(5, 5 / 60.0), new RateLimit(20, 20 / 60.0)));

    @Test
    void fiveFailuresOfOneClientIdThrottleItAndNoOtherClient() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfterSeconds("his-H1", "10.0.0.1")).as("attempt " + (i + 1)).isZero();
            throttle.failed("his-H1", "10.0.0.1");
        }

        assertThat(throttle.retryAfterSeconds("his-H1", "10.0.0.1")).isBetween(1L, 12L);
        assertThat(throttle.retryAfterSeconds("his-H1", "10.0.0.2")).as("from anywhere").isBetween(1L, 12L);
        assertThat(throttle.retryAfterSeconds("his-H2", "10.0.0.1")).as("another client from the same address").isZero();
    }

    @Test
    void twentyFailuresFromOneAddressThrottleItWhateverIdsItTries() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.retryAfterSeconds("guess-" + i, "10.0.0.9")).isZero();
            throttle.failed("guess-" + i, "10.0.0.9");
        }

        assertThat(throttle.retryAfterSeconds("guess-new", "10.0.0.9")).isBetween(1L, 3L);
        assertThat(throttle.retryAfterSeconds("guess-new", "10.0.0.10")).isZero();
    }

    @Test
    void anUnknownIdIsCountedLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("no-such-client", "10.0.0.3");
        }

        assertThat(throttle.retryAfterSeconds("no-such-client", "10.0.0.4")).isPositive();
    }

    private static IdentityProperties properties(RateLimit perClient, RateLimit perAddress) {
        IdentityProperties properties = new IdentityProperties();
        properties.setFailedAuthenticationsPerClient(perClient);
        properties.setFailedAuthenticationsPerAddress(perAddress);
        return properties;
    }
}
