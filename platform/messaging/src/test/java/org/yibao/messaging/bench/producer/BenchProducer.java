package org.yibao.messaging.bench.producer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.messaging.outbox.OutboxWriter;

import java.time.Instant;
import java.time.LocalDate;

/** The producing service of the outbox benchmark. */
@SpringBootApplication
public class BenchProducer {

    @Bean
    Appender appender(JdbcTemplate jdbc, OutboxWriter outbox, TransactionTemplate tx) {
        return new Appender(jdbc, outbox, tx);
    }

    /** A state change plus its event, one transaction, as a service would do it. */
    public record Appender(JdbcTemplate jdbc, OutboxWriter outbox, TransactionTemplate tx) {
        public void change(String personId, int seq) {
            tx.executeWithoutResult(status -> {
                jdbc.update("""
                        insert into bench_state (person_id, changes) values (?, 1)
                        on conflict (person_id) do update set changes = bench_state.changes + 1""", personId);
                outbox.append(new EnrollmentChanged(personId, "441700", Scheme.RESIDENT, PersonType.RESIDENT, null, 2026,
                        EnrollmentStatus.ACTIVE, LocalDate.of(2026, 1, 1), "seq-" + seq, Instant.now()));
            });
        }
    }
}
