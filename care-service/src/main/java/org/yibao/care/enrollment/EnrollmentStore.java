package org.yibao.care.enrollment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Optional;

/** The enrollment read model (table {@code enrollment_fact}): a history by effective date per person, scheme and year. */
@Repository
class EnrollmentStore {

    private final JdbcClient jdbc;

    EnrollmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a fact; a fact for the same effective date replaces the earlier one only when it was stated
     * later (an older fact delivered late changes nothing).
     */
    void record(EnrollmentFact f) {
        jdbc.sql("""
                        insert into enrollment_fact (person_id, scheme, year, effective_from, region_code, status, stated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id, scheme, year, effective_from) do update
                            set region_code = excluded.region_code, status = excluded.status, stated_at = excluded.stated_at
                            where enrollment_fact.stated_at <= excluded.stated_at""")
                .params(f.personId(), f.scheme().name(), f.year(), f.effectiveFrom(), f.regionCode(), f.status().name(),
                        java.sql.Timestamp.from(f.statedAt()))
                .update();
    }

    /**
     * The region of the person's enrollment on a date, when some scheme's fact in force on that date (the
     * latest of the date's year effective on or before it) is ACTIVE; empty when not enrolled.
     */
    Optional<String> activeRegionOn(String personId, LocalDate date) {
        return jdbc.sql("""
                        select region_code from (
                            select distinct on (scheme) region_code, status, effective_from
                            from enrollment_fact
                            where person_id = ? and year = ? and effective_from <= ?
                            order by scheme, effective_from desc) in_force
                        where status = 'ACTIVE' order by effective_from desc limit 1""")
                .params(personId, date.getYear(), date)
                .query(String.class).optional();
    }
}
