package org.yibao.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.net.ConnectException;

/**
 * Sends a call whose connection was refused to the next instance, whatever its method: it never reached a service
 * (nothing was sent, the request body not read), so sending it again cannot do anything twice. With several instances
 * (lb://) the load balancer picks the next one; a killed instance costs a refused connection, not a refused call.
 * Spring Cloud Gateway's own retry filter keeps its job (GET and HEAD on 502/503); the two cannot share one filter, as
 * its iteration count is one per exchange.
 */
final class ConnectRetry implements GatewayFilter {

    private final int retries;

    ConnectRetry(int retries) {
        this.retries = retries;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Mono.defer(() -> {
                    ServerWebExchangeUtils.reset(exchange);
                    return chain.filter(exchange);
                })
                .retryWhen(Retry.max(retries).filter(ConnectRetry::refused));
    }

    static boolean refused(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
