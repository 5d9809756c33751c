package org.yibao.enrollment.enrollment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceIdentityChanged;

import java.time.LocalDate;
import java.util.Optional;

/** Enrollment's copy of each person's current assistance identity, kept from assistance-service's events. */
@Repository
public class AssistanceIdentityStore {

    private final JdbcClient jdbc;

    AssistanceIdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(AssistanceIdentityChanged e) {
        jdbc.sql("""
                        insert into assistance_identity (person_id, region_code, category, valid_from, valid_to)
                        values (?, ?, ?, ?, ?)
                        on conflict (person_id) do update set region_code = excluded.region_code, category = excluded.category,
                            valid_from = excluded.valid_from, valid_to = excluded.valid_to, updated_at = now()""")
                .params(e.personId(), e.regionCode(), e.currentCategory() == null ? null : e.currentCategory().name(),
                        e.validFrom(), e.validTo())
                .update();
    }

    public Optional<AssistanceCategory> categoryOn(String personId, LocalDate on) {
        return jdbc.sql("""
                        select category from assistance_identity where person_id = ? and category is not null
                          and (valid_from is null or valid_from <= ?) and (valid_to is null or valid_to >= ?)""")
                .params(personId, on, on)
                .query((rs, n) -> AssistanceCategory.valueOf(rs.getString(1)))
                .optional();
    }
}
