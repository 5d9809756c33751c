package org.yibao.settlement.readmodel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.InstitutionKind;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Settlement's local copies of other services' facts, written only by the event handlers in
 * {@code events/} and read when a bill is settled.
 */
@Repository
public class ReadModels {

    private final JdbcClient jdbc;

    public ReadModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsertEnrollment(Enrollment e) {
        jdbc.sql("""
                        insert into enrollment (person_id, year, scheme, person_type, region_code, status, effective_from)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id, year) do update set scheme = excluded.scheme,
                            person_type = excluded.person_type, region_code = excluded.region_code,
                            status = excluded.status, effective_from = excluded.effective_from, updated_at = now()""")
                .params(e.personId(), e.year(), e.scheme().name(), e.personType().name(), e.regionCode(),
                        e.status().name(), e.effectiveFrom())
                .update();
    }

    public Optional<Enrollment> enrollment(String personId, int year) {
        return jdbc.sql("""
                        select person_id, year, scheme, person_type, region_code, status, effective_from
                        from enrollment where person_id = ? and year = ?""")
                .params(personId, year)
                .query((rs, n) -> new Enrollment(rs.getString(1), rs.getInt(2), Scheme.valueOf(rs.getString(3)),
                        PersonType.valueOf(rs.getString(4)), rs.getString(5), EnrollmentStatus.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDate.class)))
                .optional();
    }

    public void upsertAssistanceIdentity(String personId, AssistanceCategory category, LocalDate validFrom, LocalDate validTo) {
        jdbc.sql("""
                        insert into assistance_identity (person_id, category, valid_from, valid_to) values (?, ?, ?, ?)
                        on conflict (person_id) do update set category = excluded.category, valid_from = excluded.valid_from,
                            valid_to = excluded.valid_to, updated_at = now()""")
                .params(personId, category == null ? null : category.name(), validFrom, validTo)
                .update();
    }

    /** The person's assistance category in force on a date, if any. */
    public Optional<AssistanceCategory> assistanceCategory(String personId, LocalDate on) {
        return jdbc.sql("""
                        select category from assistance_identity
                        where person_id = ? and category is not null
                          and (valid_from is null or valid_from <= ?) and (valid_to is null or valid_to >= ?)""")
                .params(personId, on, on)
                .query((rs, n) -> AssistanceCategory.valueOf(rs.getString(1)))
                .optional();
    }

    public void upsertInstitution(Institution i) {
        jdbc.sql("""
                        insert into institution (code, name, region_code, kind, level, status) values (?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set name = excluded.name, region_code = excluded.region_code,
                            kind = excluded.kind, level = excluded.level, status = excluded.status, updated_at = now()""")
                .params(i.code(), i.name(), i.regionCode(), i.kind().name(), i.level().name(), i.status().name())
                .update();
    }

    public Optional<Institution> institution(String code) {
        return jdbc.sql("select code, name, region_code, kind, level, status from institution where code = ?")
                .param(code)
                .query((rs, n) -> new Institution(rs.getString(1), rs.getString(2), rs.getString(3),
                        InstitutionKind.valueOf(rs.getString(4)), InstitutionLevel.valueOf(rs.getString(5)),
                        AgreementStatus.valueOf(rs.getString(6))))
                .optional();
    }
}
