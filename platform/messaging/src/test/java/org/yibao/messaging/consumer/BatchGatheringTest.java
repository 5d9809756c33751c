package org.yibao.messaging.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchGatheringTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong wall = new AtomicLong(1_800_000_000_000L);
    private final List<Long> slept = new ArrayList<>();

    private BatchGathering gathering(long waitMillis, int fullBatch) {
        return new BatchGathering(Duration.ofMillis(waitMillis), fullBatch, nanos::get, wall::get, slept::add);
    }

    /** Records produced {@code ageMillis} before now. */
    private List<ConsumerRecord<String, String>> records(int count, long ageMillis) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new ConsumerRecord<>("t", 0, i, wall.get() - ageMillis, TimestampType.CREATE_TIME, 0, 0, "k", "v",
                    new RecordHeaders(), Optional.empty()));
        }
        return records;
    }

    private void elapse(long millis) {
        nanos.addAndGet(Duration.ofMillis(millis).toNanos());
        wall.addAndGet(millis);
    }

    @Test
    void aBatchIsFollowedByTheRestOfTheWait() {
        BatchGathering g = gathering(100, 500);
        List<ConsumerRecord<String, String>> batch = records(3, 5);
        long started = g.started();
        elapse(30);
        g.afterBatch(batch, started);
        assertThat(slept).containsExactly(70L);
    }

    @Test
    void aBatchThatTookLongerThanTheWaitIsFollowedByThePollAtOnce() {
        BatchGathering g = gathering(100, 500);
        List<ConsumerRecord<String, String>> batch = records(40, 0);
        long started = g.started();
        elapse(100);
        g.afterBatch(batch, started);
        assertThat(slept).isEmpty();
    }

    @Test
    void aFullBatchMeansABacklogAndIsFollowedByThePollAtOnce() {
        BatchGathering g = gathering(100, 500);
        g.afterBatch(records(500, 0), g.started());
        assertThat(slept).isEmpty();
        g.afterBatch(records(499, 0), g.started());
        assertThat(slept).containsExactly(100L);
    }

    @Test
    void recordsOlderThanTheWaitMeanABacklogEvenInASmallBatch() {
        // a consumer catching up after an outage: its polls bring what the fetches had buffered, fewer than a full batch
        BatchGathering g = gathering(100, 500);
        g.afterBatch(records(20, 5_000), g.started());
        g.afterBatch(records(20, 101), g.started());
        assertThat(slept).isEmpty();
        g.afterBatch(records(20, 100), g.started());
        assertThat(slept).containsExactly(100L);
    }

    @Test
    void nothingFoundOrNoWaitSetMeansNoWait() {
        gathering(100, 500).afterBatch(Collections.<ConsumerRecord<String, String>>emptyList(), nanos.get());
        gathering(0, 500).afterBatch(records(1, 0), nanos.get());
        assertThat(slept).isEmpty();
    }

    @Test
    void anInterruptEndsTheWaitAndIsKept() {
        BatchGathering g = new BatchGathering(Duration.ofMillis(100), 500, nanos::get, wall::get, millis -> {
            throw new InterruptedException("interrupted");
        });
        try {
            g.afterBatch(records(1, 0), g.started());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aNegativeWaitIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BatchGathering(Duration.ofMillis(-1), 500));
    }
}
