package org.yibao.gateway.identity;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.yibao.security.token.TokenIssuer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): a registered client sends its id and secret
 * (HTTP Basic or form fields) and gets a signed bearer token naming who it is. The public keys
 * that check these tokens are at {@code /oauth2/jwks}.
 */
@RestController
public class TokenEndpoint {

    private static final Logger audit = LoggerFactory.getLogger("org.yibao.gateway.audit");

    private final ClientRegistry clients;
    private final TokenIssuer issuer;
    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final MeterRegistry meters;
    private final CredentialThrottle throttle;

    public TokenEndpoint(ClientRegistry clients, TokenIssuer issuer, SigningKeys keys, IdentityProperties properties,
                         MeterRegistry meters, CredentialThrottle throttle) {
        this.throttle = throttle;
        this.clients = clients;
        this.issuer = issuer;
        this.keys = keys;
        this.properties = properties;
        this.meters = meters;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                return Mono.just(error(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                        "grant_type must be client_credentials"));
            }
            Optional<String[]> credentials = credentials(exchange, form);
            if (credentials.isEmpty()) {
                return Mono.just(invalidClient("send the client id and secret with HTTP Basic or as client_id and client_secret"));
            }
            String clientId = credentials.get()[0];
            String address = address(exchange);
            long retryAfter = throttle.retryAfterSeconds(clientId, address);
            if (retryAfter > 0) {
                audit.info("token refused for client {} from {}: too many failed attempts", safe(clientId), address);
                meters.counter("yibao.gateway.tokens", "outcome", "throttled", "kind", "unknown").increment();
                return Mono.just(throttled(retryAfter));
            }
            // the password hash is slow on purpose (and as slow for an unknown id); it must not hold an event-loop thread
            return Mono.fromCallable(() -> clients.authenticate(clientId, credentials.get()[1]))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(client -> client.map(this::issued).orElseGet(() -> {
                        throttle.failed(clientId, address);
                        audit.info("token refused for client {} from {}: wrong id or secret", safe(clientId), address);
                        meters.counter("yibao.gateway.tokens", "outcome", "refused", "kind", "unknown").increment();
                        return invalidClient("unknown client or wrong secret");
                    }));
        });
    }

    @GetMapping(path = "/oauth2/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(keys.publicKeys().toJSONObject(true));
    }

    private ResponseEntity<Map<String, Object>> issued(RegisteredClient client) {
        TokenIssuer.IssuedToken token = issuer.issue(client.identity(), properties.getTokenLifetime());
        audit.info("token issued to {} (key {})", client.identity().describe(), issuer.keyId());
        meters.counter("yibao.gateway.tokens", "outcome", "issued", "kind", client.identity().kind().name()).increment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", properties.getTokenLifetime().toSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache").body(body);
    }

    private static Optional<String[]> credentials(ServerWebExchange exchange, MultiValueMap<String, String> form) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String id = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        return id == null || secret == null ? Optional.empty() : Optional.of(new String[] {id, secret});
    }

    private static String address(ServerWebExchange exchange) {
        java.net.InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static ResponseEntity<Map<String, Object>> throttled(long retryAfterSeconds) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(Map.of("error", "invalid_client", "error_description",
                        "too many failed attempts; retry after " + retryAfterSeconds + " s"));
    }

    private static ResponseEntity<Map<String, Object>> invalidClient(String description) {
        ResponseEntity<Map<String, Object>> answer = error(HttpStatus.UNAUTHORIZED, "invalid_client", description);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"yibao\"").body(answer.getBody());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String description) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .body(Map.of("error", code, "error_description", description));
    }

    private static String safe(String clientId) {
        return clientId.replaceAll("[^A-Za-z0-9._\\-]", "?");
    }
}
