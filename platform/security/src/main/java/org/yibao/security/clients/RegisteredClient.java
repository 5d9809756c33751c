package org.yibao.security.clients;

import org.yibao.security.CallerIdentity;

/**
 * A client the bureau registered: who it is, its secret (hashed, in Spring Security's
 * {@code {id}hash} form) and, when it differs from its kind's default, its rate limit.
 */
public record RegisteredClient(CallerIdentity identity, String secretHash, RateLimit rateLimit) {

    public String clientId() {
        return identity.clientId();
    }
}
