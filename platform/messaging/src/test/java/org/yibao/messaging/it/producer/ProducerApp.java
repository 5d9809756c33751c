package org.yibao.messaging.it.producer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.messaging.outbox.OutboxWriter;

import java.time.Instant;
import java.time.LocalDate;

/** A producing service for the messaging tests: a state change and its event in one transaction. */
@SpringBootApplication
public class ProducerApp {

    @Service
    public static class Enrollments {
        private final JdbcTemplate jdbc;
        private final OutboxWriter outbox;

        public Enrollments(JdbcTemplate jdbc, OutboxWriter outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        /** Changes a person's enrollment; the event's reason carries the change's sequence number. */
        @Transactional
        public void change(String personId, String reason) {
            jdbc.update("""
                    insert into enrollment_state (person_id, changes) values (?, 1)
                    on conflict (person_id) do update set changes = enrollment_state.changes + 1""", personId);
            outbox.append(new EnrollmentChanged(personId, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, 2026,
                    EnrollmentStatus.ACTIVE, LocalDate.of(2026, 1, 1), reason, Instant.now()));
        }

        @Transactional
        public void changeThenFail(String personId) {
            change(personId, "seq-999999");
            throw new IllegalStateException("the state change fails after the event was appended");
        }
    }
}
