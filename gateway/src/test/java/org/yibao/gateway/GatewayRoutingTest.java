package org.yibao.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway routes each prefix to its service with a request id, answers problem+json for what
 * it cannot route or reach, gives up on a slow service at the route's timeout, and retries only
 * what is safe to send twice. The services here are small real HTTP servers on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yibao.gateway.services.assistance.timeout=500ms"})
class GatewayRoutingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final HttpServer backend = startBackend();
    private static final List<String> seen = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private static final int closedPort = closedPort();

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String up = "http://127.0.0.1:" + backend.getAddress().getPort();
        registry.add("yibao.gateway.services.enrollment.uri", () -> up);
        registry.add("yibao.gateway.services.assistance.uri", () -> up);
        registry.add("yibao.gateway.services.procurement.uri", () -> up);
        registry.add("yibao.gateway.services.supervision.uri", () -> up);
        registry.add("yibao.gateway.services.settlement.uri", () -> "http://127.0.0.1:" + closedPort);
    }

    @BeforeEach
    void reset() {
        seen.clear();
        calls.clear();
    }

    @AfterAll
    static void stopBackend() {
        backend.stop(0);
    }

    @Test
    void routesEachPrefixToItsServiceWithARequestId() throws Exception {
        HttpResponse<String> response = send("GET", "/api/enrollment/persons/1", null, "his-msg-001");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok /api/enrollment/persons/1");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("his-msg-001");
        assertThat(seen).containsExactly("GET /api/enrollment/persons/1 his-msg-001");
    }

    @Test
    void makesARequestIdWhenTheCallerSendsNoneOrAnUnsafeOne() throws Exception {
        HttpResponse<String> response = send("GET", "/api/procurement/batches", null, "bad id\twith tab");

        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void healthOfEachServiceIsReachable() throws Exception {
        HttpResponse<String> response = send("GET", "/ops/supervision/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(seen).singleElement().satisfies(line -> assertThat(line).startsWith("GET /actuator/health "));
    }

    @Test
    void aStoppedServiceGivesA503Problem() throws Exception {
        HttpResponse<String> response = send("POST", "/api/settlement/settlements", "{}", "req-down");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"service\":\"settlement\"").contains("\"requestId\":\"req-down\"")
                .contains("\"instance\":\"/api/settlement/settlements\"");
    }

    @Test
    void aSlowServiceIsGivenUpOnAtTheRouteTimeoutWithA504Problem() throws Exception {
        HttpResponse<String> response = send("GET", "/api/assistance/slow", null, null);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("did not answer in time");
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = send("GET", "/api/nothing-here", null, "req-404");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"requestId\":\"req-404\"");
    }

    @Test
    void retriesAGetButNeverAPost() throws Exception {
        send("GET", "/api/enrollment/unavailable", null, null);
        send("POST", "/api/enrollment/unavailable", "{}", null);

        assertThat(calls.get("GET /api/enrollment/unavailable")).hasValue(3);
        assertThat(calls.get("POST /api/enrollment/unavailable")).hasValue(1);
    }

    @Test
    void residentIdsInPathsAreMaskedInProblems() throws Exception {
        HttpResponse<String> response = send("GET", "/api/unknown/persons/11010519491231002X", null, null);

        assertThat(response.body()).doesNotContain("11010519491231002X").contains("1101**********002X");
    }

    private HttpResponse<String> send(String method, String path, String body, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/", GatewayRoutingTest::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        seen.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("X-Request-Id"));
        calls.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        int status = 200;
        if (path.endsWith("/slow")) {
            sleep(3_000);
        } else if (path.endsWith("/unavailable")) {
            status = 503;
        }
        byte[] body = ("ok " + path).getBytes(StandardCharsets.UTF_8);
        // a real service echoes the request id too; the caller must still see it once
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
