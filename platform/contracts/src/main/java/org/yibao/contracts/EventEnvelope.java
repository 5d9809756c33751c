package org.yibao.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: metadata that every consumer understands, around a payload that
 * only consumers of that type read. Consumers ignore fields they do not know, so adding a field is
 * not a new version; removing or changing the meaning of one is.
 *
 * @param eventId    unique per event; the consumers' de-duplication key
 * @param type       the payload's type name, for example {@code ClaimSettled}
 * @param version    the payload's schema version
 * @param occurredAt when the state change committed at the producer
 * @param key        the partition key (person or institution)
 * @param source     the producing service
 * @param requestId  the request that caused it, carried across services for tracing (may be null)
 * @param payload    the event itself
 */
public record EventEnvelope<T>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String key,
        String source,
        String requestId,
        T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
    }

    /** A new envelope around an event, with a fresh id, its declared type and version, and its key. */
    public static <E extends IntegrationEvent> EventEnvelope<E> wrap(E event, String source, String requestId) {
        EventType type = IntegrationEvent.typeOf(event.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), type.name(), type.version(), Instant.now(), event.partitionKey(),
                source, requestId, event);
    }
}
