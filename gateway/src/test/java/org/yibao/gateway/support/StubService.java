package org.yibao.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for the services behind the gateway: it records each
 * call it gets (so a test can prove a refused call never arrived), echoes the request id, answers
 * slowly for {@code ?slow}, 503 for {@code ?unavailable}, a cut answer for {@code ?dies}, and serves a small OpenAPI document.
 */
public final class StubService implements AutoCloseable {

    public final List<String> seen = new CopyOnWriteArrayList<>();
    public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The traceparent header of each call that had one. */
    public final List<String> traceParents = new CopyOnWriteArrayList<>();
    /** Each call's Host and X-Yibao-Client-Address headers, "host address" (the identity route's). */
    public final List<String> hostsAndAddresses = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    public StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        seen.clear();
        hostsAndAddresses.clear();
        calls.clear();
        authorizations.clear();
        traceParents.clear();
    }

    public int callCount() {
        return seen.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A port nothing listens on: a stopped service. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
        String method = exchange.getRequestMethod();
        seen.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("X-Request-Id"));
        calls.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        hostsAndAddresses.add(exchange.getRequestHeaders().getFirst("Host") + " "
                + exchange.getRequestHeaders().getFirst("X-Yibao-Client-Address"));
        String traceParent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceParent != null) {
            traceParents.add(traceParent);
        }
        exchange.getRequestBody().readAllBytes();
        int status = 200;
        String body = "ok " + path;
        if (query.contains("slow")) {
            sleep(3_000);
        } else if (query.contains("unavailable")) {
            status = 503;
        } else if (query.contains("dies")) {
            // an instance killed while it works on the call: the connection ends with no answer at all
            exchange.close();
            return;
        }
        if (path.equals("/v3/api-docs")) {
            body = """
                    {"openapi":"3.1.0","info":{"title":"stub","version":"1"},"servers":[{"url":"http://127.0.0.1"}],
                     "paths":{"/api/enrollment/persons/{personId}":{"get":{"responses":{"200":{"content":{"application/json":
                       {"schema":{"$ref":"#/components/schemas/PersonView"}}}}}}}},
                     "components":{"schemas":{"PersonView":{"type":"object"}}}}""";
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // a real service echoes the request id too; the caller must still see it once
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
