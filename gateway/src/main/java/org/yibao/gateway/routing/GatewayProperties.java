package org.yibao.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yibao.security.clients.RateLimit;
import org.yibao.security.ClientKind;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services behind the gateway, under {@code yibao.gateway}. Adding a service is one entry
 * here: it gets {@code /api/<name>/**} and {@code /ops/<name>/health}.
 */
@ConfigurationProperties("yibao.gateway")
public class GatewayProperties {

    private Duration connectTimeout = Duration.ofSeconds(1);
    private Map<String, Service> services = new LinkedHashMap<>();
    /**
     * The identity service (docs/adr/0030): the token endpoint, the keys, the staff's login and the OpenID metadata,
     * passed on as they are, with the caller's Host (so its addresses are the gateway's). One instance: a browser's
     * login is held in that instance's session.
     */
    private Service identity = new Service();
    /** Each client kind's default rate; a registered client may have its own. */
    private Map<ClientKind, RateLimit> rateLimits = new EnumMap<>(ClientKind.class);

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

    public Service getIdentity() {
        return identity;
    }

    public void setIdentity(Service identity) {
        this.identity = identity;
    }

    public Map<ClientKind, RateLimit> getRateLimits() {
        return rateLimits;
    }

    public void setRateLimits(Map<ClientKind, RateLimit> rateLimits) {
        this.rateLimits = rateLimits;
    }

    public static class Service {
        /** The service's instances: one address, or several (comma-separated) that the gateway balances over. */
        private List<URI> uri = List.of();
        /** The longest the gateway waits for the service's answer before answering 504. */
        private Duration timeout = Duration.ofSeconds(5);
        /** Paths (patterns) that carry whole files or do a whole region's work: they get {@link #bulkTimeout} instead. */
        private List<String> bulkPaths = List.of();
        private Duration bulkTimeout = Duration.ofMinutes(10);

        public List<URI> getUri() {
            return uri;
        }

        public void setUri(List<URI> uri) {
            this.uri = List.copyOf(uri);
        }

        public List<String> getBulkPaths() {
            return bulkPaths;
        }

        public void setBulkPaths(List<String> bulkPaths) {
            this.bulkPaths = bulkPaths;
        }

        public Duration getBulkTimeout() {
            return bulkTimeout;
        }

        public void setBulkTimeout(Duration bulkTimeout) {
            this.bulkTimeout = bulkTimeout;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }
}
