package org.yibao.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yibao.gateway.support.GatewayCaller;
import org.yibao.gateway.support.StubService;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway routes each prefix to its service with a request id and the caller's token,
 * answers problem+json for what it cannot route or reach, gives up on a slow service at the
 * route's timeout, and retries only what is safe to send twice. The services here are small real
 * HTTP servers on loopback; callers get their tokens from the gateway's token endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yibao.gateway.services.assistance.timeout=500ms", "management.server.port=0", "yibao.audit.dir=target/audit",
        // tracing and its propagation on, as where an OTLP endpoint is set (off by default without one)
        "management.tracing.export.enabled=true"})
class GatewayRoutingTest {

    private static final StubService backend = new StubService();
    private static final int closedPort = StubService.closedPort();

    @Autowired
    private Environment environment;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("yibao.gateway.services.enrollment.uri", backend::url);
        registry.add("yibao.gateway.identity.uri", backend::url);
        registry.add("yibao.gateway.services.assistance.uri", backend::url);
        // two instances, the first one down: balanced round robin (lb://procurement)
        registry.add("yibao.gateway.services.procurement.uri", () -> "http://127.0.0.1:" + closedPort + "," + backend.url());
        registry.add("yibao.gateway.services.supervision.uri", backend::url);
        registry.add("yibao.gateway.services.settlement.uri", () -> "http://127.0.0.1:" + closedPort);
    }

    @BeforeEach
    void reset() {
        backend.reset();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    /**
     * The identity service's endpoints pass through without a token, with the caller's Host (its addresses are the
     * gateway's) and the address the caller really connected from, whatever the caller claims (its login throttle counts it).
     */
    @Test
    void theIdentityEndpointsReachTheIdentityServiceWithTheCallersHostAndAddress() {
        int port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        HttpResponse<String> token = gateway().call("POST", "/oauth2/token", "grant_type=client_credentials", null, null,
                java.util.Map.of("X-Yibao-Client-Address", "6.6.6.6"));
        HttpResponse<String> login = gateway().call("GET", "/login", null, null, null);
        HttpResponse<String> metadata = gateway().call("GET", "/.well-known/openid-configuration", null, null, null);
        HttpResponse<String> keys = gateway().call("GET", "/oauth2/jwks", null, null, null);

        assertThat(java.util.List.of(token, login, metadata, keys)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(backend.seen).extracting(s -> s.substring(0, s.lastIndexOf(' ')))
                .containsExactly("POST /oauth2/token", "GET /login", "GET /.well-known/openid-configuration", "GET /oauth2/jwks");
        assertThat(backend.hostsAndAddresses).as("the caller's Host, and its own address, never the one it claimed")
                .containsOnly("127.0.0.1:" + port + " 127.0.0.1");
        assertThat(gateway().call("GET", "/api/enrollment/persons", null, null, null).statusCode())
                .as("the APIs still need a token").isEqualTo(401);
    }

    /** The console's page for every path under /console/ (its own router shows the page), its hashed files cached for good. */
    @Test
    void theConsoleIsServedWithItsPageForEveryPathUnderIt() {
        HttpResponse<String> root = gateway().call("GET", "/console/", null, null, null);
        HttpResponse<String> deep = gateway().call("GET", "/console/persons/440102199001011234", null, null, null);

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(root.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-cache"));
        assertThat(root.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("default-src 'self'"));
        assertThat(deep.statusCode()).isEqualTo(200);
        assertThat(deep.body()).isEqualTo(root.body());
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(root.body());
        assertThat(script.find()).as("the page loads its hashed script: " + root.body()).isTrue();
        HttpResponse<String> asset = gateway().call("GET", script.group(1), null, null, null);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("immutable"));
        assertThat(backend.seen).as("no service is asked for the console's files").isEmpty();
    }

    @Test
    void routesEachPrefixToItsServiceWithARequestIdAndTheCallersToken() {
        String token = staffToken();
        HttpResponse<String> response = gateway().call("GET", "/api/enrollment/persons/1", null, token, "his-msg-001");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok /api/enrollment/persons/1");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("his-msg-001");
        assertThat(backend.seen).containsExactly("GET /api/enrollment/persons/1 his-msg-001");
        assertThat(backend.authorizations).containsExactly("Bearer " + token);
    }

    @Test
    void makesARequestIdWhenTheCallerSendsNoneOrAnUnsafeOne() {
        HttpResponse<String> response = gateway().call("GET", "/api/procurement/batches/NATIONAL-1", null, staffToken(), "bad id\twith tab");

        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void healthOfEachServiceIsReachableWithoutAToken() {
        HttpResponse<String> response = gateway().call("GET", "/ops/supervision/health", null, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.seen).singleElement().satisfies(line -> assertThat(line).startsWith("GET /actuator/health "));
    }

    @Test
    void aStoppedServiceGivesA503Problem() {
        HttpResponse<String> response = gateway().call("POST", "/api/settlement/settlements", "{}", hisToken(), "req-down");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"service\":\"settlement\"").contains("\"requestId\":\"req-down\"")
                .contains("\"instance\":\"/api/settlement/settlements\"");
    }

    @Test
    void aSlowServiceIsGivenUpOnAtTheRouteTimeoutWithA504Problem() {
        HttpResponse<String> response = gateway().call("GET", "/api/assistance/reports?slow", null, staffToken(), null);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("did not answer in time");
    }

    @Test
    void aBulkPathHasItsOwnLongerTimeout() {
        HttpResponse<String> response = gateway().call("POST", "/api/assistance/identity-feeds?slow", "x", staffToken(), null);

        assertThat(response.statusCode()).as("3 s is beyond the route's 500 ms but within the bulk timeout").isEqualTo(200);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        HttpResponse<String> response = gateway().call("GET", "/api/nothing-here", null, staffToken(), "req-404");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"requestId\":\"req-404\"");
        assertThat(backend.callCount()).isZero();
    }

    @Test
    void retriesAGetButNeverAPost() {
        gateway().call("GET", "/api/enrollment/persons/1?unavailable", null, staffToken(), null);
        gateway().call("POST", "/api/enrollment/persons?unavailable", "{}", staffToken(), null);

        assertThat(backend.calls.get("GET /api/enrollment/persons/1")).hasValue(3);
        assertThat(backend.calls.get("POST /api/enrollment/persons")).hasValue(1);
    }

    @Test
    void aGetCutByAnInstanceDyingIsSentAgainButAPostIsNot() {
        HttpResponse<String> get = gateway().call("GET", "/api/enrollment/persons/1?dies", null, staffToken(), null);
        HttpResponse<String> post = gateway().call("POST", "/api/enrollment/persons?dies", "{}", staffToken(), null);

        assertThat(backend.calls.get("GET /api/enrollment/persons/1")).as("the GET sent three times in all").hasValue(3);
        assertThat(backend.calls.get("POST /api/enrollment/persons")).as("the POST once: it may have taken effect").hasValue(1);
        assertThat(get.statusCode()).isEqualTo(503);
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(post.body()).contains("may or may not have taken effect");
    }

    @Test
    void aCallWhoseConnectionWasRefusedGoesToTheNextInstanceWhateverItsMethod() {
        String token = staffToken();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = gateway().call("POST", "/api/procurement/batches", "{}", token, null);
            assertThat(response.statusCode()).as("call %d, with one of two instances down", i).isEqualTo(200);
        }

        assertThat(backend.calls.get("POST /api/procurement/batches")).as("each sent once to the live instance").hasValue(4);
    }

    @Test
    void aCallersTraceContextIsNotFollowed() {
        // W3C Trace Context from the public side: a caller could force every call it makes to be sampled and exported,
        // or choose trace ids that join other traces; the gateway starts its own trace (ADR 0029)
        String callersTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = gateway().call("GET", "/api/enrollment/persons/1", null, staffToken(), null,
                java.util.Map.of("traceparent", "00-" + callersTrace + "-00f067aa0ba902b7-01", "baggage", "userId=alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.traceParents).as("the gateway's own trace, passed on").isNotEmpty()
                .noneMatch(t -> t.contains(callersTrace));
    }

    @Test
    void theResponsesAreCountedByTheVerifiedClient() {
        gateway().call("GET", "/api/enrollment/persons/1", null, staffToken(), null);
        gateway().call("GET", "/api/enrollment/persons/1", null, "not-a-token", null);

        // counted when the exchange completes, which may be just after the caller has its answer
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(meters.find("yibao.gateway.responses").tags("client", "bench-staff", "status", "200").counter())
                    .as("the caller's client id from its verified token").isNotNull();
            assertThat(meters.find("yibao.gateway.responses").tags("client", "none", "status", "401").counter())
                    .as("no verified caller, among %s", meters.find("yibao.gateway.responses").counters().stream()
                            .map(c -> c.getId().getTags().toString()).toList()).isNotNull();
        });
    }

    @Test
    void residentIdsInPathsAreMaskedInProblems() {
        HttpResponse<String> response = gateway().call("GET", "/api/unknown/persons/11010519491231002X", null, staffToken(), null);

        assertThat(response.body()).doesNotContain("11010519491231002X").contains("1101**********002X");
    }

    private GatewayCaller gateway() {
        return new GatewayCaller(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    private String staffToken() {
        return gateway().token("bench-staff", "local-bench-secret");
    }

    private String hisToken() {
        return gateway().token("his-H44170000003", "local-his-secret");
    }
}
