package org.yibao.city.drive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yibao.testsupport.client.KeepAliveHttp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's caller tells a 200 "already settled" it caused itself (an earlier sending whose answer was a 503) from one of
 * an earlier run (answered so on the first sending): CityChaosIT once counted a bill short when a killed instance had
 * settled it and the resend was answered 200.
 */
class GatewayRetryTest {

    private HttpServer server;
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", x -> answer(x, 200, "{\"access_token\":\"t\",\"token_type\":\"Bearer\"}"));
        server.createContext("/api/settlement/settlements", x -> {
            x.getRequestBody().readAllBytes();
            int status = answers.get(Math.min(calls.getAndIncrement(), answers.size() - 1));
            answer(x, status, "{\"id\":\"b1\"}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a200AfterA503IsMarkedAsSentAgain() throws IOException {
        answers.addAll(List.of(503, 200));
        Gateway.Response r = post();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.uncertain()).isTrue();
    }

    @Test
    void a504IsSentAgainAndItsOutcomeUnknown() throws IOException {
        answers.addAll(List.of(504, 200));
        Gateway.Response r = post();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.uncertain()).isTrue();
    }

    @Test
    void a200AfterA429IsNotMarked() throws IOException {
        // a rate limit never reached the service: a 200 after it is an earlier run's
        answers.addAll(List.of(429, 200));
        Gateway.Response r = post();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.uncertain()).isFalse();
    }

    @Test
    void a200AtOnceIsNot() throws IOException {
        answers.add(200);
        Gateway.Response r = post();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.uncertain()).isFalse();
        assertThat(calls).hasValue(1);
    }

    private Gateway.Response post() throws IOException {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (KeepAliveHttp connection = new KeepAliveHttp(base, "unused")) {
            return new Gateway(base, id -> "secret").post(connection, "his-1", "settle", "/api/settlement/settlements", "{}");
        }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
