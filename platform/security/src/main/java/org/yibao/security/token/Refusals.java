package org.yibao.security.token;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** The words of a 401, the same from the gateway and the services. */
public final class Refusals {

    private Refusals() {
    }

    /** Why the caller is not authenticated, for the problem's detail. */
    public static String unauthenticated(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return "The bearer token was refused: " + oauth.getError().getDescription();
        }
        return "A bearer token is required: get one from the gateway's /oauth2/token with the client's credentials.";
    }

    /** The RFC 6750 challenge. */
    public static String wwwAuthenticate(AuthenticationException e) {
        return e instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}
