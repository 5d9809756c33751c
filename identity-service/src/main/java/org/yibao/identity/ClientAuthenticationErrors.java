package org.yibao.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * How the authorization server's endpoints answer a program whose client is not authenticated (RFC 6749 §5.2):
 * 401 with a JSON body whose {@code error} is {@code invalid_client} and a {@code WWW-Authenticate: Basic} challenge
 * naming the scheme a confidential client uses (RFC 6749 §5.2 requires it after HTTP Basic, and allows it otherwise). A browser asking for a
 * page is sent to the login form instead (the configuration's first entry point).
 */
final class ClientAuthenticationErrors {

    /** The challenge; the realm names the platform. */
    static final String CHALLENGE = "Basic realm=\"yibao\"";

    private static final OAuth2ErrorHttpMessageConverter JSON = new OAuth2ErrorHttpMessageConverter();

    /**
     * A refused token request: a client that failed authentication (a wrong secret, an unknown id, a public client
     * without its PKCE verifier) gets 401 invalid_client with the challenge; any other error (invalid_grant,
     * unsupported_grant_type, ...) 400 with its code.
     */
    static final AuthenticationFailureHandler FAILURE = (request, response, exception) -> {
        // anything but an OAuth refusal (a store that failed, say) is the server's fault, not the client's
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR);
        if (OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        write(response, error);
    };

    /** A request with no client authentication at all, to an endpoint that needs one. */
    static final AuthenticationEntryPoint ENTRY_POINT = (request, response, exception) -> {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        write(response, new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed: no client credentials", null));
    };

    private ClientAuthenticationErrors() {
    }

    /**
     * 401 for invalid_client, 500 for server_error, 503 for temporarily_unavailable, 400 for any other error (RFC 6749
     * §5.2), the error as the RFC's JSON object.
     */
    private static void write(HttpServletResponse response, OAuth2Error error) throws java.io.IOException {
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        out.setStatusCode(switch (error.getErrorCode()) {
            case OAuth2ErrorCodes.INVALID_CLIENT -> HttpStatus.UNAUTHORIZED;
            case OAuth2ErrorCodes.SERVER_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            case OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        });
        JSON.write(error, null, out);
    }
}
