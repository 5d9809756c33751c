package org.yibao.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.contracts.Topics;
import org.yibao.messaging.it.producer.ProducerApp;
import org.yibao.testsupport.infra.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record that cannot be processed goes to the dead-letter topic (at once if it can never be
 * parsed, after bounded retries if its handler keeps failing) and the records behind it in the
 * same partition are still processed; a transient fault is tried again until it passes.
 */
class PoisonMessageIT {

    private static final String PERSON = TwoServices.persons(1).get(0);

    private static ConfigurableApplicationContext producer;
    private static ConfigurableApplicationContext consumer;

    @BeforeAll
    static void start() {
        TwoServices services = new TwoServices(RealInfrastructure.kafkaBootstrapServers(), Map.of());
        producer = services.startProducer();
        consumer = services.startConsumer();
    }

    @AfterAll
    static void stop() {
        consumer.close();
        producer.close();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() throws Exception {
        ProducerApp.Enrollments enrollments = producer.getBean(ProducerApp.Enrollments.class);
        String validEnvelope = "{\"eventId\":\"%s\",\"type\":\"EnrollmentChanged\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-22T08:00:00Z\",\"key\":\"" + PERSON + "\",\"payload\":%s}";
        String badPayload = "{\"personId\":\"" + PERSON + "\",\"personType\":\"ALIEN\"}";

        // same key, so same partition, in this order: three kinds of poison, then good events
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(Topics.ENROLLMENTS, PERSON, "this is not json")).get();
            raw.send(new ProducerRecord<>(Topics.ENROLLMENTS, PERSON, "{\"type\":\"EnrollmentChanged\"}")).get();
            raw.send(new ProducerRecord<>(Topics.ENROLLMENTS, PERSON,
                    validEnvelope.formatted(UUID.randomUUID(), badPayload))).get();
        }
        enrollments.change(PERSON, "fail-always");
        enrollments.change(PERSON, "fail-once");
        enrollments.change(PERSON, "seq-1");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(consumerJdbc().queryForList("select seq from effect where seq > 0 order by id", Integer.class))
                        .containsExactly(1));

        // a transient fault (the database away) lasting beyond the attempts meant for a handler's bug is tried again until it
        // passes, not dead-lettered (ADR 0027)
        enrollments.change(PERSON, "transient-5");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(consumerJdbc().queryForObject("select count(*) from effect", Integer.class)).isEqualTo(3));

        List<ConsumerRecord<String, String>> deadLetters = readDeadLetters(4);
        assertThat(deadLetters).extracting(ConsumerRecord::value).satisfiesExactly(
                v -> assertThat(v).isEqualTo("this is not json"),
                v -> assertThat(v).isEqualTo("{\"type\":\"EnrollmentChanged\"}"),
                v -> assertThat(v).contains("ALIEN"),
                v -> assertThat(v).contains("fail-always"));
        assertThat(header(deadLetters.get(0), "kafka_dlt-exception-message")).contains("not JSON");
        assertThat(header(deadLetters.get(3), "kafka_dlt-exception-message")).contains("always fails");

        // the failing handler's effects were rolled back on every attempt; the flaky one and the transient one applied once
        assertThat(consumerJdbc().queryForObject("select count(*) from effect", Integer.class)).isEqualTo(3);
        double deadLettered = consumer.getBean(MeterRegistry.class).find("yibao.consumer.dead.letters")
                .counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(deadLettered).isEqualTo(4);
    }

    private static List<ConsumerRecord<String, String>> readDeadLetters(int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(Topics.deadLetter(Topics.ENROLLMENTS)));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(java.util.Comparator.comparingLong(r -> Long.parseLong(header(r, "kafka_dlt-original-offset"))));
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        if (header == null) {
            return "";
        }
        byte[] value = header.value();
        if (name.endsWith("offset") && value.length == 8) {
            return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static JdbcTemplate consumerJdbc() {
        return consumer.getBean(JdbcTemplate.class);
    }
}
