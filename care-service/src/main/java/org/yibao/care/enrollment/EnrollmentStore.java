package org.yibao.care.enrollment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.Scheme;

import java.time.LocalDate;
import java.util.List;

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

    /** The person's facts of the years {@code fromYear} to {@code toYear}, by scheme, year and effective date. */
    List<EnrollmentFact> facts(String personId, int fromYear, int toYear) {
        return jdbc.sql("""
                        select person_id, scheme, year, effective_from, region_code, status, stated_at from enrollment_fact
                        where person_id = ? and year between ? and ? order by scheme, year, effective_from""")
                .params(personId, fromYear, toYear)
                .query((rs, n) -> new EnrollmentFact(rs.getString(1), Scheme.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), EnrollmentStatus.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
