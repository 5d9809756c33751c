package org.yibao.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.EventEnvelope;
import org.yibao.contracts.Topics;
import org.yibao.contracts.events.FilingCancelled;
import org.yibao.contracts.events.FilingRegistered;
import org.yibao.messaging.config.MessagingSchema;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.IdempotentEventDispatcher;
import org.yibao.messaging.consumer.PoisonEventException;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.RealInfrastructure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The idempotent consumer's dispatcher on a real PostgreSQL (issue 19): an event's effect and its
 * processed-event row commit together, exactly once however often it arrives (also twice in one
 * poll); a failed handler leaves nothing, so the retry starts clean; a failing batch is applied one
 * record at a time up to the failing one, which is named to the error handler; what can never be
 * processed is poison; unknown types are ignored without a claim; the request id reaches the handler.
 * Kafka is not needed: records are built as the listener container would hand them over.
 */
class IdempotentEventDispatcherIT {

    private static final String GROUP = "dispatcher-it";
    /** Not 0, so that a partition never recorded would show. */
    private static final int PARTITION = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;

    private SimpleMeterRegistry meters;
    private final List<String> effects = new ArrayList<>();
    private final AtomicInteger offsets = new AtomicInteger();

    @BeforeAll
    static void database() {
        DatabaseServer postgres = RealInfrastructure.postgres();
        String database = "dispatcher_it_" + ProcessHandle.current().pid();
        postgres.createDatabaseIfMissing(database);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(postgres.jdbcUrl(database), postgres.username(),
                postgres.password());
        new MessagingSchema(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("create table if not exists effect (filing_id varchar(64) not null, what varchar(40) not null, tx bigint not null)");
    }

    @BeforeEach
    void cleanSlate() {
        jdbc.update("delete from effect");
        jdbc.update("delete from processed_event");
        meters = new SimpleMeterRegistry();
        effects.clear();
    }

    /** Writes its effect in the dispatcher's transaction; fails for a filing whose reason is "fail". */
    private IdempotentEventDispatcher dispatcher() {
        EventHandler<FilingCancelled> cancelled = EventHandler.of(FilingCancelled.class, e -> {
            jdbc.update("insert into effect (filing_id, what, tx) values (?, 'cancelled', txid_current())", e.filingId());
            effects.add(e.filingId() + " " + MDC.get(OutboxWriter.REQUEST_ID_MDC_KEY));
            if ("fail".equals(e.reason())) {
                throw new IllegalStateException("handler failed for " + e.filingId());
            }
        });
        return new IdempotentEventDispatcher(List.of(cancelled), GROUP, jdbc, tx, JSON, meters);
    }

    @Test
    void anEventDeliveredTwiceTakesEffectOnceAndIsCountedAsADuplicate() {
        IdempotentEventDispatcher dispatcher = dispatcher();
        ConsumerRecord<String, String> record = record(cancelled("F-1", "moved"), "req-1");

        dispatcher.dispatch(record);
        dispatcher.dispatch(record);

        assertThat(effectRows("F-1")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from processed_event where consumer_group = ? and event_type = 'FilingCancelled'",
                Integer.class, GROUP)).isEqualTo(1);
        assertThat(count("processed")).isEqualTo(1);
        assertThat(count("duplicate")).isEqualTo(1);
        assertThat(jdbc.queryForMap("select topic, kafka_partition, kafka_offset from processed_event where consumer_group = ?", GROUP))
                .containsEntry("topic", Topics.FILINGS).containsEntry("kafka_partition", PARTITION).containsEntry("kafka_offset", record.offset());
        assertThat(meters.get("yibao.consumer.event.latency").timer().count()).as("end-to-end latency of what took effect").isEqualTo(1);
    }

    /** A poll's records commit together: one transaction for the lot, not one per event. */
    @Test
    void aPollOfSeveralRecordsCommitsInOneTransactionAndSingleRecordsInTheirOwn() {
        IdempotentEventDispatcher dispatcher = dispatcher();
        dispatcher.dispatchBatch(List.of(record(cancelled("F-20", "a"), null), record(cancelled("F-21", "b"), null)));
        dispatcher.dispatchBatch(List.of(record(cancelled("F-22", "c"), null)));
        dispatcher.dispatch(record(cancelled("F-23", "d"), null));

        assertThat(jdbc.queryForObject("select count(distinct tx) from effect where filing_id in ('F-20', 'F-21')", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct tx) from effect", Integer.class)).isEqualTo(3);
    }

    @Test
    void twoCopiesInOnePollTakeEffectOnce() {
        ConsumerRecord<String, String> record = record(cancelled("F-2", "moved"), null);
        ConsumerRecord<String, String> other = record(cancelled("F-3", "moved"), null);

        dispatcher().dispatchBatch(List.of(record, other, record));

        assertThat(effectRows("F-2")).isEqualTo(1);
        assertThat(effectRows("F-3")).isEqualTo(1);
        assertThat(count("processed")).isEqualTo(2);
        assertThat(count("duplicate")).isEqualTo(1);
    }

    @Test
    void aFailedHandlerLeavesNeitherItsEffectNorTheClaimSoTheRetryStartsClean() {
        IdempotentEventDispatcher dispatcher = dispatcher();
        ConsumerRecord<String, String> failing = record(cancelled("F-4", "fail"), null);

        assertThatThrownBy(() -> dispatcher.dispatch(failing)).hasMessageContaining("handler failed for F-4");

        assertThat(effectRows("F-4")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from processed_event", Integer.class)).isZero();
        assertThat(count("processed")).isZero();
    }

    @Test
    void aFailingBatchIsAppliedRecordByRecordUpToTheFailingOneWhichIsNamed() {
        ConsumerRecord<String, String> first = record(cancelled("F-5", "moved"), null);
        ConsumerRecord<String, String> failing = record(cancelled("F-6", "fail"), null);
        ConsumerRecord<String, String> after = record(cancelled("F-7", "moved"), null);

        assertThatThrownBy(() -> dispatcher().dispatchBatch(List.of(first, failing, after)))
                .isInstanceOf(BatchListenerFailedException.class)
                .satisfies(e -> assertThat(((BatchListenerFailedException) e).getRecord()).isSameAs(failing));

        assertThat(effectRows("F-5")).as("the record before the failing one is applied").isEqualTo(1);
        assertThat(effectRows("F-6")).isZero();
        assertThat(effectRows("F-7")).as("what follows waits for the retry").isZero();
    }

    @Test
    void aBatchThatSucceedsCommitsAllItsEffectsInOrder() {
        dispatcher().dispatchBatch(List.of(record(cancelled("F-8", "a"), null), record(cancelled("F-9", "b"), null)));

        assertThat(effects).containsExactly("F-8 null", "F-9 null");
        assertThat(jdbc.queryForList("select kafka_offset from processed_event order by kafka_offset", Long.class)).hasSize(2);
    }

    @Test
    void theRequestIdReachesTheHandlerAndTheCallersIsRestored() {
        MDC.put(OutboxWriter.REQUEST_ID_MDC_KEY, "callers-own");
        try {
            dispatcher().dispatch(record(cancelled("F-10", "moved"), "H41170200001-msg-7"));

            assertThat(effects).containsExactly("F-10 H41170200001-msg-7");
            assertThat(MDC.get(OutboxWriter.REQUEST_ID_MDC_KEY)).isEqualTo("callers-own");
        } finally {
            MDC.remove(OutboxWriter.REQUEST_ID_MDC_KEY);
        }
        dispatcher().dispatch(record(cancelled("F-11", "moved"), "req-x"));
        assertThat(MDC.get(OutboxWriter.REQUEST_ID_MDC_KEY)).as("none before, none after").isNull();
    }

    @Test
    void anEventTypeWithoutAHandlerIsIgnoredAndNotClaimed() {
        FilingRegistered registered = new FilingRegistered("F-12", "11010519491231002X", "110100", "440000", "moved",
                LocalDate.of(2026, 1, 1), null, Instant.now());
        dispatcher().dispatch(record(registered, null));

        assertThat(jdbc.queryForObject("select count(*) from processed_event", Integer.class)).isZero();
        assertThat(count("ignored")).isEqualTo(1);
    }

    /**
     * The relay names each record's type in a header: a type without a handler is passed by without reading its JSON (a
     * service skips most of a busy topic's records this way), while a record whose header names a handled type, or that
     * has no header, is read and judged by its envelope as before.
     */
    @Test
    void aRecordWhoseHeaderNamesATypeWithoutAHandlerIsIgnoredUnread() {
        ConsumerRecord<String, String> unread = new ConsumerRecord<>(Topics.FILINGS, PARTITION, offsets.incrementAndGet(), "k",
                "not even JSON: never read");
        unread.headers().add(IdempotentEventDispatcher.EVENT_TYPE_HEADER, "FilingRegistered".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> handled = record(cancelled("F-30", "moved"), null);
        handled.headers().add(IdempotentEventDispatcher.EVENT_TYPE_HEADER, "FilingCancelled".getBytes(StandardCharsets.UTF_8));

        dispatcher().dispatchBatch(List.of(unread, handled));

        assertThat(count("ignored")).isEqualTo(1);
        assertThat(effectRows("F-30")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from processed_event", Integer.class)).isEqualTo(1);

        ConsumerRecord<String, String> namedHandledButBroken = new ConsumerRecord<>(Topics.FILINGS, PARTITION,
                offsets.incrementAndGet(), "k", "not JSON");
        namedHandledButBroken.headers().add(IdempotentEventDispatcher.EVENT_TYPE_HEADER, "FilingCancelled".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> dispatcher().dispatch(namedHandledButBroken)).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void whatCanNeverBeProcessedIsPoisonNamingWhy() {
        IdempotentEventDispatcher dispatcher = dispatcher();
        ObjectNode envelope = JSON.valueToTree(EventEnvelope.wrap(cancelled("F-13", "moved"), "enrollment-service", null));

        assertPoison(dispatcher, null, "record has no value");
        assertPoison(dispatcher, "{not json", "not JSON");
        assertPoison(dispatcher, "[1, 2]", "not a JSON object");
        assertPoison(dispatcher, envelope.deepCopy().put("version", 0).toString(), "version 0 is not a version");
        assertPoison(dispatcher, envelope.deepCopy().put("eventId", "not-a-uuid").toString(), "malformed envelope");
        assertPoison(dispatcher, envelope.deepCopy().put("occurredAt", "yesterday").toString(), "malformed envelope");
        ObjectNode noKey = envelope.deepCopy();
        noKey.remove("key");
        assertPoison(dispatcher, noKey.toString(), "envelope has no key");
        ObjectNode badPayload = envelope.deepCopy();
        ((ObjectNode) badPayload.get("payload")).put("lastDay", "the end of March");
        assertPoison(dispatcher, badPayload.toString(), "FilingCancelled payload does not fit its contract");

        assertThat(jdbc.queryForObject("select count(*) from processed_event", Integer.class)).isZero();
    }

    @Test
    void aLaterVersionOfATypeIsReadAsTheVersionThisConsumerKnows() {
        ObjectNode envelope = JSON.valueToTree(EventEnvelope.wrap(cancelled("F-15", "moved"), "enrollment-service", null));
        envelope.put("version", 7);
        ((ObjectNode) envelope.get("payload")).put("addedInVersion7", "x");

        dispatcher().dispatch(new ConsumerRecord<>(Topics.FILINGS, 0, offsets.incrementAndGet(), "k", envelope.toString()));

        assertThat(effectRows("F-15")).isEqualTo(1);
    }

    @Test
    void fieldsAConsumerDoesNotKnowAreIgnored() {
        ObjectNode envelope = JSON.valueToTree(EventEnvelope.wrap(cancelled("F-14", "moved"), "enrollment-service", null));
        ((ObjectNode) envelope.get("payload")).put("addedInALaterRelease", "x");
        envelope.put("somethingNew", 1);

        dispatcher().dispatch(new ConsumerRecord<>(Topics.FILINGS, 0, offsets.incrementAndGet(), "k", envelope.toString()));

        assertThat(effectRows("F-14")).isEqualTo(1);
    }

    @Test
    void oneHandlerPerEventTypeAndItsTopicsAreKnown() {
        EventHandler<FilingCancelled> one = EventHandler.of(FilingCancelled.class, e -> { });
        EventHandler<FilingCancelled> two = EventHandler.of(FilingCancelled.class, e -> { });

        assertThatThrownBy(() -> new IdempotentEventDispatcher(List.of(one, two), GROUP, jdbc, tx, JSON, meters))
                .hasMessageContaining("two handlers for FilingCancelled");
        IdempotentEventDispatcher dispatcher = dispatcher();
        assertThat(dispatcher.topics()).isEqualTo(Set.of(Topics.FILINGS));
        assertThat(dispatcher.hasHandlers()).isTrue();
        assertThat(new IdempotentEventDispatcher(List.of(), GROUP, jdbc, tx, JSON, meters).hasHandlers()).isFalse();
    }

    // --- helpers ---

    private void assertPoison(IdempotentEventDispatcher dispatcher, String value, String why) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.FILINGS, 0, offsets.incrementAndGet(), "k", value);
        assertThatThrownBy(() -> dispatcher.dispatch(record)).isInstanceOf(PoisonEventException.class).hasMessageContaining(why);
    }

    private static FilingCancelled cancelled(String filingId, String reason) {
        return new FilingCancelled(filingId, "11010519491231002X", LocalDate.of(2026, 3, 31), reason, Instant.now());
    }

    private ConsumerRecord<String, String> record(org.yibao.contracts.IntegrationEvent event, String requestId) {
        String value = JSON.writeValueAsString(EventEnvelope.wrap(event, "enrollment-service", requestId));
        return new ConsumerRecord<>(IntegrationEventTopic.of(event), PARTITION, offsets.incrementAndGet(), event.partitionKey(), value);
    }

    private int effectRows(String filingId) {
        return jdbc.queryForObject("select count(*) from effect where filing_id = ?", Integer.class, filingId);
    }

    private double count(String outcome) {
        return meters.find("yibao.consumer.events").tag("outcome", outcome).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private static final class IntegrationEventTopic {
        static String of(org.yibao.contracts.IntegrationEvent event) {
            return org.yibao.contracts.IntegrationEvent.typeOf(event.getClass()).topic();
        }
    }
}
