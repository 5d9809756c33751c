package org.yibao.messaging.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of the shared messaging library, under {@code yibao.messaging}. */
@ConfigurationProperties("yibao.messaging")
public class MessagingProperties {

    private final Relay relay = new Relay();
    private final Consumer consumer = new Consumer();
    private final Topics topics = new Topics();
    private final Housekeeping housekeeping = new Housekeeping();

    public Relay getRelay() {
        return relay;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Topics getTopics() {
        return topics;
    }

    public Housekeeping getHousekeeping() {
        return housekeeping;
    }

    public static class Relay {
        /** Whether this instance publishes its outbox (one instance at a time does, by a database lock). */
        private boolean enabled = true;
        /**
         * How long the relay sleeps when the outbox is empty and no commit has woken it. Every commit that appends an event
         * wakes the relay at once, so this only bounds how late a row is found that no commit of this instance announced
         * (one of an instance whose relay is switched off, one left by a crash, one whose first send failed); a shorter
         * interval costs every idle service a statement each time (docs/benchmarks.md §18).
         */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Rows published per relay transaction. */
        private int batchSize = 500;
        /** Longest pause after a failure (broker down), reached by doubling. */
        private Duration maxBackoff = Duration.ofSeconds(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    public static class Consumer {
        /** Whether the service's event handlers consume at all. */
        private boolean enabled = true;
        /** Consumer group; defaults to spring.application.name. */
        private String group;
        /** Attempts per record (the first plus retries) before it goes to the dead-letter topic. */
        private int maxAttempts = 4;
        /** Pause before the first retry; doubled for each further one. */
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(2);
        /**
         * How long, in waits between attempts, an event whose handling failed transiently at its first failure (the database
         * away, a lock lost: faults' TransientFaults) is tried again, every few seconds, before it is dead-lettered like any
         * other failure: a database's failover or restart does not send events to the dead letters (ADR 0027). The
         * attempts' own time (a connection awaited from the pool, say) comes on top.
         */
        private Duration transientRetryFor = Duration.ofMinutes(10);
        /** Listener threads; at most the number of partitions is useful. */
        private int concurrency = 1;
        /** A consumer that takes longer than this between polls is evicted and its records redelivered. */
        private Duration maxPollInterval = Duration.ofMinutes(5);
        /**
         * How often, at most, the consumer commits its offsets (and, best effort, when its partitions are taken away or it
         * stops); an idle consumer commits what it applied within about this interval too (its poll returns that often).
         * The processed-event table, not the offset, decides what is new, so a longer interval only means more records
         * read again, and skipped, after a crash. After a failed batch the error handler commits past what it recovered
         * while an older pending offset may still be committed after it: the committed offset can step back by up to an
         * interval, so a crash just then reads those records again (each found processed; a dead-lettered one may be
         * dead-lettered a second time, which replaying the dead letters absorbs). More than zero.
         */
        private Duration commitInterval = Duration.ofSeconds(1);
        /**
         * How long, at most, a consumer waits after applying a batch before it polls again, so that the records arriving
         * meanwhile are applied as one batch: one transaction, one commit and one processed-event statement instead of one
         * per record (org.yibao.messaging.consumer.BatchGathering; docs/benchmarks.md §21). The batch's own time counts
         * towards the wait; a consumer that found nothing, or a batch that filled max.poll.records, does not wait, so a lone
         * event is applied at once and an idle platform pays nothing. A record that arrives within the wait after a batch
         * reaches its handler up to this much later. Every topic of the service (its one container). Zero gathers nothing.
         * At most 10 s.
         */
        private Duration batchWait = Duration.ofMillis(DEFAULT_BATCH_WAIT_MILLIS);

        /** The default batch wait, in milliseconds (ASSUMPTION: measured in docs/benchmarks.md §21). */
        public static final long DEFAULT_BATCH_WAIT_MILLIS = 50;

        public Duration getBatchWait() {
            return batchWait;
        }

        public void setBatchWait(Duration batchWait) {
            if (batchWait == null || batchWait.isNegative() || batchWait.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("yibao.messaging.consumer.batch-wait must be between 0 and 10 s, not " + batchWait);
            }
            this.batchWait = batchWait;
        }

        public Duration getCommitInterval() {
            return commitInterval;
        }

        public void setCommitInterval(Duration commitInterval) {
            if (commitInterval == null || commitInterval.toMillis() < 1) {
                throw new IllegalArgumentException("yibao.messaging.consumer.commit-interval must be at least 1 ms, not " + commitInterval);
            }
            this.commitInterval = commitInterval;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getTransientRetryFor() {
            return transientRetryFor;
        }

        public void setTransientRetryFor(Duration transientRetryFor) {
            this.transientRetryFor = transientRetryFor;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public Duration getMaxPollInterval() {
            return maxPollInterval;
        }

        public void setMaxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = maxPollInterval;
        }
    }

    public static class Topics {
        /** Create every platform topic and its dead-letter topic at start-up if missing. */
        private boolean create = true;
        private int partitions = 3;
        private short replicationFactor = 1;

        public boolean isCreate() {
            return create;
        }

        public void setCreate(boolean create) {
            this.create = create;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }
    }

    public static class Housekeeping {
        /** Published outbox rows are kept this long, for audit and replay. */
        private Duration outboxRetention = Duration.ofDays(7);
        /** Processed-event ids are kept longer than any topic's retention, so no redelivery is missed. */
        private Duration processedRetention = Duration.ofDays(30);
        private Duration interval = Duration.ofHours(1);

        public Duration getOutboxRetention() {
            return outboxRetention;
        }

        public void setOutboxRetention(Duration outboxRetention) {
            this.outboxRetention = outboxRetention;
        }

        public Duration getProcessedRetention() {
            return processedRetention;
        }

        public void setProcessedRetention(Duration processedRetention) {
            this.processedRetention = processedRetention;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }
}
