package org.yibao.identity;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;

import java.util.function.Consumer;

/**
 * The authorization request's {@code redirect_uri} must be one of the client's registered addresses, character for
 * character (OAuth 2.1 §4.1.1, RFC 9700 §2.1 and §4.1.3: exact string matching).
 *
 * <p>Spring Authorization Server's own check is kept and runs first; it lets a loopback address (127.0.0.1, [::1]) come
 * back on any port, as RFC 8252 §7.3 allows a <em>native</em> application. The console is a browser application served
 * by the gateway on a fixed port, so no other port may receive its codes: another program on the same machine
 * listening there would otherwise be sent a staff member's code. A refused address is never redirected to: the browser
 * gets 400 {@code invalid_request} naming {@code redirect_uri}. The scope check is the library's.
 */
final class ExactRedirectUri {

    /** Redirect address exactly as registered, then the library's scope check. */
    static final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> VALIDATOR =
            OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR
                    .andThen(ExactRedirectUri::exactlyRegistered)
                    .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR);

    private ExactRedirectUri() {
    }

    private static void exactlyRegistered(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String requested = request.getRedirectUri();
        if (requested != null && !context.getRegisteredClient().getRedirectUris().contains(requested)) {
            // no authorization request in the exception: the error is shown to the browser, not sent to the address
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "OAuth 2.0 Parameter: redirect_uri (not a registered address of this client)",
                    "https://datatracker.ietf.org/doc/html/rfc9700#section-2.1"), null);
        }
    }
}
