package org.yibao.identity;

import org.junit.jupiter.api.Test;
import org.yibao.security.clients.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialThrottleTest {

    private final CredentialThrottle throttle = new CredentialThrottle(new IdentityProperties());

    @Test
    void fiveFailuresOfOneClientIdFromOneAddressThrottleThatAddressOnly() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfterSeconds("his-H1", "10.0.0.1")).as("attempt " + (i + 1)).isZero();
            throttle.failed("his-H1", "10.0.0.1");
        }

        assertThat(throttle.retryAfterSeconds("his-H1", "10.0.0.1")).isBetween(1L, 12L);
        assertThat(throttle.retryAfterSeconds("his-H1", "10.0.0.2")).as("the hospital itself, elsewhere, is not locked out").isZero();
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
    void aHundredFailuresOfOneClientIdFromManyAddressesThrottleItEverywhere() {
        for (int i = 0; i < 100; i++) {
            throttle.failed("his-H3", "10.1." + (i / 250) + "." + (i % 250));
        }

        assertThat(throttle.retryAfterSeconds("his-H3", "10.9.9.9")).isPositive();
        assertThat(throttle.retryAfterSeconds("his-H4", "10.9.9.9")).isZero();
    }

    @Test
    void anUnknownIdIsCountedLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("no-such-client", "10.0.0.3");
        }

        assertThat(throttle.retryAfterSeconds("no-such-client", "10.0.0.3")).isPositive();
    }

    @Test
    void theLimitsAreSettings() {
        IdentityProperties strict = new IdentityProperties();
        strict.setFailedAuthenticationsPerClient(new RateLimit(1, 1 / 60.0));
        CredentialThrottle one = new CredentialThrottle(strict);

        one.failed("his-H5", "10.0.0.5");

        assertThat(one.retryAfterSeconds("his-H5", "10.0.0.5")).isBetween(1L, 60L);
    }
}
