package org.yibao.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.KafkaBroker;
import org.yibao.testsupport.infra.RealInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RealInfrastructureTest {

    @Test
    void postgresIsARealServer() throws Exception {
        DatabaseServer postgres = RealInfrastructure.postgres();
        postgres.createDatabaseIfMissing("probe_db");
        postgres.createDatabaseIfMissing("probe_db");

        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("probe_db"), postgres.username(), postgres.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_database(), version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("probe_db");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void brokerKeepsCommittedRecordsAcrossARestart() {
        try (KafkaBroker broker = KafkaBroker.startTemporary()) {
            try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>("restart-probe", "k", "before")).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }

            broker.stop();
            broker.start();

            try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>("restart-probe", "k", "after")).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(readAll(broker.bootstrapServers(), "restart-probe", 2)).containsExactly("before", "after");
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
