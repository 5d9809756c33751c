package org.yibao.enrollment.person;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.identity.ResidentId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The persons the bureau knows (table {@code person}). */
@Repository
public class PersonStore {

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a person; false (and nothing changed) when the id is already registered. */
    public boolean insert(Person p) {
        return jdbc.sql("""
                        insert into person (person_id, name, gender, birth_date, region_code, household_id, residence_permit)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (person_id) do nothing""")
                .params(p.id().value(), p.name().orElse(null), p.gender().name(), p.birthDate(), p.regionCode(),
                        p.householdId().orElse(null), p.residencePermit())
                .update() == 1;
    }

    /** Fills in the name and details of a person first known from an identity feed. */
    public boolean completeRegistration(Person p) {
        return jdbc.sql("""
                        update person set name = ?, region_code = ?, household_id = ?, residence_permit = ?
                        where person_id = ? and name is null""")
                .params(p.name().orElse(null), p.regionCode(), p.householdId().orElse(null), p.residencePermit(),
                        p.id().value())
                .update() == 1;
    }

    public Optional<Person> find(String personId) {
        return jdbc.sql(SELECT + " where person_id = ?").param(personId).query(PersonStore::read).optional();
    }

    public List<Person> inRegion(String regionCode, int limit, int offset) {
        return jdbc.sql(SELECT + " where region_code like ? order by person_id limit ? offset ?")
                .params(regionPrefix(regionCode), limit, offset).query(PersonStore::read).list();
    }

    /** One page of the persons the search finds, by name then id (code-point order: the index of migration V6). */
    public List<Person> search(PersonSearch search, int limit, int offset) {
        return jdbc.sql(SELECT + where(search) + " order by name collate \"C\", person_id limit :limit offset :offset")
                .params(searchParameters(search)).param("limit", limit).param("offset", offset)
                .query(PersonStore::read).list();
    }

    /** How many persons the search finds in all. */
    public long count(PersonSearch search) {
        return jdbc.sql("select count(*) from person" + where(search)).params(searchParameters(search))
                .query(Long.class).single();
    }

    private static String where(PersonSearch search) {
        String match = switch (search.kind()) {
            case RESIDENT_ID -> " where person_id = :text";
            case RESIDENT_ID_END -> " where reverse(person_id) collate \"C\" like :text";
            case NAME_START -> " where name collate \"C\" like :text";
        };
        return match + (search.region().isPresent() ? " and region_code like :region" : "");
    }

    private static java.util.Map<String, Object> searchParameters(PersonSearch search) {
        String text = switch (search.kind()) {
            case RESIDENT_ID -> search.text();
            case RESIDENT_ID_END -> new StringBuilder(search.text()).reverse() + "%";
            case NAME_START -> search.text() + "%"; // the text holds no LIKE wildcard (PersonSearch admits none)
        };
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("text", text);
        search.region().ifPresent(r -> parameters.put("region", regionPrefix(r)));
        return parameters;
    }

    static String regionPrefix(String regionCode) {
        String prefix = regionCode.endsWith("0000") ? regionCode.substring(0, 2)
                : regionCode.endsWith("00") ? regionCode.substring(0, 4) : regionCode;
        return prefix + "%";
    }

    private static final String SELECT = """
            select person_id, name, gender, birth_date, region_code, household_id, residence_permit from person""";

    private static Person read(ResultSet rs, int n) throws SQLException {
        return new Person(ResidentId.of(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
                ResidentId.Gender.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getString(5),
                Optional.ofNullable(rs.getString(6)), rs.getBoolean(7));
    }
}
