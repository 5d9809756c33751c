package org.yibao.settlement.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Whether every consumer of a topic kept up with a benchmark: each consumer group's lag (events produced but not yet
 * committed by the group) when the load stops, and how long until every group has caught up. A platform that settles
 * faster than its consumers apply claims only defers the work; this says so.
 */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Prints each group's lag on the topic now, then waits up to {@code drainSeconds} for all to reach zero. */
    static void report(String bootstrap, String topic, int drainSeconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long started = System.nanoTime();
            Map<String, Long> lag = lag(admin, topic);
            System.out.printf("consumers of %s when the load stopped, events behind: %s%n", topic, lag);
            while (lag.values().stream().anyMatch(l -> l > 0)) {
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(drainSeconds)) {
                    System.out.printf("consumers still behind after %d s: %s%n", drainSeconds, lag);
                    return;
                }
                Thread.sleep(500);
                lag = lag(admin, topic);
            }
            System.out.printf("every consumer caught up %.1f s after the load stopped%n", (System.nanoTime() - started) / 1e9);
        }
    }

    private static Map<String, Long> lag(Admin admin, String topic) throws Exception {
        Map<String, Long> byGroup = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, Long> ends = admin.listOffsets(committed.keySet().stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            long behind = committed.entrySet().stream().mapToLong(e -> Math.max(0, ends.get(e.getKey()) - e.getValue().offset())).sum();
            byGroup.put(group.groupId(), behind);
        }
        return byGroup;
    }
}
