package org.yibao.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 503 of the gateway says nothing changed only when the request never reached the service (a fresh-eyes review: a
 * service killed while answering was also told "Nothing was changed", and its caller would not look for what it made).
 */
class FallbackControllerTest {

    @Test
    void onlyARequestThatNeverReachedTheServiceChangedNothing() {
        assertThat(FallbackController.neverReached(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"))))
                .isTrue();
        assertThat(FallbackController.neverReached(new IllegalStateException("connect", new ConnectException("Connection refused")))).isTrue();
        assertThat(FallbackController.neverReached(null)).isTrue();
        assertThat(FallbackController.neverReached(new IOException("Connection reset by peer"))).isFalse();
    }
}
