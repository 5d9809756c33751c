package org.yibao.testsupport.client;

import org.yibao.security.CallerIdentity;
import org.yibao.testsupport.security.TestCallers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * JSON over HTTP to the service under test, as a caller behind the gateway would send it: with
 * that caller's bearer token. {@link #as} gives the same service as another caller.
 */
public final class ServiceClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String base;
    private final String authorization;

    /** The service on this port, called by this caller. */
    public ServiceClient(int port, CallerIdentity caller) {
        this(port, caller == null ? null : "Bearer " + TestCallers.token(caller));
    }

    private ServiceClient(int port, String authorization) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    /** The same service, called by another caller. */
    public ServiceClient as(CallerIdentity caller) {
        return new ServiceClient(port, caller);
    }

    /** The same service, called with this exact token (expired, tampered...). */
    public ServiceClient withToken(String token) {
        return new ServiceClient(port, "Bearer " + token);
    }

    /** The same service, called without any token. */
    public ServiceClient anonymous() {
        return new ServiceClient(port, (String) null);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A request built by the test (its path relative to {@link #uri}), sent with this caller's token. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }
}
