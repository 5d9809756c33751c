package org.yibao.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.messaging.config.MessagingProperties;
import org.yibao.messaging.tracing.EventTracing;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in row order and marks them sent.
 *
 * <p>Order per key: rows are read in id order and sent by one idempotent producer, so Kafka keeps
 * them in that order within a partition. Only one instance of a service relays at a time (a
 * PostgreSQL advisory lock held for the batch), so two replicas never interleave one key's events.
 * A crash between send and mark re-sends the batch on restart: delivery is at least once, and the
 * consumers' processed-event table makes the effect exactly once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock id of the relay; any constant shared by the replicas of one service works. */
    private static final long RELAY_LOCK = 0x79_6962_616f_0001L;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final MessagingProperties.Relay settings;
    private final Semaphore signal = new Semaphore(0);
    private final Counter failures;
    private final Timer publishDelay;
    private final MeterRegistry meters;

    /** How soon the relay looks again when another instance held the relay lock (doubled while it stays held). */
    private static final Duration LOCK_BUSY_RETRY = Duration.ofMillis(20);

    private volatile boolean running;
    private volatile boolean lockBusy;
    private Thread thread;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       MessagingProperties.Relay settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.settings = settings;
        this.meters = meters;
        this.failures = Counter.builder("yibao.outbox.publish.failures")
                .description("Relay batches that failed to publish and will be retried").register(meters);
        this.publishDelay = Timer.builder("yibao.outbox.publish.delay")
                .description("From the event's commit to the broker's acknowledgement")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("yibao.outbox.backlog", this::backlog)
                .description("Outbox rows not yet published").register(meters);
        Gauge.builder("yibao.outbox.oldest.age.seconds", this::oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox row").baseUnit("seconds").register(meters);
    }

    /** Asks the relay to look at the outbox now (called after a commit that appended events). */
    public void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Publishes one batch now; returns how many rows were published. Used by the loop and by tests. */
    public int publishBatch() {
        // an empty outbox (most polls of an idle service) costs one indexed statement, not a locked transaction
        if (!Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from outbox_event where published_at is null)", Boolean.class))) {
            return 0;
        }
        Integer published = tx.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                lockBusy = true; // another instance is publishing; our rows may have missed its batch: look again soon
                return 0;
            }
            List<OutboxRow> rows = jdbc.query("""
                            select id, topic, event_key, event_id, event_type, envelope, created_at, trace_parent
                            from outbox_event where published_at is null order by id limit ?""",
                    (rs, n) -> new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)),
                    settings.getBatchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> sent = send(rows);
            markPublished(sent);
            return sent.size();
        });
        return published == null ? 0 : published;
    }

    /**
     * Sends every row, then waits for the acknowledgements in order and keeps the longest
     * acknowledged prefix: a row after a failed one is sent again next time rather than marked,
     * so a key's events are never marked out of order.
     */
    private List<Long> send(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
            record.headers().add(new RecordHeader("yibao-event-id", row.eventId().getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader(org.yibao.messaging.consumer.IdempotentEventDispatcher.EVENT_TYPE_HEADER, row.type().getBytes(StandardCharsets.UTF_8)));
            if (row.traceParent() != null) {
                // the trace the event was appended in: the consumer's span is its child (EventTracing)
                record.headers().add(new RecordHeader(EventTracing.TRACEPARENT, row.traceParent().getBytes(StandardCharsets.UTF_8)));
            }
            acks.add(kafka.send(record));
        }
        kafka.flush();
        List<Long> sent = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                acks.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                failures.increment();
                log.warn("publishing {} {} (key {}) failed; it and {} later rows will be retried: {}", row.type(),
                        row.eventId(), IdMasking.mask(row.key()), rows.size() - i - 1, e.toString());
                break;
            }
            sent.add(row.id());
            publishDelay.record(Duration.between(row.createdAt(), Instant.now()));
            meters.counter("yibao.outbox.published", "topic", row.topic(), "type", row.type()).increment();
        }
        return sent;
    }

    private void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.execute((java.sql.Connection c) -> {
            Array array = c.createArrayOf("bigint", ids.toArray());
            try (var ps = c.prepareStatement("update outbox_event set published_at = now() where id = any(?)")) {
                ps.setArray(1, array);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes published rows older than the retention. */
    public int deletePublishedBefore(Instant cutoff) {
        return jdbc.update("delete from outbox_event where published_at < ?", Timestamp.from(cutoff));
    }

    private double backlog() {
        try {
            Long n = jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double oldestAgeSeconds() {
        try {
            Double age = jdbc.queryForObject("""
                    select coalesce(extract(epoch from now() - min(created_at)), 0)::float8
                    from outbox_event where published_at is null""", Double.class);
            return age == null ? 0 : age;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void loop() {
        Duration backoff = settings.getPollInterval();
        long busyWait = 0;
        while (running) {
            try {
                int published = publishBatch();
                backoff = settings.getPollInterval();
                if (published == 0) {
                    // another instance held the relay lock: look again soon, then less often (up to the poll interval)
                    // while it stays busy (a broker outage keeps the holder in its sends for seconds)
                    busyWait = lockBusy ? Math.min(busyWait == 0 ? LOCK_BUSY_RETRY.toMillis() : busyWait * 2,
                            settings.getPollInterval().toMillis()) : 0;
                    long wait = lockBusy ? busyWait : settings.getPollInterval().toMillis();
                    lockBusy = false;
                    signal.tryAcquire(wait, TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                } else {
                    busyWait = 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("outbox relay failed; retrying in {} ms: {}", backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.getMaxBackoff()) > 0
                        ? settings.getMaxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !settings.isEnabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            signal.release();
            try {
                thread.join(STOP_GRACE.toMillis());
                if (thread.isAlive()) {
                    // stuck on a database or broker that is already gone: what it had not marked is sent again later
                    thread.interrupt();
                    thread.join(STOP_GRACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the Kafka producer and the connection pool go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private record OutboxRow(long id, String topic, String key, String eventId, String type, String envelope,
                             Instant createdAt, String traceParent) {
    }
}
