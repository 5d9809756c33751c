package org.yibao.testsupport.spring;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.security.access.AccessPolicy;
import org.yibao.security.access.AccessRule;
import org.yibao.testsupport.client.ServiceClient;
import org.yibao.testsupport.security.TestCallers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * The staff console's client is typed from a copy of this document (console/src/main/web/openapi/, issue 25): the
     * copy must be the document as the service states it now (apart from its server address), or the console would
     * be built against an API that is not there. {@code YIBAO_UPDATE_OPENAPI=1} in the environment writes the copy.
     */
    @Test
    void theConsolesCopyOfTheApiDocumentIsTheServicesOwn() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        tools.jackson.databind.node.ObjectNode current = (tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(docs.body());
        current.remove("servers");
        java.nio.file.Path copy = java.nio.file.Path.of("").toAbsolutePath().getParent().resolve("console/src/main/web/openapi")
                .resolve(apiPrefix().replaceFirst("^/api/", "") + ".json");
        if ("1".equals(System.getenv("YIBAO_UPDATE_OPENAPI"))) {
            java.nio.file.Files.writeString(copy, JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(current) + "\n");
        }
        assertThat(copy).as("the console's copy of the API document").exists();
        tools.jackson.databind.node.ObjectNode copied = (tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(
                java.nio.file.Files.readString(copy));
        copied.remove("servers");
        assertThat(copied).as(copy + " is not the service's document: refresh it with YIBAO_UPDATE_OPENAPI=1 (this test writes it), "
                + "then build the console, whose compiler shows what the change breaks").isEqualTo(current);
    }

    /** The institution the generated tests act as (a hospital or pharmacy code). */
    public static final String HOME_INSTITUTION = "H41170200001";
    /** Another institution, whose objects the home institution must not touch. */
    public static final String FOREIGN_INSTITUTION = "H41170299999";

    /** Every kind of caller: a hospital, a pharmacy and a department, and staff holding each role alone. */
    static List<CallerIdentity> everyKindOfCaller() {
        List<CallerIdentity> callers = new ArrayList<>(List.of(TestCallers.his(HOME_INSTITUTION), TestCallers.pharmacy(HOME_INSTITUTION),
                TestCallers.department("civil-affairs")));
        for (Role role : Role.values()) {
            callers.add(CallerIdentity.staff("staff-" + role.name().toLowerCase(), role));
        }
        return callers;
    }

    /**
     * The authorization matrix: every operation the service documents, called as every kind of
     * caller the access policy does not admit, is refused 403 problem+json by the service itself
     * (defence in depth behind the gateway) and changes nothing; and for every operation whose rule
     * holds hospitals, pharmacies or departments to their own objects (REQUEST, OBJECT, FILTERED),
     * {@link #ownershipProofs()} has a proof that a foreign one is refused.
     */
    @Test
    void authorizationMatrixRefusesEveryCallerThePolicyDoesNotAdmitAndProvesOwnership() throws Exception {
        AccessPolicy policy = AccessPolicy.platform();
        ApiOperations api = apiOperations();
        List<CallerIdentity> callers = everyKindOfCaller();
        Map<String, Long> before = stableRowCounts();
        int refused = 0;
        int admitted = 0;
        List<String> failures = new ArrayList<>();
        for (ApiOperations.Operation operation : api.all()) {
            AccessRule rule = policy.ruleFor(operation.method(), operation.path()).orElseThrow();
            String body = operation.takesJson() ? api.skeleton(operation.bodySchema()).toString() : "";
            for (CallerIdentity caller : callers) {
                if (rule.admits(caller)) {
                    admitted++;
                    continue;
                }
                refused++;
                HttpResponse<String> response = call(caller, operation.method(), operation.concretePath(Map.of()), operation.bodyType(), body);
                if (response.statusCode() != 403 || !isProblem(response) || !response.body().contains("may not call")) {
                    failures.add(operation.key() + " as " + caller.describe() + " -> " + response.statusCode() + " " + response.body());
                }
            }
        }
        failures.forEach(f -> System.out.println("MATRIX FAILURE " + abbreviate(f.replaceAll("\\s+", " "))));
        assertThat(failures).as("calls the policy does not admit must be refused 403 problem+json").isEmpty();
        assertThat(rowCounts()).as("refused calls change nothing").isEqualTo(before);

        Set<String> needed = new TreeSet<>();
        policy.rulesOf(apiPrefix().substring("/api/".length())).stream().filter(r -> r.owner().needsProof())
                .forEach(r -> needed.add(r.toString()));
        Map<String, OwnershipProof> proofs = ownershipProofs();
        for (Map.Entry<String, OwnershipProof> proof : new TreeMap<>(proofs).entrySet()) {
            proof.getValue().foreignCallerIsRefused();
        }
        System.out.printf("authorization matrix of %s: %d operations x %d kinds of caller: %d refusals proven, %d admitted by the policy; "
                        + "%d ownership proofs (foreign institution or department)%n", apiPrefix(), api.all().size(), callers.size(),
                refused, admitted, proofs.size());

        assertThat(new TreeSet<>(proofs.keySet())).as("a proof that a foreign caller is refused, for every REQUEST, OBJECT "
                + "and FILTERED rule of the access policy").isEqualTo(needed);
    }

    /**
     * No 5xx from input: every field of every JSON body, every path and query parameter, replaced in
     * turn by an oversized, wrong-typed, out-of-range or control-character value and sent by a caller the
     * policy admits, is answered 4xx problem+json; a refused body names the field; nothing changes.
     */
    @Test
    void badValuesInEveryFieldAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        AccessPolicy policy = AccessPolicy.platform();
        ApiOperations api = apiOperations();
        Map<String, Long> before = stableRowCounts();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        int fields = 0;
        for (ApiOperations.Operation operation : api.all()) {
            AccessRule rule = policy.ruleFor(operation.method(), operation.path()).orElseThrow();
            CallerIdentity caller = everyKindOfCaller().stream().filter(rule::admits).findFirst().orElseThrow();
            JsonNode skeleton = operation.takesJson() ? api.skeleton(operation.bodySchema()) : null;
            String body = skeleton == null ? "" : skeleton.toString();
            for (ApiOperations.Parameter parameter : operation.parameters()) {
                for (String bad : BadValues.forParameter(parameter)) {
                    calls++;
                    HttpResponse<String> response = call(caller, operation.method(),
                            operation.concretePath(Map.of(parameter.name(), bad)), operation.bodyType(), body);
                    if (response.statusCode() < 400 || response.statusCode() >= 500 || !isProblem(response)) {
                        failures.add(operation.key() + " with " + parameter.in() + " " + parameter.name() + "=" + abbreviate(bad)
                                + " -> " + response.statusCode() + " " + abbreviate(response.body()));
                    }
                }
            }
            if (skeleton == null) {
                continue;
            }
            for (ApiOperations.Field field : api.fields(operation.bodySchema())) {
                fields++;
                for (JsonNode bad : BadValues.forField(field)) {
                    calls++;
                    String mutated = ApiOperations.replaced(skeleton, field.steps(), bad).toString();
                    HttpResponse<String> response = call(caller, operation.method(), operation.concretePath(Map.of()),
                            operation.bodyType(), mutated);
                    String leaf = field.path().substring(field.path().lastIndexOf('.') + 1).replaceAll("\\[0]$", "");
                    if (response.statusCode() < 400 || response.statusCode() >= 500 || !isProblem(response)
                            || !namesField(response, leaf)) {
                        failures.add(operation.key() + " with " + field.path() + "=" + abbreviate(bad.toString()) + " -> "
                                + response.statusCode() + " " + abbreviate(response.body()));
                    }
                }
            }
        }
        System.out.printf("bad-input fuzz of %s: %d operations, %d body fields, %d calls%n", apiPrefix(), api.all().size(), fields, calls);

        failures.forEach(f -> System.out.println("FUZZ FAILURE " + abbreviate(f.replaceAll("\\s+", " "))));
        assertThat(failures).as("bad values must be refused 4xx problem+json naming the field").isEmpty();
        assertThat(rowCounts()).as("refused calls change nothing").isEqualTo(before);
    }

    /**
     * A JSON body over 1 MiB is refused 413 problem+json before it is read, on every JSON operation
     * (four concurrent 15 MiB bodies once ended a service with OutOfMemoryError).
     */
    @Test
    void anOversizedJsonBodyIsRefusedBeforeItIsRead() throws Exception {
        AccessPolicy policy = AccessPolicy.platform();
        String huge = "{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        int operations = 0;
        for (ApiOperations.Operation operation : apiOperations().all()) {
            if (!operation.takesJson()) {
                continue;
            }
            operations++;
            AccessRule rule = policy.ruleFor(operation.method(), operation.path()).orElseThrow();
            CallerIdentity caller = everyKindOfCaller().stream().filter(rule::admits).findFirst().orElseThrow();
            HttpResponse<String> response = call(caller, operation.method(), operation.concretePath(Map.of()), "application/json", huge);

            assertThat(response.statusCode()).as(operation.key()).isEqualTo(413);
            assertThat(isProblem(response)).as(operation.key()).isTrue();
        }
        assertThat(operations).as("the service has JSON operations to try").isPositive();
    }

    /**
     * A proof that a foreign institution or department is refused: it makes an object (or a request)
     * of one institution and calls as another, asserting the refusal and that nothing changed.
     */
    @FunctionalInterface
    protected interface OwnershipProof {
        void foreignCallerIsRefused() throws Exception;
    }

    /**
     * The service's ownership proofs, keyed by the access policy's rule ({@code "POST /api/x/{id}/y"}),
     * one for each of its REQUEST, OBJECT and FILTERED rules.
     */
    protected Map<String, OwnershipProof> ownershipProofs() {
        return Map.of();
    }

    /** The service under test, called as this caller. */
    protected ServiceClient client(CallerIdentity caller) {
        return new ServiceClient(environment.getRequiredProperty("local.server.port", Integer.class), caller);
    }

    /** A call to the service under test as this caller. */
    protected HttpResponse<String> call(CallerIdentity caller, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestCallers.token(caller));
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", contentType == null ? "application/json" : contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Asserts that this call is refused 400 problem+json naming the field, and changes nothing: for
     * the failing inputs an issue names, kept as tests with the right value.
     */
    protected void assertRefusedNamingField(CallerIdentity caller, String method, String path, String body, String field)
            throws IOException, InterruptedException {
        Map<String, Long> before = stableRowCounts();
        HttpResponse<String> response = call(caller, method, path, "application/json", body);

        assertThat(response.statusCode()).as(method + " " + path + " " + response.body()).isEqualTo(400);
        assertThat(isProblem(response)).isTrue();
        assertThat(namesField(response, field)).as("names " + field + ": " + response.body()).isTrue();
        assertThat(rowCounts()).isEqualTo(before);
    }

    /** Whether the problem's errors name the field (its path ends with, or holds, the field's name). */
    private static boolean namesField(HttpResponse<String> response, String field) {
        JsonNode errors = JsonMapper.shared().readTree(response.body()).path("errors");
        for (JsonNode error : errors) {
            if (error.path("field").asString("").contains(field)) {
                return true;
            }
        }
        return false;
    }

    protected static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").map(t -> t.startsWith("application/problem+json")).orElse(false);
    }

    /** Rows in each table of the service's database, once two readings a little apart agree (consumers at rest). */
    protected Map<String, Long> stableRowCounts() throws InterruptedException {
        Map<String, Long> previous = rowCounts();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            Map<String, Long> now = rowCounts();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    protected Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""",
                String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }

    private ApiOperations apiOperations() throws IOException, InterruptedException {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        return new ApiOperations(JsonMapper.shared().readTree(docs.body()));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }
}
