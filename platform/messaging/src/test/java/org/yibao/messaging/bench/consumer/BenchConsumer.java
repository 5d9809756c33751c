package org.yibao.messaging.bench.consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The consuming service of the outbox benchmark; records each event's latency after its commit. */
@SpringBootApplication
public class BenchConsumer {

    /** Latencies in microseconds, from the event's append to the consumer's commit. */
    public static final ConcurrentLinkedQueue<Long> LATENCIES_MICROS = new ConcurrentLinkedQueue<>();
    public static volatile boolean recording;

    @Bean
    EventHandler<EnrollmentChanged> benchHandler(JdbcTemplate jdbc) {
        return new EventHandler<>() {
            @Override
            public void handle(EnrollmentChanged event, EventMetadata metadata) {
                jdbc.update("insert into bench_effect (event_id, person_id) values (?, ?)", metadata.eventId(), event.personId());
                Instant occurred = metadata.occurredAt();
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        if (recording) {
                            LATENCIES_MICROS.add(Duration.between(occurred, Instant.now()).toNanos() / 1000);
                        }
                    }
                });
            }

            @Override
            public Class<EnrollmentChanged> eventClass() {
                return EnrollmentChanged.class;
            }
        };
    }
}
