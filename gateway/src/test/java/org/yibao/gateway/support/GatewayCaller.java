package org.yibao.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the gateway under test as a real caller does: a token from /oauth2/token with the client's
 * credentials (from the local clients file), then bearer calls.
 */
public final class GatewayCaller {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String base;

    public GatewayCaller(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Asks the token endpoint (HTTP Basic), as an HIS would. */
    public HttpResponse<String> requestToken(String clientId, String secret, String grantType) {
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + URLEncoder.encode(grantType, StandardCharsets.UTF_8))));
    }

    /** A token for the client (one per client and gateway run; the secret check is slow on purpose). */
    public String token(String clientId, String secret) {
        return TOKENS.computeIfAbsent(base + " " + clientId, k -> {
            HttpResponse<String> response = requestToken(clientId, secret, "client_credentials");
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + clientId + ": " + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        });
    }

    public HttpResponse<String> call(String method, String path, String body, String token, String requestId) {
        return call(method, path, body, token, requestId, java.util.Map.of());
    }

    /** A call with headers of the test's own (e.g. a caller's traceparent). */
    public HttpResponse<String> call(String method, String path, String body, String token, String requestId,
                                     java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
