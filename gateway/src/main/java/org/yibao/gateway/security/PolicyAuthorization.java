package org.yibao.gateway.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import org.yibao.security.access.AccessDecision;
import org.yibao.security.access.AccessPolicy;
import org.yibao.security.token.CallerAuthentication;
import reactor.core.publisher.Mono;

/**
 * The platform's access policy at the door: a call reaches a service only if the policy admits
 * this caller to this method and path. The decision stays on the exchange so that a refusal says
 * why and a path without any API is a 404.
 */
class PolicyAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    static final String DECISION = AccessDecision.class.getName();

    private final AccessPolicy policy;

    PolicyAuthorization(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        return authentication.filter(CallerAuthentication.class::isInstance).cast(CallerAuthentication.class)
                .map(caller -> {
                    exchange.getAttributes().put(ExchangeAttributes.CALLER, caller.caller());
                    AccessDecision decision = policy.decide(exchange.getRequest().getMethod().name(),
                            exchange.getRequest().getURI().getRawPath(), caller.caller());
                    exchange.getAttributes().put(DECISION, decision);
                    return (AuthorizationResult) new AuthorizationDecision(decision.allowed());
                })
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
