package org.yibao.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.messaging.tracing.EventTracing;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
    /** The header the outbox relay names each record's event type in. */
    public static final String EVENT_TYPE_HEADER = "yibao-event-type";

    private final Map<String, Registration> handlers = new HashMap<>();
    private final String consumerGroup;
    private final EventTracing tracing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Timer endToEnd;

    public IdempotentEventDispatcher(Collection<EventHandler<?>> eventHandlers, String consumerGroup, JdbcTemplate jdbc,
                                     TransactionTemplate tx, JsonMapper json, MeterRegistry meters) {
        this(eventHandlers, consumerGroup, jdbc, tx, json, meters, EventTracing.NONE);
    }

    /** @param tracing each event applied in a span that continues the trace it was appended in ({@link EventTracing}) */
    public IdempotentEventDispatcher(Collection<EventHandler<?>> eventHandlers, String consumerGroup, JdbcTemplate jdbc,
                                     TransactionTemplate tx, JsonMapper json, MeterRegistry meters, EventTracing tracing) {
        this.tracing = tracing;
        this.consumerGroup = consumerGroup;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.meters = meters;
        this.endToEnd = Timer.builder("yibao.consumer.event.latency")
                .description("From the event's commit at the producer to its effect's commit here")
                .publishPercentileHistogram().register(meters);
        for (EventHandler<?> handler : eventHandlers) {
            Class<? extends IntegrationEvent> eventClass = handler.eventClass();
            EventType type = IntegrationEvent.typeOf(eventClass);
            // a later version may add fields and enum constants: both are read past (an unknown constant as null)
            ObjectReader reader = json.readerFor(eventClass).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(tools.jackson.databind.cfg.EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
            Registration previous = handlers.put(type.name(), new Registration(type, reader, handler));
            if (previous != null) {
                throw new IllegalStateException("two handlers for " + type.name() + ": "
                        + previous.handler() + " and " + handler);
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

    /**
     * Applies a poll's records in one transaction: one commit for the lot instead of one per event.
     * If anything in the batch fails, the batch is rolled back and its records are applied one by
     * one, each in its own transaction, until the one that fails; that one is reported to the error
     * handler, which retries it (and what follows) a bounded number of times and then dead-letters it.
     */
    public void dispatchBatch(List<ConsumerRecord<String, String>> records) {
        if (records.size() > 1) {
            try {
                List<Prepared> prepared = records.stream().map(this::prepare).toList();
                List<Boolean> applied = tx.execute(status -> applyAllOnce(prepared));
                for (int i = 0; i < prepared.size(); i++) {
                    recordOutcome(prepared.get(i), applied.get(i));
                }
                return;
            } catch (RuntimeException batchFailed) {
                log.debug("batch of {} failed ({}); applying its records one by one", records.size(), batchFailed.toString());
            }
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                dispatch(record);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, record);
            }
        }
    }

    /** Applies one record in its own transaction. */
    public void dispatch(ConsumerRecord<String, String> record) {
        Prepared prepared = prepare(record);
        List<Boolean> applied = tx.execute(status -> applyAllOnce(List.of(prepared)));
        recordOutcome(prepared, applied.get(0));
    }

    private Prepared prepare(ConsumerRecord<String, String> record) {
        // the relay names the type in a header (OutboxRelay): a type this service has no handler for is passed by
        // without reading its JSON; a record without the header is read and decided by its envelope
        String namedType = header(record, EVENT_TYPE_HEADER);
        if (namedType != null && !namedType.isBlank() && !handlers.containsKey(namedType)) {
            return new Prepared(new Envelope(null, namedType, 0, null, null, null, null, null), null, null, null, null);
        }
        Envelope envelope = parse(record);
        Registration registration = handlers.get(envelope.type());
        if (registration == null) {
            return new Prepared(envelope, null, null, null, null);
        }
        if (envelope.version() < 1) {
            throw new PoisonEventException(envelope.type() + " version " + envelope.version() + " is not a version");
        }
        // Versions of a type only add fields (the contracts' rule, EventSchemaContractTest): a later
        // version is read as the one this service knows, ignoring what it adds; an earlier one leaves
        // the fields added since null. So a producer moving to a new version affects no consumer.
        IntegrationEvent event = payload(registration, envelope);
        EventMetadata metadata = new EventMetadata(envelope.eventId(), envelope.type(), envelope.version(),
                envelope.occurredAt(), envelope.key(), envelope.source(), envelope.requestId(),
                record.topic(), record.partition(), record.offset());
        return new Prepared(envelope, registration, event, metadata, traceParent(record));
    }

    /**
     * Inside one transaction: claims every event id of the batch with a single insert (the ids that
     * come back are the new ones), then applies those in record order.
     */
    private List<Boolean> applyAllOnce(List<Prepared> batch) {
        List<Prepared> ours = batch.stream().filter(p -> p.registration() != null).toList();
        java.util.Set<UUID> claimed = new java.util.HashSet<>();
        if (!ours.isEmpty()) {
            claimed.addAll(jdbc.execute((java.sql.Connection c) -> {
                try (var ps = c.prepareStatement("""
                        insert into processed_event (consumer_group, event_id, event_type, topic, kafka_partition, kafka_offset)
                        select ?, e.id, e.type, e.topic, e.part, e.off
                        from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[]) as e(id, type, topic, part, off)
                        on conflict do nothing
                        returning event_id""")) {
                    ps.setString(1, consumerGroup);
                    ps.setArray(2, c.createArrayOf("uuid", ours.stream().map(p -> p.metadata().eventId()).toArray()));
                    ps.setArray(3, c.createArrayOf("varchar", ours.stream().map(p -> p.metadata().type()).toArray()));
                    ps.setArray(4, c.createArrayOf("varchar", ours.stream().map(p -> p.metadata().topic()).toArray()));
                    ps.setArray(5, c.createArrayOf("int4", ours.stream().map(p -> p.metadata().partition()).toArray()));
                    ps.setArray(6, c.createArrayOf("int8", ours.stream().map(p -> p.metadata().offset()).toArray()));
                    List<UUID> ids = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                }
            }));
        }
        List<Boolean> outcomes = new ArrayList<>(batch.size());
        for (Prepared prepared : batch) {
            if (prepared.registration() == null) {
                outcomes.add(null);
            } else if (claimed.remove(prepared.metadata().eventId())) {
                applyHandler(prepared);
                outcomes.add(true);
            } else {
                outcomes.add(false); // processed before, or a second copy within this very batch
            }
        }
        return outcomes;
    }

    private void applyHandler(Prepared prepared) {
        EventMetadata metadata = prepared.metadata();
        String previousRequestId = MDC.get(OutboxWriter.REQUEST_ID_MDC_KEY);
        if (metadata.requestId() != null) {
            MDC.put(OutboxWriter.REQUEST_ID_MDC_KEY, metadata.requestId());
        }
        try {
            tracing.inConsumerSpan(prepared.traceParent(), "consume " + metadata.type(), metadata.topic(),
                    () -> apply(prepared.registration().handler(), prepared.event(), metadata));
        } finally {
            if (previousRequestId == null) {
                MDC.remove(OutboxWriter.REQUEST_ID_MDC_KEY);
            } else {
                MDC.put(OutboxWriter.REQUEST_ID_MDC_KEY, previousRequestId);
            }
        }
    }

    private void recordOutcome(Prepared prepared, Boolean applied) {
        Envelope envelope = prepared.envelope();
        if (applied == null) {
            count(envelope.type(), "ignored");
        } else if (applied) {
            count(envelope.type(), "processed");
            endToEnd.record(Duration.between(envelope.occurredAt(), Instant.now()));
        } else {
            count(envelope.type(), "duplicate");
            log.debug("{} {} already processed by {}; skipped", envelope.type(), envelope.eventId(), consumerGroup);
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

    private record Registration(EventType type, ObjectReader reader, EventHandler<?> handler) {
    }

    private static String traceParent(ConsumerRecord<String, String> record) {
        return header(record, EventTracing.TRACEPARENT);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private record Prepared(Envelope envelope, Registration registration, IntegrationEvent event, EventMetadata metadata,
                            String traceParent) {
    }

    private record Envelope(UUID eventId, String type, int version, Instant occurredAt, String key, String source,
                            String requestId, JsonNode payload) {
    }
}
