package org.yibao.identity;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The token endpoint's guard against guessing (ADR 0014): a client id whose secret was wrong too often from an address
 * (or an address that tried too many ids, or an id tried from too many addresses) is answered 429 with Retry-After
 * before its secret is checked; every refusal (401) is counted against it, written to the audit log and to
 * {@code yibao.identity.tokens{outcome}}. Only requests that present a secret count: the console's code exchange has none.
 */
final class TokenEndpointThrottle extends OncePerRequestFilter {

    private static final Logger audit = LoggerFactory.getLogger("org.yibao.identity.audit");

    private final CredentialThrottle throttle;
    private final MeterRegistry meters;

    TokenEndpointThrottle(CredentialThrottle throttle, MeterRegistry meters) {
        this.throttle = throttle;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/oauth2/token".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = presentedClientId(request);
        if (clientId == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = ClientAddress.of(request);
        long retryAfter = throttle.retryAfterSeconds(clientId, address);
        if (retryAfter > 0) {
            audit.info("token refused for client {} from {}: too many failed attempts", safe(clientId), address);
            meters.counter("yibao.identity.tokens", "outcome", "throttled", "kind", "unknown").increment();
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"error\":\"invalid_client\",\"error_description\":\"too many failed attempts; retry after "
                    + retryAfter + " s\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(clientId, address);
            audit.info("token refused for client {} from {}: wrong id or secret", safe(clientId), address);
            meters.counter("yibao.identity.tokens", "outcome", "refused", "kind", "unknown").increment();
        }
    }

    /** The client id of a request that presents a secret (HTTP Basic, or client_id with client_secret), else null. */
    private static String presentedClientId(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? "" : java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        String secret = request.getParameter("client_secret");
        String id = request.getParameter("client_id");
        return secret == null ? null : id == null ? "" : id;
    }

    static String safe(String clientId) {
        String shown = clientId.replaceAll("[^A-Za-z0-9._\\-]", "?");
        return shown.length() > 64 ? shown.substring(0, 64) + "..." : shown;
    }
}
