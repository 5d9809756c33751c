package org.yibao.messaging.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How a consumer gathers its records into batches without delaying a lone event: after it applied a batch, it waits up to
 * {@code batchWait} (less the time the batch itself took) before its next poll, so the records that arrive meanwhile are
 * applied together — one transaction, one commit, one processed-event statement (docs/benchmarks.md §21). A consumer that
 * found nothing never waits, so an idle platform pays nothing and the first event after a quiet spell is applied at once.
 * There is no wait either when there is a backlog — the batch filled {@code max.poll.records}, or its newest record was
 * produced longer than the wait ago (a consumer catching up after an outage, whose polls bring what the fetches buffered)
 * — nor when the batch itself took longer than the wait.
 *
 * <p>The price: a record that arrives within {@code batchWait} after a batch waits for the rest of it. The wait happens on
 * the listener thread after the batch's transaction committed and before the container acknowledges, so nothing is held
 * during it; a stopping container waits for it to end (at most {@code batchWait}).
 */
public final class BatchGathering {

    /** Sleeps a number of milliseconds; the thread's interrupt ends the sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final long waitNanos;
    private final long waitMillis;
    private final int fullBatch;
    private final LongSupplier nanoTime;
    private final LongSupplier wallMillis;
    private final Sleeper sleeper;

    /**
     * @param batchWait the longest wait after a batch; zero gathers nothing (each poll's records as they come)
     * @param fullBatch the consumer's {@code max.poll.records}: a batch this large is followed by the next poll at once
     */
    public BatchGathering(Duration batchWait, int fullBatch) {
        this(batchWait, fullBatch, System::nanoTime, System::currentTimeMillis, Thread::sleep);
    }

    BatchGathering(Duration batchWait, int fullBatch, LongSupplier nanoTime, LongSupplier wallMillis, Sleeper sleeper) {
        if (batchWait.isNegative() || fullBatch < 1) {
            throw new IllegalArgumentException("a batch wait of at least zero and a full batch of at least one record");
        }
        this.waitNanos = batchWait.toNanos();
        this.waitMillis = batchWait.toMillis();
        this.fullBatch = fullBatch;
        this.nanoTime = nanoTime;
        this.wallMillis = wallMillis;
        this.sleeper = sleeper;
    }

    /** The moment a batch's handling starts, to pass to {@link #afterBatch}. */
    public long started() {
        return nanoTime.getAsLong();
    }

    /**
     * Called after a batch was applied: waits the rest of the batch wait, measured from {@code startedNanos}, unless the
     * batch was empty or full, its newest record (by the record's timestamp, milliseconds since the epoch) older than the
     * wait, or there is no rest.
     */
    public void afterBatch(List<? extends ConsumerRecord<?, ?>> records, long startedNanos) {
        if (waitNanos == 0 || records.isEmpty() || records.size() >= fullBatch) {
            return;
        }
        long newest = Long.MIN_VALUE;
        for (ConsumerRecord<?, ?> record : records) {
            newest = Math.max(newest, record.timestamp());
        }
        if (wallMillis.getAsLong() - newest > waitMillis) {
            return;
        }
        long millis = (waitNanos - (nanoTime.getAsLong() - startedNanos)) / 1_000_000;
        if (millis <= 0) {
            return;
        }
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            // not how Spring Kafka stops a container (it wakes the consumer up); whoever interrupted is told, and the
            // next poll then ends in Kafka's InterruptException, which the container's error handler logs
            Thread.currentThread().interrupt();
        }
    }
}
