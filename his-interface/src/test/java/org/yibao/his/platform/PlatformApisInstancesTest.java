package org.yibao.his.platform;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.yibao.his.national.HisException;
import org.yibao.security.token.CallerAuthentication;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service given as several instances (the local platform's --instances): the calls take turns, and one whose connection
 * was refused — an instance killed — goes to the next, whatever its kind, since it never reached the first (issue 27).
 */
class PlatformApisInstancesTest {

    private HttpServer live;
    private final AtomicInteger calls = new AtomicInteger();
    private int closedPort;

    @BeforeEach
    void aLiveInstanceAndADeadOne() throws IOException {
        live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"id\":\"S1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        live.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("his-H44170000003")
                .claim("kind", "HIS").claim("institution", "H44170000003").build();
        SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(jwt));
    }

    @AfterEach
    void stop() {
        live.stop(0);
        SecurityContextHolder.clearContext();
    }

    private PlatformApis apis(String settlement) {
        return new PlatformApis(new PlatformApis.Properties(Duration.ofSeconds(2), Map.of("settlement", settlement)),
                JsonMapper.builder().build(), new StaticListableBeanFactory().getBeanProvider(io.micrometer.observation.ObservationRegistry.class));
    }

    @Test
    void aPostWhoseConnectionWasRefusedGoesToTheOtherInstance() {
        PlatformApis apis = apis("http://127.0.0.1:" + closedPort + ",http://127.0.0.1:" + live.getAddress().getPort());

        for (int i = 0; i < 4; i++) {
            assertThat(apis.post("settlement", "/api/settlement/settlements/S1/reversal", Map.of("reason", "x")).path("id").asString())
                    .isEqualTo("S1");
        }
        assertThat(calls).as("each call once, on the live instance").hasValue(4);
    }

    @Test
    void noInstanceReachedIsRefusedSayingNothingWasDone() {
        PlatformApis apis = apis("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> apis.post("settlement", "/api/settlement/settlements/S1/reversal", Map.of("reason", "x")))
                .isInstanceOf(HisException.class).hasMessageContaining("could not be reached; nothing was done");
        assertThat(List.of(calls.get())).containsExactly(0);
    }
}
