package org.yibao.security.servlet;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.yibao.security.access.AccessDecision;
import org.yibao.security.access.AccessPolicy;
import org.yibao.security.token.CallerAuthentication;

import java.util.function.Supplier;

/**
 * The access policy as a Spring Security decision for a servlet request. The policy's answer is
 * kept on the request so that the refusal can say why, and be a 404 where no API exists.
 */
class PolicyAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

    static final String DECISION_ATTRIBUTE = AccessDecision.class.getName();

    private final AccessPolicy policy;

    PolicyAuthorizationManager(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof CallerAuthentication caller)) {
            return new AuthorizationDecision(false);
        }
        var request = context.getRequest();
        AccessDecision decision = policy.decide(request.getMethod(), request.getRequestURI(), caller.caller());
        request.setAttribute(DECISION_ATTRIBUTE, decision);
        return new AuthorizationDecision(decision.allowed());
    }
}
