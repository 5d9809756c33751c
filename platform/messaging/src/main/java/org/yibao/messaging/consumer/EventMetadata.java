package org.yibao.messaging.consumer;

import java.time.Instant;
import java.util.UUID;

/** Where and when an event came from, for handlers that need more than the payload. */
public record EventMetadata(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String key,
        String source,
        String requestId,
        String topic,
        int partition,
        long offset) {
}
