package org.yibao.messaging.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.slf4j.MDC;
import org.yibao.contracts.EventEnvelope;
import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.yibao.messaging.tracing.EventTracing;

/**
 * Records an event in the service's own database, inside the transaction that makes the state
 * change it describes: both commit or neither does. The {@link OutboxRelay} publishes it after
 * commit. This is the only way a service publishes an event.
 */
public class OutboxWriter {

    /** MDC key under which the web layer keeps the current request id. */
    public static final String REQUEST_ID_MDC_KEY = "requestId";

    private static final Object WAKE_UP_REGISTERED = new Object();

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String source;
    private final Runnable wakeUpRelay;
    private final EventTracing tracing;

    public OutboxWriter(JdbcTemplate jdbc, JsonMapper json, String source, Runnable wakeUpRelay) {
        this(jdbc, json, source, wakeUpRelay, EventTracing.NONE);
    }

    /** @param tracing the current trace, stored with each event for the relay to pass on ({@link EventTracing}) */
    public OutboxWriter(JdbcTemplate jdbc, JsonMapper json, String source, Runnable wakeUpRelay, EventTracing tracing) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.wakeUpRelay = wakeUpRelay;
        this.tracing = tracing;
    }

    /**
     * Appends an event to the outbox. Must be called inside the transaction of the state change.
     *
     * @return the event's id
     */
    public UUID append(IntegrationEvent event) {
        requireTransaction(event);
        Row row = row(event);
        jdbc.update("""
                        insert into outbox_event (event_id, topic, event_key, event_type, event_version, envelope, trace_parent)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                row.eventId(), row.type().topic(), row.key(), row.type().name(), row.type().version(), row.envelope(),
                tracing.currentTraceParent());
        wakeRelayAfterCommit();
        return row.eventId();
    }

    /**
     * Appends many events with one statement, in list order (which is their publication order). For
     * bulk changes such as a file import; must be called inside the transaction of the state change.
     */
    public void appendAll(List<? extends IntegrationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        requireTransaction(events.get(0));
        List<Row> rows = events.stream().map(this::row).toList();
        String traceParent = tracing.currentTraceParent();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_key, event_type, event_version, envelope, trace_parent)
                    select e.*, ?::varchar from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::integer[], ?::text[]) as e""");
            ps.setString(1, traceParent);
            ps.setArray(2, con.createArrayOf("uuid", rows.stream().map(Row::eventId).toArray()));
            ps.setArray(3, con.createArrayOf("varchar", rows.stream().map(r -> r.type().topic()).toArray()));
            ps.setArray(4, con.createArrayOf("varchar", rows.stream().map(Row::key).toArray()));
            ps.setArray(5, con.createArrayOf("varchar", rows.stream().map(r -> r.type().name()).toArray()));
            ps.setArray(6, con.createArrayOf("integer", rows.stream().map(r -> r.type().version()).toArray()));
            ps.setArray(7, con.createArrayOf("text", rows.stream().map(Row::envelope).toArray()));
            return ps;
        });
        wakeRelayAfterCommit();
    }

    private record Row(UUID eventId, EventType type, String key, String envelope) {
    }

    private Row row(IntegrationEvent event) {
        EventType type = IntegrationEvent.typeOf(event.getClass());
        String key = event.partitionKey();
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(type.name() + " has no partition key");
        }
        EventEnvelope<IntegrationEvent> envelope = EventEnvelope.wrap(event, source, MDC.get(REQUEST_ID_MDC_KEY));
        return new Row(envelope.eventId(), type, key, json.writeValueAsString(envelope));
    }

    private static void requireTransaction(IntegrationEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an event must be appended inside the transaction that changes the state; "
                    + event.getClass().getSimpleName() + " was appended outside one");
        }
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(WAKE_UP_REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUpRelay.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_UP_REGISTERED);
            }
        });
    }
}
