package org.yibao.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.messaging.config.MessagingProperties;
import org.yibao.messaging.config.MessagingSchema;
import org.yibao.messaging.outbox.OutboxRelay;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.RealInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox relay's failure handling on a real PostgreSQL and a real Kafka broker (issue 19, item 3):
 * a send failing part-way through a batch marks only the acknowledged prefix, and the rest goes out
 * in order next time; one relay at a time holds the outbox (the advisory lock); and many writers
 * committing at once lose nothing and keep each key's order.
 */
class OutboxRelayIT {

    /** The relay's advisory lock id (OutboxRelay.RELAY_LOCK): what another instance holds while it relays. */
    private static final long RELAY_LOCK = 0x79_6962_616f_0001L;

    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static DriverManagerDataSource dataSource;
    private static Map<String, Object> producerConfig;

    @BeforeAll
    static void database() {
        DatabaseServer postgres = RealInfrastructure.postgres();
        String database = "relay_it_" + ProcessHandle.current().pid();
        postgres.createDatabaseIfMissing(database);
        dataSource = new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        new MessagingSchema(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all");
        // the broker answers before the first test counts on it (a broker just started may not yet know a topic)
        KafkaTemplate<String, String> warmUp = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig));
        try {
            warmUp.send("relay-it-warm-up", "K", "ready").get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not answer", e);
        } finally {
            warmUp.getProducerFactory().reset();
        }
    }

    /** Each test counts its own rows: whatever an earlier test left is out of the way. */
    @org.junit.jupiter.api.BeforeEach
    void cleanSlate() {
        jdbc.update("update outbox_event set published_at = now() where published_at is null");
    }

    /** A producer to the real broker whose sends fail from the n-th on, as when the broker goes away mid-batch. */
    private static final class BrokerGoneAfter extends KafkaTemplate<String, String> {
        private final int okSends;
        private final AtomicInteger sends = new AtomicInteger();

        BrokerGoneAfter(int okSends) {
            super(new DefaultKafkaProducerFactory<>(producerConfig));
            this.okSends = okSends;
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            return sends.incrementAndGet() <= okSends ? super.send(record)
                    : CompletableFuture.failedFuture(new KafkaException("the broker went away"));
        }
    }

    private static OutboxRelay relay(KafkaTemplate<String, String> kafka) {
        return relay(kafka, new SimpleMeterRegistry());
    }

    private static OutboxRelay relay(KafkaTemplate<String, String> kafka, io.micrometer.core.instrument.MeterRegistry meters) {
        MessagingProperties.Relay settings = new MessagingProperties.Relay();
        settings.setBatchSize(100);
        settings.setPollInterval(Duration.ofSeconds(30)); // a running relay here publishes only when woken
        return new OutboxRelay(jdbc, tx, kafka, settings, meters);
    }

    private static void append(String topic, String key, String value) {
        jdbc.update("insert into outbox_event (event_id, topic, event_key, event_type, event_version, envelope) values (?, ?, ?, 'Test', 1, ?)",
                UUID.randomUUID(), topic, key, value);
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // anything more would be a duplicate: one more short poll to see it
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static int unpublished(String topic) {
        return jdbc.queryForObject("select count(*) from outbox_event where topic = ? and published_at is null", Integer.class, topic);
    }

    @Test
    void aSendFailingPartWayMarksOnlyTheAcknowledgedPrefixAndTheRestFollowsInOrder() {
        String topic = "relay-it-partial-" + UUID.randomUUID();
        for (int i = 1; i <= 5; i++) {
            append(topic, "K", "e" + i);
        }
        try (KafkaTemplateHolder broken = new KafkaTemplateHolder(new BrokerGoneAfter(2));
             KafkaTemplateHolder healthy = new KafkaTemplateHolder(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig)))) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            int first = relay(broken.kafka(), meters).publishBatch();

            assertThat(first).isEqualTo(2);
            assertThat(meters.get("yibao.outbox.publish.failures").counter().count()).isEqualTo(1);
            assertThat(meters.get("yibao.outbox.published").tag("topic", topic).counter().count()).isEqualTo(2);
            assertThat(meters.get("yibao.outbox.backlog").gauge().value()).isEqualTo(3);
            assertThat(meters.get("yibao.outbox.oldest.age.seconds").gauge().value()).as("the oldest waiting row's age").isPositive();
            assertThat(jdbc.queryForList("select envelope from outbox_event where topic = ? and published_at is not null order by id",
                    String.class, topic)).containsExactly("e1", "e2");
            assertThat(unpublished(topic)).isEqualTo(3);

            int second = relay(healthy.kafka()).publishBatch();

            assertThat(second).isEqualTo(3);
            assertThat(unpublished(topic)).isZero();
        }
        List<ConsumerRecord<String, String>> records = consume(topic, 5);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("e1", "e2", "e3", "e4", "e5");
        // each record names its event and type in headers, as the consumers' de-duplication reads them
        List<String> eventIds = jdbc.queryForList("select event_id::text from outbox_event where topic = ? order by id", String.class, topic);
        assertThat(records).extracting(r -> new String(r.headers().lastHeader("yibao-event-id").value(), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactlyElementsOf(eventIds);
        assertThat(records).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("yibao-event-type").value(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Test"));
        // housekeeping deletes what was published before the cutoff, and nothing waiting
        append(topic, "K", "still waiting");
        int deleted;
        try (KafkaTemplateHolder any = new KafkaTemplateHolder(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig)))) {
            deleted = relay(any.kafka()).deletePublishedBefore(java.time.Instant.now().plusSeconds(60));
        }
        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForList("select envelope from outbox_event where topic = ?", String.class, topic)).containsExactly("still waiting");
    }

    @Test
    void aRunningRelayPublishesWhenWokenAndStopsWhenAsked() throws Exception {
        String topic = "relay-it-running-" + UUID.randomUUID();
        try (KafkaTemplateHolder healthy = new KafkaTemplateHolder(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig)))) {
            OutboxRelay relay = relay(healthy.kafka());
            relay.start();
            assertThat(relay.isRunning()).isTrue();
            Thread.sleep(300); // past its first (empty) look at the outbox: it now sleeps for its 30 s poll interval
            append(topic, "K", "woken");
            relay.wakeUp();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (unpublished(topic) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(unpublished(topic)).as("published on waking, long before the poll interval").isZero();
            relay.stop();
            assertThat(relay.isRunning()).isFalse();
            append(topic, "K", "after stop");
            relay.wakeUp();
            Thread.sleep(500);
            assertThat(unpublished(topic)).as("a stopped relay publishes nothing").isEqualTo(1);
            assertThat(relay.getPhase()).as("stops before the producer and the pool").isGreaterThan(Integer.MAX_VALUE - 1000);
        }
        jdbc.update("update outbox_event set published_at = now() where topic = ?", topic);
    }

    /**
     * The database goes away under a running relay: it keeps trying, backing off, its gauges say NaN
     * (unknown) instead of a stale number, and once the database is back it publishes what waited;
     * a relay switched off never starts.
     */
    @Test
    void aRunningRelayRidesOutADatabaseThatGoesAwayAndPublishesWhenItIsBack() throws Exception {
        String topic = "relay-it-db-down-" + UUID.randomUUID();
        AtomicBoolean down = new AtomicBoolean();
        org.springframework.jdbc.datasource.DelegatingDataSource flaky = new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                if (down.get()) {
                    throw new java.sql.SQLException("the database went away");
                }
                return super.getConnection();
            }
        };
        MessagingProperties.Relay settings = new MessagingProperties.Relay();
        settings.setPollInterval(Duration.ofMillis(50));
        settings.setMaxBackoff(Duration.ofMillis(200));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (KafkaTemplateHolder healthy = new KafkaTemplateHolder(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig)))) {
            OutboxRelay relay = new OutboxRelay(new JdbcTemplate(flaky),
                    new TransactionTemplate(new DataSourceTransactionManager(flaky)), healthy.kafka(), settings, meters);
            down.set(true);
            relay.start();
            Thread.sleep(700); // several failed looks, backing off 50, 100, 200, 200 ms
            assertThat(relay.isRunning()).as("a failing database does not stop the relay").isTrue();
            assertThat(meters.get("yibao.outbox.backlog").gauge().value()).isNaN();
            assertThat(meters.get("yibao.outbox.oldest.age.seconds").gauge().value()).isNaN();

            append(topic, "K", "waited");
            down.set(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (unpublished(topic) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(unpublished(topic)).as("published once the database is back").isZero();
            assertThat(meters.get("yibao.outbox.backlog").gauge().value()).isZero();
            relay.stop();
            assertThat(relay.isRunning()).isFalse();
        }
        assertThat(consume(topic, 1)).extracting(ConsumerRecord::value).containsExactly("waited");

        MessagingProperties.Relay off = new MessagingProperties.Relay();
        off.setEnabled(false);
        try (KafkaTemplateHolder any = new KafkaTemplateHolder(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig)))) {
            OutboxRelay switchedOff = new OutboxRelay(jdbc, tx, any.kafka(), off, new SimpleMeterRegistry());
            switchedOff.start();
            assertThat(switchedOff.isRunning()).as("a relay switched off (yibao.messaging.relay.enabled=false) never runs").isFalse();
            switchedOff.stop();
        }
    }

    @Test
    void whileAnotherInstanceHoldsTheOutboxThisOnePublishesNothing() throws Exception {
        String topic = "relay-it-lock-" + UUID.randomUUID();
        append(topic, "K", "only");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        TransactionTemplate otherTx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        other.submit(() -> otherTx.executeWithoutResult(s -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, RELAY_LOCK);
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (KafkaTemplateHolder healthy = new KafkaTemplateHolder(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig)))) {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            OutboxRelay second = relay(healthy.kafka());

            assertThat(second.publishBatch()).as("the outbox is the other instance's while it holds the lock").isZero();
            assertThat(unpublished(topic)).isEqualTo(1);

            release.countDown();
            other.shutdown();
            assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.publishBatch()).isGreaterThanOrEqualTo(1);
            assertThat(unpublished(topic)).isZero();
        }
    }

    @Test
    void manyWritersCommittingAtOnceLoseNothingAndKeepEachKeysOrder() throws Exception {
        String topic = "relay-it-writers-" + UUID.randomUUID();
        int writers = 8;
        int perWriter = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String key = "K" + w;
            done.add(pool.submit(() -> {
                for (int seq = 0; seq < perWriter; seq++) {
                    int n = seq;
                    // each event in its own transaction, as a service commits one state change after another
                    tx.executeWithoutResult(s -> append(topic, key, key + ":" + n));
                }
            }));
        }
        try (KafkaTemplateHolder healthy = new KafkaTemplateHolder(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig)))) {
            OutboxRelay relay = relay(healthy.kafka());
            Thread relaying = new Thread(() -> {
                while (writing.get() || unpublished(topic) > 0) {
                    relay.publishBatch();
                }
            });
            relaying.start();
            for (var f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            relaying.join(60_000);
            pool.shutdown();
        }

        List<ConsumerRecord<String, String>> records = consume(topic, writers * perWriter);

        assertThat(records).hasSize(writers * perWriter);
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(r.value().substring(r.value().indexOf(':') + 1)));
        }
        assertThat(byKey).hasSize(writers);
        byKey.forEach((key, sequence) -> assertThat(sequence).as("the events of " + key + " in commit order, each once")
                .isEqualTo(java.util.stream.IntStream.range(0, perWriter).boxed().toList()));
    }

    /** Closes a template's producer after the test. */
    private record KafkaTemplateHolder(KafkaTemplate<String, String> kafka) implements AutoCloseable {
        @Override
        public void close() {
            kafka.getProducerFactory().reset();
        }
    }
}
