package org.yibao.gateway.routing;

import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.yibao.web.resilience.CircuitBreakerPolicy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One route per service: {@code /api/<service>/**} passes through unchanged (the services own
 * their prefixes), {@code /ops/<service>/health} reaches the service's actuator health. Each route
 * has its own response timeout and circuit breaker; only GET and HEAD are retried on a failed answer, because only
 * they are safe to send twice; a call whose connection was refused is sent to the next instance whatever its method
 * (it never reached the service). A service of several instances is balanced round robin (docs/adr/0029).
 */
@Configuration
@EnableConfigurationProperties(CircuitBreakerPolicy.class)
public class ServiceRoutes {

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.getServices().forEach((name, service) -> {
            Map<String, Object> timeouts = Map.of(
                    RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.getTimeout().toMillis(),
                    RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, properties.getConnectTimeout().toMillis());
            if (!service.getBulkPaths().isEmpty()) {
                // whole files (imports, feeds) take minutes: their own route, timeout and breaker, matched first
                routes.route(name + "-bulk", r -> r.order(-1).path(service.getBulkPaths().toArray(String[]::new))
                        .filters(f -> resilient(f, name, name + "-bulk"))
                        .metadata(Map.of(
                                RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.getBulkTimeout().toMillis(),
                                RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, properties.getConnectTimeout().toMillis()))
                        .uri(target(name, service)));
            }
            routes.route(name, r -> r.path("/api/" + name + "/**")
                    .filters(f -> resilient(f, name, name))
                    .metadata(timeouts)
                    .uri(target(name, service)));
            routes.route(name + "-health", r -> r.path("/ops/" + name + "/health")
                    .filters(f -> resilient(f.setPath("/actuator/health"), name, name))
                    .metadata(timeouts)
                    .uri(target(name, service)));
        });
        GatewayProperties.Service identity = properties.getIdentity();
        if (identity.getUri().size() != 1) {
            throw new IllegalStateException("yibao.gateway.identity.uri must name one instance of the identity service (a browser's "
                    + "login lives in its session; docs/adr/0030), not " + identity.getUri());
        }
        routes.route(IDENTITY, r -> r.path(IDENTITY_PATHS)
                .filters(f -> resilient(f.preserveHostHeader().filter(ServiceRoutes::clientAddress), IDENTITY, IDENTITY))
                .metadata(Map.of(
                        RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, identity.getTimeout().toMillis(),
                        RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, properties.getConnectTimeout().toMillis()))
                .uri(identity.getUri().get(0)));
        return routes.build();
    }

    /** What the gateway passes to the identity service as it is (docs/adr/0030). */
    public static final String[] IDENTITY_PATHS = {"/oauth2/**", "/.well-known/**", "/login", "/logout", "/connect/**", "/userinfo"};
    /** The identity route's name (its breaker's and its fallback's too). */
    static final String IDENTITY = "identity";
    /** The address the caller connected from, for the identity service's throttle on failed logins (set here, never the caller's). */
    static final String CLIENT_ADDRESS = "X-Yibao-Client-Address";

    private static reactor.core.publisher.Mono<Void> clientAddress(org.springframework.web.server.ServerWebExchange exchange,
                                                                 org.springframework.cloud.gateway.filter.GatewayFilterChain chain) {
        java.net.InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> headers.set(CLIENT_ADDRESS, address))).build());
    }

    /**
     * Where a route sends its calls: the one instance's address, or {@code lb://<name>} balanced round robin by Spring
     * Cloud LoadBalancer over the instances {@link ServiceInstances} lists.
     */
    static URI target(String name, GatewayProperties.Service service) {
        if (service.getUri().isEmpty()) {
            throw new IllegalStateException("yibao.gateway.services." + name + ".uri names no instance");
        }
        return service.getUri().size() == 1 ? service.getUri().get(0) : URI.create("lb://" + name);
    }

    private static GatewayFilterSpec resilient(GatewayFilterSpec filters, String service, String breaker) {
        return filters
                // the breaker outermost: it counts what is left after the retries, and its fallback answers last
                .circuitBreaker(cb -> cb.setName(breaker).setFallbackUri("forward:/fallback/" + service))
                // inside it, a GET or HEAD that failed (an instance dying under it, a 502/503) is sent again, to the next
                // instance where there are several; its failure reaches this filter itself, not the breaker's fallback
                .retry(retry -> retry.setRetries(2)
                        .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                        .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                        .setSeries()
                        .setExceptions(IOException.class))
                // innermost: a call whose connection was refused never reached the service, any method goes to the next
                // instance
                .filter(new ConnectRetry(2));
    }


    /**
     * Circuit breakers per service. The time limiter is set beyond the route's response timeout so
     * that the route's own timeout (a clean 504) fires first.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakers(GatewayProperties properties,
                                                                         CircuitBreakerPolicy policy) {
        return factory -> {
            properties.getServices().forEach((name, service) -> {
                configure(factory, policy, name, service.getTimeout());
                configure(factory, policy, name + "-bulk", service.getBulkTimeout());
            });
            configure(factory, policy, IDENTITY, properties.getIdentity().getTimeout());
        };
    }

    private static void configure(ReactiveResilience4JCircuitBreakerFactory factory, CircuitBreakerPolicy policy, String breaker,
                                  Duration routeTimeout) {
        factory.configure(builder -> builder
                .circuitBreakerConfig(policy.toConfig()
                        .recordExceptions(IOException.class, TimeoutException.class,
                                org.springframework.web.server.ResponseStatusException.class)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(routeTimeout.plusSeconds(1))
                        .build()), breaker);
    }

}
