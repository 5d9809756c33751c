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
