package org.yibao.enrollment.importing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.enrollment.enrollment.Enrollment;
import org.yibao.enrollment.person.Person;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The set-based statements of bulk imports and registry comparisons: each reads or writes a whole chunk
 * with one statement over arrays ({@code unnest}), so a file of a million rows costs a few hundred
 * statements, not millions.
 */
@Repository
class ImportStore {

    private final JdbcTemplate jdbc;

    ImportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An active enrollment of ours, found for a person and year of another registry's list. */
    record ActiveEnrollment(PersonYear key, String scheme, String regionCode) {
    }

    /** Inserts the persons not registered yet (name, gender, birth date and region); registered ones stay as they are. */
    void insertNewPersons(List<Person> persons) {
        jdbc.update(con -> statement(con, """
                        insert into person (person_id, name, gender, birth_date, region_code)
                        select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::varchar[])
                        on conflict (person_id) do nothing""",
                array(con, "varchar", persons.stream().map(p -> p.id().value()).toArray()),
                array(con, "varchar", persons.stream().map(p -> p.name().orElse(null)).toArray()),
                array(con, "varchar", persons.stream().map(p -> p.gender().name()).toArray()),
                array(con, "date", persons.stream().map(p -> Date.valueOf(p.birthDate())).toArray()),
                array(con, "varchar", persons.stream().map(Person::regionCode).toArray())));
    }

    /** The assistance category of each of the persons who has one, by person id. */
    Map<String, AssistanceCategory> assistanceCategories(List<String> personIds) {
        Map<String, AssistanceCategory> byPerson = new HashMap<>();
        jdbc.query(con -> statement(con, """
                        select person_id, category from assistance_identity
                        where person_id = any(?::varchar[]) and category is not null""",
                array(con, "varchar", personIds.toArray())),
                rs -> {
                    byPerson.put(rs.getString(1), AssistanceCategory.valueOf(rs.getString(2)));
                });
        return byPerson;
    }

    /**
     * Inserts the enrollments whose person holds none for the year yet, each with its first period of
     * facts (from its effective date); returns those that landed.
     */
    Set<PersonYear> insertEnrollments(List<Enrollment> enrollments) {
        Set<PersonYear> inserted = new HashSet<>();
        jdbc.query(con -> statement(con, """
                        with landed as (
                            insert into enrollment (person_id, year, scheme, person_type, tier, region_code, status,
                                effective_from, contribution, subsidy, subsidy_category, source)
                            select * from unnest(?::varchar[], ?::integer[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                                 ?::varchar[], ?::date[], ?::numeric[], ?::numeric[], ?::varchar[], ?::varchar[])
                            on conflict (person_id, year) do nothing
                            returning person_id, year, person_type, tier, status, effective_from, source),
                        periods as (
                            insert into enrollment_period (person_id, year, valid_from, person_type, tier, status, reason)
                            select person_id, year, effective_from, person_type, tier, status, 'enrolled (' || source || ')'
                            from landed)
                        select person_id, year from landed""",
                array(con, "varchar", enrollments.stream().map(Enrollment::personId).toArray()),
                array(con, "integer", enrollments.stream().map(Enrollment::year).toArray()),
                array(con, "varchar", enrollments.stream().map(e -> e.scheme().name()).toArray()),
                array(con, "varchar", enrollments.stream().map(e -> e.personType().name()).toArray()),
                array(con, "varchar", enrollments.stream().map(e -> e.tier().map(Enum::name).orElse(null)).toArray()),
                array(con, "varchar", enrollments.stream().map(Enrollment::regionCode).toArray()),
                array(con, "varchar", enrollments.stream().map(e -> e.status().name()).toArray()),
                array(con, "date", enrollments.stream().map(e -> Date.valueOf(e.effectiveFrom())).toArray()),
                array(con, "numeric", enrollments.stream().map(e -> e.contribution().amount()).toArray()),
                array(con, "numeric", enrollments.stream().map(e -> e.subsidy().amount()).toArray()),
                array(con, "varchar", enrollments.stream().map(e -> e.subsidyCategory().map(Enum::name).orElse(null)).toArray()),
                array(con, "varchar", enrollments.stream().map(Enrollment::source).toArray())),
                rs -> {
                    inserted.add(new PersonYear(rs.getString(1), rs.getInt(2)));
                });
        return inserted;
    }

    /** Our active enrollments for the persons and years, one for each of {@code keys} that matches one. */
    List<ActiveEnrollment> activeEnrollments(List<PersonYear> keys) {
        List<ActiveEnrollment> found = new ArrayList<>();
        jdbc.query(con -> statement(con, """
                        select e.person_id, e.year, e.scheme, e.region_code from enrollment e
                        join unnest(?::varchar[], ?::integer[]) as u(p, y) on e.person_id = u.p and e.year = u.y
                        where e.status = 'ACTIVE'""",
                array(con, "varchar", keys.stream().map(PersonYear::personId).toArray()),
                array(con, "integer", keys.stream().map(PersonYear::year).toArray())),
                rs -> {
                    found.add(new ActiveEnrollment(new PersonYear(rs.getString(1), rs.getInt(2)), rs.getString(3), rs.getString(4)));
                });
        return found;
    }

    private static PreparedStatement statement(Connection con, String sql, Array... arrays) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        for (int i = 0; i < arrays.length; i++) {
            ps.setArray(i + 1, arrays[i]);
        }
        return ps;
    }

    private static Array array(Connection con, String type, Object[] values) throws SQLException {
        return con.createArrayOf(type, values);
    }
}
