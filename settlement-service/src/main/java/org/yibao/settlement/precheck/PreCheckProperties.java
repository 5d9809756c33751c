package org.yibao.settlement.precheck;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The supervision pre-check, under {@code yibao.settlement.precheck}. Off until supervision-service
 * offers the endpoint; when on, a bill waits at most {@code timeout} for the verdict.
 */
@ConfigurationProperties("yibao.settlement.precheck")
public record PreCheckProperties(boolean enabled, URI url, Duration timeout) {

    public PreCheckProperties {
        url = url == null ? URI.create("http://localhost:8084") : url;
        timeout = timeout == null ? Duration.ofMillis(300) : timeout;
    }
}
