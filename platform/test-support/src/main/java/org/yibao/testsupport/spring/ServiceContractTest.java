package org.yibao.testsupport.spring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import org.yibao.security.CallerIdentity;
import org.yibao.security.access.AccessPolicy;
import org.yibao.testsupport.security.TestCallers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the platform promises, whatever its domain: it runs on its own migrated
 * PostgreSQL database with the messaging tables, reports health and Prometheus metrics, and
 * answers unknown paths with problem+json carrying the request id, refuses calls without a valid
 * token, and documents its API with every operation under an access rule. A service's test extends this
 * and is annotated {@code @PlatformIntegrationTest(webEnvironment = RANDOM_PORT)}.
 */
public abstract class ServiceContractTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private Environment environment;

    @Autowired
    private JdbcTemplate jdbc;

    /** The service's API prefix behind the gateway, for example {@code /api/settlement}. */
    protected abstract String apiPrefix();

    @Test
    void reportsHealthIncludingItsDatabase() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutbox() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("yibao_outbox_backlog")
                .contains("application=\"" + environment.getProperty("spring.application.name") + "\"");
    }

    @Test
    void ownsAMigratedDatabaseWithTheMessagingTables() {
        String database = jdbc.queryForObject("select current_database()", String.class);
        Integer tables = jdbc.queryForObject("""
                select count(*) from information_schema.tables
                where table_name in ('outbox_event', 'processed_event')""", Integer.class);

        assertThat(database).startsWith(environment.getProperty("spring.application.name").replace('-', '_'));
        assertThat(tables).isEqualTo(2);
    }

    @Test
    void answersAnUnknownPathWithAProblemCarryingTheRequestId() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(apiPrefix() + "/no-such-thing"))
                .header("X-Request-Id", "contract-test-1").header("Authorization", "Bearer " + TestCallers.token(TestCallers.MANAGER))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).contains("contract-test-1");
        assertThat(response.body()).contains("\"requestId\":\"contract-test-1\"");
    }

    @Test
    void refusesACallWithoutAValidTokenWith401AndAProblem() throws Exception {
        String path = apiPrefix() + "/anything";
        CallerIdentity caller = TestCallers.MANAGER;
        for (String authorization : new String[] {null, "Bearer not-a-token", "Bearer " + TestCallers.expiredToken(caller),
                "Bearer " + TestCallers.tamperedToken(TestCallers.his("H1"), caller), "Bearer " + TestCallers.foreignToken(caller)}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(authorization == null ? "no token" : authorization).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void documentsItsApiAndEveryOperationHasAnAccessRule() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.shared().readTree(docs.body()).path("paths");
        AccessPolicy policy = AccessPolicy.platform();
        List<String> operations = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operations.add(operation.getKey().toUpperCase() + " " + path.getKey())));

        assertThat(operations).isNotEmpty().allSatisfy(operation -> assertThat(operation).startsWith(
                operation.substring(0, operation.indexOf(' ')) + " " + apiPrefix() + "/"));
        assertThat(operations).allSatisfy(operation -> {
            String[] parts = operation.split(" ");
            assertThat(policy.covers(parts[0], parts[1])).as("an access rule for " + operation).isTrue();
        });
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }
}
