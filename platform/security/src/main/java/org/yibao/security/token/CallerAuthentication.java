package org.yibao.security.token;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.yibao.security.CallerIdentity;

import java.util.Optional;

/** A request authenticated by a verified token: the caller it names, and the token for passing on. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final CallerIdentity caller;
    private final String token;

    private CallerAuthentication(CallerIdentity caller, String token) {
        super(AuthorityUtils.NO_AUTHORITIES);
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    /**
     * The caller a verified token names.
     *
     * @throws InvalidBearerTokenException (401) when the token does not say who is calling
     */
    public static CallerAuthentication of(Jwt jwt) {
        try {
            return new CallerAuthentication(TokenClaims.identity(jwt.getSubject(), jwt.getClaims()), jwt.getTokenValue());
        } catch (TokenClaims.InvalidIdentityException e) {
            throw new InvalidBearerTokenException(e.getMessage());
        }
    }

    /**
     * The bearer token of the request this thread serves, to pass on when a service calls another
     * on the caller's behalf (token relay: the other service checks the same caller).
     */
    public static Optional<String> currentToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller
                ? Optional.of(caller.token) : Optional.empty();
    }

    public CallerIdentity caller() {
        return caller;
    }

    @Override
    public CallerIdentity getPrincipal() {
        return caller;
    }

    @Override
    public String getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.clientId();
    }
}
