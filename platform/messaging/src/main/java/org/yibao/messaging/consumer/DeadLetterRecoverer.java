package org.yibao.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.yibao.contracts.Topics;
import org.yibao.contracts.identity.IdMasking;

/**
 * Sends a record that failed all its attempts to {@code <topic>.DLT}, with the exception in its
 * headers, and counts it. If the dead-letter topic cannot be written the record is not
 * acknowledged: it is retried rather than lost.
 */
public class DeadLetterRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry meters;
    private final String consumerGroup;

    public DeadLetterRecoverer(KafkaOperations<String, String> kafka, MeterRegistry meters, String consumerGroup) {
        this.publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        this.publisher.setFailIfSendResultIsError(true);
        this.meters = meters;
        this.consumerGroup = consumerGroup;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        publisher.accept(record, exception);
        Throwable cause = rootCause(exception);
        meters.counter("yibao.consumer.dead.letters", "group", consumerGroup, "topic", record.topic(),
                "reason", cause.getClass().getSimpleName()).increment();
        log.error("dead-lettered {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(), record.offset(),
                IdMasking.mask(String.valueOf(record.key())), Topics.deadLetter(record.topic()),
                IdMasking.maskAll(cause.getMessage()));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof PoisonEventException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
