package org.yibao.messaging.it.consumer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A consuming service for the messaging tests. Its effect table has no uniqueness of its own. */
@SpringBootApplication
public class ConsumerApp {

    /** Behaviour switches keyed by the event's reason, shared across consumer restarts. */
    public static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    /** Failures so far of each transient-n event (it fails n times, then succeeds). */
    public static final java.util.Map<String, Integer> TRANSIENT_FAILURES = new ConcurrentHashMap<>();
    public static final Set<String> SLOWED_ONCE = ConcurrentHashMap.newKeySet();
    public static volatile long slowMillis = 0;

    @Component
    public static class EnrollmentChangedHandler implements EventHandler<EnrollmentChanged> {
        private final JdbcTemplate jdbc;

        public EnrollmentChangedHandler(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void handle(EnrollmentChanged event, EventMetadata metadata) {
            String reason = event.reason();
            int seq = reason.startsWith("seq-") ? Integer.parseInt(reason.substring(4)) : -1;
            jdbc.update("insert into effect (event_id, person_id, seq) values (?, ?, ?)",
                    metadata.eventId(), event.personId(), seq);
            if (reason.equals("fail-always")) {
                throw new IllegalStateException("this event always fails");
            }
            if (reason.equals("fail-once") && FAILED_ONCE.add(metadata.eventId().toString())) {
                throw new IllegalStateException("this event fails the first time");
            }
            if (reason.startsWith("transient-")
                    && TRANSIENT_FAILURES.merge(metadata.eventId().toString(), 1, Integer::sum) <= Integer.parseInt(reason.substring(10))) {
                // as a database failing over would: more failures in a row than the attempts meant for a handler's own bug
                throw new org.springframework.dao.TransientDataAccessResourceException("the database is away");
            }
            if (reason.equals("slow-once") && SLOWED_ONCE.add(metadata.eventId().toString())) {
                sleep(slowMillis);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
