package org.yibao.identity;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The staff login form's guard against guessing, the same buckets as the token endpoint's ({@link CredentialThrottle},
 * a user name counting as a client id): a throttled name and address is sent back to the form with the seconds to
 * wait before the password is checked; every failure is counted, audited and metered
 * ({@code yibao.identity.logins{outcome}}); every login is audited.
 */
final class LoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler, AuthenticationSuccessHandler {

    private static final Logger audit = LoggerFactory.getLogger("org.yibao.identity.audit");

    private final CredentialThrottle throttle;
    private final MeterRegistry meters;
    private final AuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginThrottle(CredentialThrottle throttle, MeterRegistry meters) {
        this.throttle = throttle;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/login".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = String.valueOf(request.getParameter("username"));
        long retryAfter = throttle.retryAfterSeconds(username, ClientAddress.of(request));
        if (retryAfter > 0) {
            audit.info("login refused for {} from {}: too many failed attempts", TokenEndpointThrottle.safe(username), ClientAddress.of(request));
            meters.counter("yibao.identity.logins", "outcome", "throttled").increment();
            response.sendRedirect("/login?throttled=" + retryAfter + lang(request));
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = String.valueOf(request.getParameter("username"));
        throttle.failed(username, ClientAddress.of(request));
        audit.info("login refused for {} from {}: wrong user name or password", TokenEndpointThrottle.safe(username), ClientAddress.of(request));
        meters.counter("yibao.identity.logins", "outcome", "refused").increment();
        response.sendRedirect("/login?error" + lang(request));
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        audit.info("login of {} from {}", TokenEndpointThrottle.safe(authentication.getName()), ClientAddress.of(request));
        meters.counter("yibao.identity.logins", "outcome", "accepted").increment();
        proceed.onAuthenticationSuccess(request, response, authentication);
    }

    private static String lang(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? "&lang=en" : "";
    }
}
