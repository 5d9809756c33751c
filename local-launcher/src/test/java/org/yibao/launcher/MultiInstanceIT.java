package org.yibao.launcher;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yibao.contracts.Topics;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.InstitutionStatusChanged;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.time.BeijingTime;
import org.yibao.testsupport.bench.PlatformTokens;
import org.yibao.testsupport.client.EventPublisher;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.RealInfrastructure;
import org.yibao.testsupport.infra.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of settlement-service on one database and two gateways balancing over them, from the jars the build
 * made, on a real PostgreSQL and Kafka (issue 27): the same settle sent to both gateways at once settles once; one
 * settlement instance killed (SIGKILL) in the middle of a load loses nothing — every bill answered, retried by its
 * caller with the same message id where the answer was lost, settled once, and its ClaimSettled published by the
 * surviving instance's relay; a client's rate limit holds across the two gateways (docs/adr/0029).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceIT {

    private static final String HOSPITAL = "HBENCH0000001";   // bench-his's institution
    private static final String REGION = "441700";            // Yangjiang's pack
    private static final LocalDate TODAY = LocalDate.now(BeijingTime.ZONE);
    private static final String DATABASE = "multi_it_settlement";

    private final List<ServiceProcess> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private ServiceProcess settlementA;
    private ServiceProcess settlementB;
    private String gateway1;
    private String gateway2;
    private String hisToken;
    private String person;

    @BeforeAll
    void twoSettlementsAndTwoGateways() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        DatabaseServer postgres = RealInfrastructure.postgres();
        postgres.createDatabaseIfMissing("multi_it_gateway");
        int g1 = ServiceProcess.freePort();
        int g2 = ServiceProcess.freePort();
        int a = ServiceProcess.freePort();
        int b = ServiceProcess.freePort();
        gateway1 = "http://127.0.0.1:" + g1;
        gateway2 = "http://127.0.0.1:" + g2;
        int identity = ServiceProcess.freePort();
        String keys = "--yibao.security.jwt.jwk-set-uri=http://127.0.0.1:" + identity + "/oauth2/jwks";
        // one identity service issues every token (docs/adr/0030); both gateways pass the token endpoint to it
        running.add(ServiceProcess.start(repo, "identity-service", "multi_it_identity", identity, List.of()));
        List<String> settlementArgs = List.of(keys, "--PRECHECK_ENABLED=false");
        settlementA = ServiceProcess.start(repo, "settlement-service", DATABASE, a, settlementArgs);
        settlementB = ServiceProcess.start(repo, "settlement-service", DATABASE, b, settlementArgs);
        running.add(settlementA);
        running.add(settlementB);
        for (int port : List.of(g1, g2)) {
            running.add(ServiceProcess.start(repo, "gateway", "multi_it_gateway", port, List.of(
                    "--management.server.port=" + port,
                    "--SETTLEMENT_URLS=http://127.0.0.1:" + a + ",http://127.0.0.1:" + b,
                    "--IDENTITY_URL=http://127.0.0.1:" + identity,
                    keys,
                    "--YIBAO_AUDIT_DIR=" + Files.createTempDirectory("multi-it-audit"),
                    "--yibao.gateway.rate-limit-store.type=postgresql",
                    "--yibao.gateway.rate-limit-store.url=" + postgres.jdbcUrl("multi_it_gateway"),
                    "--yibao.gateway.rate-limit-store.username=" + postgres.username(),
                    "--yibao.gateway.rate-limit-store.password=" + postgres.password(),
                    // staff get 10 calls and then one every 100 s: the shared bucket is easy to count
                    "--yibao.gateway.rate-limits.STAFF.burst=10",
                    "--yibao.gateway.rate-limits.STAFF.per-second=0.01")));
        }
        for (ServiceProcess p : running) {
            p.awaitHealthy(Duration.ofSeconds(240));
        }
        hisToken = PlatformTokens.benchHospital(gateway1);

        try (EventPublisher events = new EventPublisher(json)) {
            events.publish(new InstitutionStatusChanged(HOSPITAL, "多实例测试医院", REGION, InstitutionKind.HOSPITAL,
                    InstitutionLevel.LEVEL_3, null, AgreementStatus.ACTIVE, LocalDate.of(2019, 1, 1), null, Instant.now()));
            String first17 = "441702" + "19680505" + String.format("%03d", (int) (Math.random() * 1000));
            person = first17 + ResidentId.checkCharacter(first17);
            events.publish(new PersonEnrolled(person, REGION, Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER,
                    TODAY.getYear(), TODAY.withDayOfYear(1), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from institution_period where code = '" + HOSPITAL + "'") == 1
                && count("select count(*) from enrollment_period where person_id = '" + person + "'") == 1);
    }

    @AfterAll
    void stop() {
        running.forEach(ServiceProcess::close);
    }

    @Test
    void theSameSettleSentToBothGatewaysAtOnceSettlesOnce() throws Exception {
        String messageId = "multi-" + UUID.randomUUID();
        String bill = bill(messageId, 1);
        for (int round = 0; round < 5; round++) {
            String id = round == 0 ? messageId : messageId + "-" + round;
            String body = round == 0 ? bill : bill(id, 1);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
            for (String gateway : List.of(gateway1, gateway2)) {
                both.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return settle(gateway, body);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> answer : both) {
                HttpResponse<String> response = answer.join();
                assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                ids.add(json.readTree(response.body()).path("id").asString());
            }
            assertThat(ids).as("both answers are the one bill").hasSize(1);
            assertThat(count("select count(*) from settlement where idempotency_key = '" + id + "'")).isEqualTo(1);
        }
    }

    @Test
    void anInstanceKilledInTheMiddleOfALoadLosesNothing() throws Exception {
        int bills = 160;
        Map<String, String> settledIds = new ConcurrentHashMap<>();
        AtomicInteger resent = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < bills; i++) {
            String messageId = "load-" + UUID.randomUUID();
            String gateway = i % 2 == 0 ? gateway1 : gateway2;
            int day = i;
            calls.add(CompletableFuture.runAsync(() -> {
                try {
                    // the caller's part (ADR 0027): an answer lost or a 502/503/504 is sent again with the same message id
                    for (int attempt = 0; attempt < 10; attempt++) {
                        HttpResponse<String> response;
                        try {
                            response = settle(gateway, bill(messageId, day));
                        } catch (java.io.IOException | IllegalStateException lost) {
                            resent.incrementAndGet();
                            Thread.sleep(500);
                            continue;
                        }
                        if (response.statusCode() == 200 || response.statusCode() == 201) {
                            settledIds.put(messageId, json.readTree(response.body()).path("id").asString());
                            return;
                        }
                        if (response.statusCode() < 502 || response.statusCode() > 504) {
                            failures.add(messageId + ": " + response.statusCode() + " " + response.body());
                            return;
                        }
                        resent.incrementAndGet();
                        Thread.sleep(response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s) * 1000).orElse(500L));
                    }
                    failures.add(messageId + ": no answer after 10 attempts");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    failures.add(messageId + ": " + e);
                }
            }, callers));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> settledIds.size() + failures.size() >= bills / 4);
        assertThat(failures).as("bills refused before the kill").isEmpty();
        settlementA.kill();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        callers.shutdown();

        System.out.printf("MultiInstanceIT: %d bills settled, %d sent again after the kill%n", settledIds.size(), resent.get());
        assertThat(failures).as("bills refused or unanswered").isEmpty();
        assertThat(settledIds).hasSize(bills);
        assertThat(count("select count(*) from settlement where idempotency_key like 'load-%'")).as("each settled once").isEqualTo(bills);
        // the survivor's relay publishes whatever the killed instance committed and had not yet published
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
        Set<String> claimEvents = new HashSet<>();
        try (Connection c = connection(); var s = c.prepareStatement(
                "select event_id from outbox_event where event_type = 'ClaimSettled' and envelope like ?")) {
            for (String settlementId : settledIds.values()) {
                s.setString(1, "%" + settlementId + "%");
                try (ResultSet rs = s.executeQuery()) {
                    int events = 0;
                    while (rs.next()) {
                        claimEvents.add(rs.getString(1));
                        events++;
                    }
                    assertThat(events).as("ClaimSettled events of bill %s", settlementId).isEqualTo(1);
                }
            }
        }
        assertThat(claimEvents).as("one ClaimSettled per bill").hasSize(bills);
        assertThat(claimEventsOnTheBroker()).as("every ClaimSettled on the broker").containsAll(claimEvents);
    }

    @Test
    void aClientsRateLimitHoldsAcrossTheGateways() throws Exception {
        String staff = PlatformTokens.clientCredentials(gateway1, "manager-local", "local-staff-secret");
        int admitted = 0;
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            String gateway = i % 2 == 0 ? gateway1 : gateway2;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/settlement/persons/" + person
                            + "/settlements?year=" + TODAY.getYear())).header("Authorization", "Bearer " + staff).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                limited++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                admitted++;
            }
        }
        assertThat(admitted).as("the staff burst of 10, shared by both gateways (in memory each would admit 10)").isEqualTo(10);
        assertThat(limited).isEqualTo(30);
    }

    private HttpResponse<String> settle(String gateway, String bill) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/settlement/settlements"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + hisToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bill, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An outpatient bill of one line on a day of its own (the pre-check and the accumulators see distinct visits). */
    private String bill(String messageId, int daysAgo) {
        return """
                {"messageId":"%s","personId":"%s","institutionCode":"%s","visitType":"GENERAL_OUTPATIENT","serviceDate":"%s",
                 "diagnosisCodes":["N18.5"],"lines":[{"itemCode":"S311201001","quantity":1,"unitPrice":"400.00"}]}"""
                .formatted(messageId, person, HOSPITAL, TODAY.minusDays(daysAgo % 300));
    }

    private Set<String> claimEventsOnTheBroker() {
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLAIMS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    var header = record.headers().lastHeader("yibao-event-id");
                    if (header != null) {
                        ids.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    private long count(String sql) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connection() throws Exception {
        DatabaseServer postgres = RealInfrastructure.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }
}
