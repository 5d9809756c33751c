package org.yibao.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.messaging.outbox.OutboxWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Turns a Kafka record into exactly one application of its handler: parses the envelope, finds
 * the handler for its type, and in one database transaction inserts the event id into
 * {@code processed_event} and runs the handler. A redelivered event conflicts on the primary key
 * and is skipped; a failed handler rolls back both, so the retry starts clean.
 */
public class IdempotentEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(IdempotentEventDispatcher.class);

    private final Map<String, Registration> handlers = new HashMap<>();
    private final String consumerGroup;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Timer endToEnd;

    public IdempotentEventDispatcher(Collection<EventHandler<?>> eventHandlers, String consumerGroup, JdbcTemplate jdbc,
                                     TransactionTemplate tx, JsonMapper json, MeterRegistry meters) {
        this.consumerGroup = consumerGroup;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.meters = meters;
        this.endToEnd = Timer.builder("yibao.consumer.event.latency")
                .description("From the event's commit at the producer to its effect's commit here")
                .publishPercentiles(0.5, 0.99).register(meters);
        for (EventHandler<?> handler : eventHandlers) {
            Class<? extends IntegrationEvent> eventClass = handler.eventClass();
            EventType type = IntegrationEvent.typeOf(eventClass);
            ObjectReader reader = json.readerFor(eventClass).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            Registration previous = handlers.put(type.name(), new Registration(type, reader, handler));
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + type.name() + ": "
                        + previous.handler().getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    /** The topics the handlers' events travel on. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        handlers.values().forEach(r -> topics.add(r.type().topic()));
        return topics;
    }

    public boolean hasHandlers() {
        return !handlers.isEmpty();
    }

    public void dispatch(ConsumerRecord<String, String> record) {
        Envelope envelope = parse(record);
        Registration registration = handlers.get(envelope.type());
        if (registration == null) {
            // another service's event type on a topic we read: not ours to apply
            count(envelope.type(), "ignored");
            return;
        }
        if (envelope.version() != registration.type().version()) {
            throw new PoisonEventException(envelope.type() + " version " + envelope.version()
                    + " is not the version " + registration.type().version() + " this service reads");
        }
        IntegrationEvent event = payload(registration, envelope);
        EventMetadata metadata = new EventMetadata(envelope.eventId(), envelope.type(), envelope.version(),
                envelope.occurredAt(), envelope.key(), envelope.source(), envelope.requestId(),
                record.topic(), record.partition(), record.offset());
        String previousRequestId = MDC.get(OutboxWriter.REQUEST_ID_MDC_KEY);
        if (envelope.requestId() != null) {
            MDC.put(OutboxWriter.REQUEST_ID_MDC_KEY, envelope.requestId());
        }
        try {
            Boolean applied = tx.execute(status -> {
                int inserted = jdbc.update("""
                                insert into processed_event (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
                                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                        consumerGroup, envelope.eventId(), envelope.type(), record.topic(), record.partition(), record.offset());
                if (inserted == 0) {
                    return false;
                }
                apply(registration.handler(), event, metadata);
                return true;
            });
            if (Boolean.TRUE.equals(applied)) {
                count(envelope.type(), "processed");
                endToEnd.record(Duration.between(envelope.occurredAt(), Instant.now()));
            } else {
                count(envelope.type(), "duplicate");
                log.debug("{} {} already processed by {}; skipped", envelope.type(), envelope.eventId(), consumerGroup);
            }
        } finally {
            if (previousRequestId == null) {
                MDC.remove(OutboxWriter.REQUEST_ID_MDC_KEY);
            } else {
                MDC.put(OutboxWriter.REQUEST_ID_MDC_KEY, previousRequestId);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void apply(EventHandler handler, IntegrationEvent event, EventMetadata metadata) {
        handler.handle(event, metadata);
    }

    private Envelope parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new PoisonEventException("record has no value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(record.value());
        } catch (JacksonException e) {
            throw new PoisonEventException("record value is not JSON", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new PoisonEventException("record value is not a JSON object");
        }
        try {
            UUID eventId = UUID.fromString(required(tree, "eventId").asString());
            String type = required(tree, "type").asString();
            int version = required(tree, "version").asInt();
            Instant occurredAt = Instant.parse(required(tree, "occurredAt").asString());
            String key = required(tree, "key").asString();
            JsonNode payload = required(tree, "payload");
            return new Envelope(eventId, type, version, occurredAt, key, text(tree, "source"), text(tree, "requestId"), payload);
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException e) {
            throw new PoisonEventException("malformed envelope: " + e.getMessage(), e);
        }
    }

    private IntegrationEvent payload(Registration registration, Envelope envelope) {
        try {
            return registration.reader().readValue(envelope.payload());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonEventException(envelope.type() + " payload does not fit its contract: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("envelope has no " + field);
        }
        return node;
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private void count(String type, String outcome) {
        meters.counter("yibao.consumer.events", "group", consumerGroup, "type", type, "outcome", outcome).increment();
    }

    public List<String> eventTypes() {
        return handlers.keySet().stream().sorted().toList();
    }

    private record Registration(EventType type, ObjectReader reader, EventHandler<?> handler) {
    }

    private record Envelope(UUID eventId, String type, int version, Instant occurredAt, String key, String source,
                            String requestId, JsonNode payload) {
    }
}
