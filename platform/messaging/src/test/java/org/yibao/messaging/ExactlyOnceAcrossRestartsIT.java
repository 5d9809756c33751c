package org.yibao.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.messaging.it.consumer.ConsumerApp;
import org.yibao.messaging.it.producer.ProducerApp;
import org.yibao.testsupport.infra.KafkaBroker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An event written through the outbox by one service is applied exactly once by another, while
 * the broker is stopped and restarted, the consumer is stopped and restarted, and the consumer is
 * evicted from its group mid-record so that Kafka really redelivers.
 */
class ExactlyOnceAcrossRestartsIT {

    private static final List<String> PERSONS = TwoServices.persons(20);

    private static KafkaBroker broker;
    private static TwoServices services;
    private static ConfigurableApplicationContext producer;
    private static ConfigurableApplicationContext consumer;
    private static final Map<String, Integer> nextSeq = new HashMap<>();

    @BeforeAll
    static void start() {
        broker = KafkaBroker.startTemporary();
        // a consumer that spends longer than this on one poll's records is evicted and gets them again
        services = new TwoServices(broker.bootstrapServers(), Map.of(
                "yibao.messaging.consumer.max-poll-interval", "4s"));
        producer = services.startProducer();
        consumer = services.startConsumer();
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void everyCommittedEventHasExactlyOneEffectThroughRestartsAndRedelivery() {
        ProducerApp.Enrollments enrollments = producer.getBean(ProducerApp.Enrollments.class);

        // 1. the happy path
        changeEveryone(enrollments, 10);
        awaitEffects(200);

        // 2. the broker goes away: state changes keep committing, their events wait in the outbox
        broker.stop();
        changeEveryone(enrollments, 10);
        assertThat(backlog()).isEqualTo(200);
        broker.start();
        awaitEffects(400);

        // 3. the consumer goes away and comes back while events keep coming
        consumer.close();
        changeEveryone(enrollments, 5);
        consumer = services.startConsumer();
        changeEveryone(enrollments, 5);
        awaitEffects(600);

        // 4. the consumer is evicted while applying an event (longer than max.poll.interval):
        //    its transaction commits, its offset commit is refused, and the records come again
        ConsumerApp.slowMillis = 6_000;
        enrollments.change(PERSONS.get(0), "slow-once");
        changeEveryone(enrollments, 1);
        awaitEffects(621);
        await().atMost(Duration.ofSeconds(60)).until(() -> consumerCount("duplicate") > 0);

        // 5. a transaction that fails after appending its event publishes nothing
        assertThatThrownBy(() -> enrollments.changeThenFail(PERSONS.get(1))).isInstanceOf(IllegalStateException.class);

        // the books: every committed state change has exactly one effect, in per-person order
        int committedChanges = producerJdbc().queryForObject("select sum(changes) from enrollment_state", Integer.class);
        assertThat(committedChanges).isEqualTo(621);
        awaitEffects(621);
        assertThat(consumerJdbc().queryForObject(
                "select count(*) from (select event_id from effect group by event_id having count(*) > 1) d", Integer.class))
                .as("events applied twice").isZero();
        assertThat(consumerJdbc().queryForObject("select count(*) from effect where seq = 999999", Integer.class))
                .as("an event of a rolled-back transaction").isZero();
        for (String person : PERSONS) {
            List<Integer> seqs = consumerJdbc().queryForList(
                    "select seq from effect where person_id = ? and seq >= 0 order by id", Integer.class, person);
            assertThat(seqs).as("order of %s's events", person).isSorted().doesNotHaveDuplicates();
        }
        assertThat(consumerJdbc().queryForObject("select count(*) from processed_event", Integer.class)).isEqualTo(621);
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);

        // what operators watch: the outbox backlog, and the consumer's lag from the Kafka client
        MeterRegistry producerMeters = producer.getBean(MeterRegistry.class);
        assertThat(producerMeters.get("yibao.outbox.backlog").gauge().value()).isZero();
        assertThat(producerMeters.get("yibao.outbox.published").counters()).isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(consumer.getBean(MeterRegistry.class)
                .find("kafka.consumer.fetch.manager.records.lag.max").gauges()).isNotEmpty());
    }

    private static void changeEveryone(ProducerApp.Enrollments enrollments, int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (String person : PERSONS) {
                int seq = nextSeq.merge(person, 1, Integer::sum);
                enrollments.change(person, "seq-" + seq);
            }
        }
    }

    private static void awaitEffects(int expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(consumerJdbc().queryForObject("select count(*) from effect", Integer.class))
                        .isEqualTo(expected));
    }

    private static long backlog() {
        return producerJdbc().queryForObject("select count(*) from outbox_event where published_at is null", Long.class);
    }

    private static double consumerCount(String outcome) {
        return consumer.getBean(MeterRegistry.class).find("yibao.consumer.events").tag("outcome", outcome)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static JdbcTemplate producerJdbc() {
        return producer.getBean(JdbcTemplate.class);
    }

    private static JdbcTemplate consumerJdbc() {
        return consumer.getBean(JdbcTemplate.class);
    }

}
