package org.yibao.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yibao.gateway.support.GatewayCaller;
import org.yibao.gateway.support.StubService;
import org.yibao.security.CallerIdentity;
import org.yibao.testsupport.security.TestCallers;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The door refuses every forbidden combination before it reaches a service (the stub service
 * records every call it gets, so "changes nothing" means it got none), limits a flooding client
 * without touching the others, and writes who called what to the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "yibao.audit.dir=target/audit"})
class GatewaySecurityTest {

    private static final StubService backend = new StubService();

    @Autowired
    private Environment environment;

    private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("enrollment", "settlement", "assistance", "supervision", "procurement")) {
            registry.add("yibao.gateway.services." + service + ".uri", backend::url);
        }
    }

    @BeforeEach
    void reset() {
        backend.reset();
        audit.start();
        ((Logger) LoggerFactory.getLogger("org.yibao.gateway.audit")).addAppender(audit);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger("org.yibao.gateway.audit")).detachAppender(audit);
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Test
    void everyForbiddenCombinationIsRefusedBeforeItReachesAService() {
        String his = hisToken();
        String pharmacy = gateway().token("pharmacy-P44170000001", "local-pharmacy-secret");
        String clerk = gateway().token("clerk-local", "local-staff-secret");
        String department = gateway().token("dept-civil-affairs", "local-department-secret");
        CallerIdentity hospital = CallerIdentity.his("his-H44170000003", "H44170000003");
        String expired = TestCallers.expiredToken(hospital);
        String tampered = tamper(his, clerk);
        String foreign = TestCallers.foreignToken(hospital);
        String wrongAudience = TestCallers.tokenForAudience("another-system", hospital);
        String bill = "{\"institutionCode\":\"H44170000003\"}";

        record Attempt(String what, String method, String path, String token, int status) {
        }
        List<Attempt> attempts = List.of(
                new Attempt("no token", "POST", "/api/settlement/settlements", null, 401),
                new Attempt("expired token", "POST", "/api/settlement/settlements", expired, 401),
                new Attempt("tampered token", "POST", "/api/settlement/settlements", tampered, 401),
                new Attempt("token signed by an unknown key", "POST", "/api/settlement/settlements", foreign, 401),
                new Attempt("token for another audience", "POST", "/api/settlement/settlements", wrongAudience, 401),
                new Attempt("not a token at all", "POST", "/api/settlement/settlements", "abc.def.ghi", 401),
                new Attempt("a pharmacy registering persons (wrong kind)", "POST", "/api/enrollment/persons", pharmacy, 403),
                new Attempt("a hospital sending an identity feed (wrong kind)", "POST", "/api/assistance/identity-feeds", his, 403),
                new Attempt("a department settling (wrong kind)", "POST", "/api/settlement/settlements", department, 403),
                new Attempt("a clerk settling (staff do not settle)", "POST", "/api/settlement/settlements", clerk, 403),
                new Attempt("a clerk creating a VBP batch (missing role)", "POST", "/api/procurement/batches", clerk, 403),
                new Attempt("a clerk deciding a case (missing role)", "POST", "/api/supervision/cases/1/decision", clerk, 403),
                new Attempt("a hospital reading assistance reports (missing role)", "GET", "/api/assistance/reports", his, 403),
                new Attempt("metrics on the public port", "GET", "/actuator/prometheus", null, 401));

        for (Attempt attempt : attempts) {
            HttpResponse<String> response = gateway().call(attempt.method(), attempt.path(), bill, attempt.token(), null);
            assertThat(response.statusCode()).as(attempt.what() + ": " + response.body()).isEqualTo(attempt.status());
            assertThat(response.headers().firstValue("Content-Type")).as(attempt.what())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(backend.seen).as("no refused call reached a service").isEmpty();

        HttpResponse<String> allowed = gateway().call("POST", "/api/settlement/settlements", bill, his, null);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(backend.callCount()).isEqualTo(1);
    }

    @Test
    void metricsAreOnTheManagementPortOnly() throws Exception {
        int management = environment.getRequiredProperty("local.management.port", Integer.class);
        HttpResponse<String> inside = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + management + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> outside = gateway().call("GET", "/actuator/prometheus", null, hisToken(), null);

        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(inside.body()).contains("application=\"gateway\"");
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    @Test
    void aRefusalSaysWhoMayCall() {
        HttpResponse<String> response = gateway().call("POST", "/api/procurement/batches", "{}",
                gateway().token("clerk-local", "local-staff-secret"), null);

        assertThat(response.body()).contains("STAFF client clerk-local with roles [ENROLLMENT_CLERK] may not call POST /api/procurement/batches")
                .contains("staff with role PROCUREMENT_OFFICER");
    }

    @Test
    void aFloodFromOneClientIsLimitedWithoutSlowingTheOthers() throws Exception {
        String pharmacy = gateway().token("pharmacy-P44170000001", "local-pharmacy-secret");
        String his = hisToken();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> flood = new ArrayList<>();
            List<Future<HttpResponse<String>>> others = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                flood.add(pool.submit(() -> gateway().call("GET", "/api/settlement/policy-packs", null, pharmacy, null)));
                if (i % 10 == 0) {
                    others.add(pool.submit(() -> gateway().call("GET", "/api/settlement/policy-packs", null, his, null)));
                }
            }
            List<HttpResponse<String>> limited = new ArrayList<>();
            for (Future<HttpResponse<String>> f : flood) {
                HttpResponse<String> response = f.get();
                if (response.statusCode() == 429) {
                    limited.add(response);
                } else {
                    assertThat(response.statusCode()).isEqualTo(200);
                }
            }
            for (Future<HttpResponse<String>> f : others) {
                assertThat(f.get().statusCode()).as("the hospital is not limited by the pharmacy's flood").isEqualTo(200);
            }
            // the pharmacy may send a burst of 60 and 30 a second after that
            assertThat(limited).isNotEmpty();
            assertThat(limited.get(0).headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
            assertThat(limited.get(0).body()).contains("pharmacy-P44170000001 is over its rate limit");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theAuditLogSaysWhoCalledWhatWithIdsMasked() {
        String his = hisToken();
        gateway().call("GET", "/api/enrollment/persons/11010519491231002X", null, his, "audit-1");
        gateway().call("POST", "/api/enrollment/persons", "{}", his, "audit-2");
        // a browser coming back from the login with its authorization code (a secret until redeemed, RFC 6749 §10.5)
        gateway().call("GET", "/console/callback?code=Zx9-secret-code_1&state=s-1&access_token=abc", null, null, "audit-3");

        // the line is written when the exchange completes, which may be just after the caller has its answer
        await().atMost(Duration.ofSeconds(5)).until(() -> audit.list.size() >= 3);
        List<String> lines;
        synchronized (audit) {
            lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("HIS:his-H44170000003@H44170000003 GET /api/enrollment/persons/1101**********002X -> 200")
                .contains("[audit-1]"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("HIS:his-H44170000003@H44170000003 POST /api/enrollment/persons -> 403")
                .contains("[audit-2] refused: HIS client his-H44170000003 may not call POST /api/enrollment/persons"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("11010519491231002X"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("GET /console/callback?code=[redacted]&state=s-1&access_token=[redacted] -> ").contains("[audit-3]"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains("Zx9-secret-code_1"));
    }

    @Test
    void theCombinedApiDocumentNeedsATokenAndNamesEachServicesSchemas() {
        HttpResponse<String> anonymous = gateway().call("GET", "/openapi", null, null, null);
        HttpResponse<String> docs = gateway().call("GET", "/openapi", null, hisToken(), null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/enrollment/persons/{personId}\"")
                .contains("\"enrollment.PersonView\"").contains("\"settlement.PersonView\"")
                .containsPattern("\"\\$ref\":\"#/components/schemas/[a-z]+\\.PersonView\"")
                .contains("\"tokenUrl\":\"/oauth2/token\"");
    }

    private String hisToken() {
        return gateway().token("his-H44170000003", "local-his-secret");
    }

    /** The header and signature of one real token around the claims of another. */
    private static String tamper(String signed, String claimsFrom) {
        String[] a = signed.split("\\.");
        return a[0] + "." + claimsFrom.split("\\.")[1] + "." + a[2];
    }

    private GatewayCaller gateway() {
        return new GatewayCaller(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
