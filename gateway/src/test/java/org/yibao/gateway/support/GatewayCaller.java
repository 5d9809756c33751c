package org.yibao.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.DefaultResourceLoader;
import org.yibao.security.clients.ClientRegistry;
import org.yibao.testsupport.security.TestCallers;

/**
 * Calls the gateway under test as a real caller does: a token naming a registered client (from the local clients
 * file), then bearer calls.
 */
public final class GatewayCaller {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String base;

    public GatewayCaller(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private static final ClientRegistry CLIENTS = ClientRegistry.load(new DefaultResourceLoader(),
            "classpath:org/yibao/security/local-clients.yml");

    /**
     * A token for the registered client whose secret this is, signed by the test key the gateway under test trusts (the
     * identity service issues real ones; it is tested in identity-service). One per client: the secret check is slow.
     */
    public String token(String clientId, String secret) {
        return TOKENS.computeIfAbsent(clientId + " " + secret, k -> TestCallers.token(CLIENTS.authenticate(clientId, secret)
                .orElseThrow(() -> new IllegalStateException("no registered client " + clientId + " with that secret")).identity()));
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
