package org.yibao.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The services behind the gateway, under {@code yibao.gateway}. Adding a service is one entry
 * here: it gets {@code /api/<name>/**} and {@code /ops/<name>/health}.
 */
@ConfigurationProperties("yibao.gateway")
public class GatewayProperties {

    private Duration connectTimeout = Duration.ofSeconds(1);
    private Map<String, Service> services = new LinkedHashMap<>();

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Map<String, Service> getServices() {
        return services;
    }

    public void setServices(Map<String, Service> services) {
        this.services = services;
    }

    public static class Service {
        private URI uri;
        /** The longest the gateway waits for the service's answer before answering 504. */
        private Duration timeout = Duration.ofSeconds(5);

        public URI getUri() {
            return uri;
        }

        public void setUri(URI uri) {
            this.uri = uri;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
