package org.yibao.city.report;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.yibao.contracts.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Both sides of every topic, read from the broker: how many events were published (the partitions'
 * end offsets; the outbox relay publishes without transactions, so one offset is one event) and how
 * many each consumer group has processed (its committed offsets). Dead-letter topics are counted the
 * same way. Snapshots taken before and after a run give what the run produced and consumed.
 */
public final class EventCounts implements AutoCloseable {

    /** One moment's counts: topic -> published, and group -> topic -> processed. */
    public record Snapshot(Map<String, Long> published, Map<String, Map<String, Long>> processed) {

        public long published(String topic) {
            return published.getOrDefault(topic, 0L);
        }
    }

    /** One topic over a run: published, and each consuming group's processed count and lag at the end. */
    public record TopicFlow(String topic, long published, Map<String, Long> processedByGroup, Map<String, Long> lagByGroup,
                            long deadLettered) {

        public boolean balanced() {
            return deadLettered == 0 && processedByGroup.values().stream().allMatch(p -> p == published)
                    && lagByGroup.values().stream().allMatch(l -> l == 0);
        }
    }

    private final Admin admin;
    private final String bootstrapServers;

    public EventCounts(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    public Snapshot snapshot() {
        try {
            List<String> topics = new ArrayList<>();
            Set<String> existing = admin.listTopics().names().get();
            for (String topic : Topics.ALL) {
                for (String t : List.of(topic, Topics.deadLetter(topic))) {
                    if (existing.contains(t)) {
                        topics.add(t);
                    }
                }
            }
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(ends).all().get();
            Map<String, Long> published = new TreeMap<>();
            offsets.forEach((tp, info) -> published.merge(tp.topic(), info.offset(), Long::sum));

            Map<String, Map<String, Long>> processed = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                Map<String, Long> byTopic = committed.entrySet().stream()
                        .filter(e -> e.getValue() != null && Topics.ALL.contains(e.getKey().topic()))
                        .collect(Collectors.groupingBy(e -> e.getKey().topic(), TreeMap::new,
                                Collectors.summingLong(e -> e.getValue().offset())));
                if (!byTopic.isEmpty()) {
                    processed.put(group.groupId(), byTopic);
                }
            }
            return new Snapshot(published, processed);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Kafka broker could not be read: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits until every consumer group has processed everything published to the topics it reads, and
     * nothing more is being published (two snapshots a poll apart agree). False on timeout.
     */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Snapshot previous = null;
        while (System.nanoTime() < deadline) {
            Snapshot now = snapshot();
            boolean caughtUp = now.processed().values().stream().allMatch(byTopic -> byTopic.entrySet().stream()
                    .allMatch(e -> e.getValue() >= now.published(e.getKey())));
            if (caughtUp && now.equals(previous)) {
                return true;
            }
            previous = now;
            Thread.sleep(1_000);
        }
        return false;
    }

    /** What happened on each topic between the two snapshots. */
    public static List<TopicFlow> flows(Snapshot before, Snapshot after) {
        List<TopicFlow> flows = new ArrayList<>();
        for (String topic : Topics.ALL) {
            long published = after.published(topic) - before.published(topic);
            Map<String, Long> processed = new TreeMap<>();
            Map<String, Long> lag = new TreeMap<>();
            after.processed().forEach((group, byTopic) -> {
                if (byTopic.containsKey(topic)) {
                    long was = before.processed().getOrDefault(group, Map.of()).getOrDefault(topic, before.published(topic));
                    processed.put(group, byTopic.get(topic) - was);
                    lag.put(group, after.published(topic) - byTopic.get(topic));
                }
            });
            String dlt = Topics.deadLetter(topic);
            flows.add(new TopicFlow(topic, published, processed, lag, after.published(dlt) - before.published(dlt)));
        }
        return flows;
    }

    /** Each partition's end offset of a topic now (where a later {@link #payloads} starts); empty if it does not exist yet. */
    public Map<Integer, Long> positions(String topic) {
        try {
            if (!admin.listTopics().names().get().contains(topic)) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<Integer, Long> out = new TreeMap<>();
            admin.listOffsets(ends).all().get().forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Kafka broker could not be read: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The payloads of the events published to a topic from {@code from} (each partition's offset; a partition not in
     * it from its start) up to its end now, read with a consumer of no group (nothing committed, no consumer
     * disturbed): what the books sum to compare an event stream's amounts with the simulator's own.
     */
    public List<tools.jackson.databind.JsonNode> payloads(String topic, Map<Integer, Long> from) {
        return envelopes(topic, from).stream().map(e -> e.path("payload")).toList();
    }

    /**
     * How many distinct events (by the envelope's eventId) were published to a topic from {@code from}: an outbox relay whose
     * commit was cut publishes its batch again (at least once; the consumers count each event once), so the messages on
     * the topic may be more than the events.
     */
    public long distinctEvents(String topic, Map<Integer, Long> from) {
        return envelopes(topic, from).stream().map(e -> e.path("eventId").asString()).distinct().count();
    }

    private List<tools.jackson.databind.JsonNode> envelopes(String topic, Map<Integer, Long> from) {
        Map<Integer, Long> to = positions(topic);
        List<tools.jackson.databind.JsonNode> out = new ArrayList<>();
        if (to.isEmpty()) {
            return out;
        }
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "enable.auto.commit", false,
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                "max.poll.records", 2000);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(config)) {
            List<TopicPartition> partitions = to.keySet().stream().map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp.partition(), 0L)));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < to.get(tp.partition()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " could not be read to its end within 2 minutes");
                }
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < to.get(record.partition()) && record.value() != null) {
                        out.add(org.yibao.city.drive.Json.read(record.value()));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
