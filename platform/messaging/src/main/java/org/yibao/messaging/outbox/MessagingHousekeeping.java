package org.yibao.messaging.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yibao.messaging.config.MessagingProperties;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Trims published outbox rows and old processed-event ids once their retention has passed. */
public class MessagingHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessagingHousekeeping.class);

    private final JdbcTemplate jdbc;
    private final OutboxRelay relay;
    private final MessagingProperties.Housekeeping settings;
    private ScheduledExecutorService scheduler;

    public MessagingHousekeeping(JdbcTemplate jdbc, OutboxRelay relay, MessagingProperties.Housekeeping settings) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.settings = settings;
    }

    public void runOnce() {
        Instant now = Instant.now();
        int outbox = relay.deletePublishedBefore(now.minus(settings.getOutboxRetention()));
        int processed = jdbc.update("delete from processed_event where processed_at < ?",
                Timestamp.from(now.minus(settings.getProcessedRetention())));
        if (outbox + processed > 0) {
            log.info("housekeeping removed {} published outbox rows and {} processed-event ids", outbox, processed);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "messaging-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long interval = settings.getInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("messaging housekeeping failed: {}", e.toString());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
