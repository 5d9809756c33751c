package org.yibao.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.stereotype.Component;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.gateway.security.ExchangeAttributes;
import org.yibao.security.CallerIdentity;
import org.yibao.web.RequestIds;
import reactor.core.publisher.Mono;

/**
 * Gives every call a request id (the caller's, if it sent a sane one), passes it to the service,
 * returns it to the caller and writes one audit line per call: who (the verified caller, or
 * anonymous), what, the outcome and why a refusal, with resident ids masked.
 * A web filter rather than a route filter, so that calls no route matches get an id too.
 */
@Component
public class RequestIdGlobalFilter implements WebFilter, Ordered {

    /** Exchange attribute with the path the caller asked for, before any forward to a fallback. */
    public static final String ORIGINAL_PATH = "yibao.originalPath";

    /** The audit trail: who called what, with what outcome. Its own logger, so that it can go to its own file. */
    private static final Logger audit = LoggerFactory.getLogger("org.yibao.gateway.audit");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> h.set(RequestIds.HEADER, requestId)).build();
        exchange.getAttributes().put(RequestIds.MDC_KEY, requestId);
        exchange.getAttributes().put(ORIGINAL_PATH, exchange.getRequest().getURI().getRawPath());
        // set again just before commit: the proxied service's own copy of the header would otherwise be appended
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> audit(exchange, request, requestId, started));
    }

    private static void audit(ServerWebExchange exchange, ServerHttpRequest request, String requestId, long started) {
        CallerIdentity caller = exchange.getAttribute(ExchangeAttributes.CALLER);
        String refusal = exchange.getAttribute(ExchangeAttributes.REFUSAL);
        String query = request.getURI().getRawQuery();
        audit.info("{} {} {}{} -> {} in {} ms [{}]{}",
                caller == null ? "anonymous" : caller.describe(),
                request.getMethod(),
                IdMasking.maskAllInUrl(request.getURI().getRawPath()),
                query == null ? "" : "?" + IdMasking.maskAllInUrl(withoutCredentials(query)),
                exchange.getResponse().getStatusCode() == null ? "-" : exchange.getResponse().getStatusCode().value(),
                (System.nanoTime() - started) / 1_000_000, requestId,
                refusal == null ? "" : " refused: " + IdMasking.maskAll(refusal));
    }

    /**
     * A query with the values of parameters that carry credentials replaced by {@code [redacted]}: an authorization code
     * on its way to the console's callback, the id token a sign-out sends as {@code id_token_hint}, a token or a secret
     * sent in a query (RFC 6749 §10.5: codes are secrets). A parameter's name is compared as the audit line will show it
     * (decoded twice, NFKC, any case), so {@code %63ode} is a code too.
     */
    static String withoutCredentials(String rawQuery) {
        java.util.StringJoiner out = new java.util.StringJoiner("&");
        for (String part : rawQuery.split("&", -1)) {
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            out.add(equals >= 0 && CREDENTIALS.contains(normalName(name)) ? name + "=[redacted]" : part);
        }
        return out.toString();
    }

    /** Parameters whose values are credentials (OAuth 2.0 / OIDC names, and the obvious ones). */
    private static final java.util.Set<String> CREDENTIALS = java.util.Set.of("code", "code_verifier", "access_token", "id_token",
            "id_token_hint", "logout_hint", "refresh_token", "token", "client_secret", "client_assertion", "assertion", "password",
            "session_state");

    private static String normalName(String raw) {
        String decoded = raw;
        for (int pass = 0; pass < 2 && decoded.indexOf('%') >= 0; pass++) {
            try {
                decoded = java.net.URLDecoder.decode(decoded.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        return java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFKC).trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
