package org.yibao.care.institution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CareSetting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

/** The care institutions (table {@code care_institution}). */
@Repository
class InstitutionStore {

    private final JdbcClient jdbc;

    InstitutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers an institution; false (nothing changed) when its code is registered already. */
    boolean insert(CareInstitution i) {
        return jdbc.sql("""
                        insert into care_institution (institution_code, name, region_code, provides_home, provides_institution,
                            registered_by) values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(i.institutionCode(), i.name(), i.regionCode(), i.provides(CareSetting.HOME),
                        i.provides(CareSetting.INSTITUTION), i.registeredBy())
                .update() == 1;
    }

    Optional<CareInstitution> find(String code) {
        return jdbc.sql("""
                        select institution_code, name, region_code, provides_home, provides_institution, registered_by
                        from care_institution where institution_code = ?""")
                .param(code).query(InstitutionStore::read).optional();
    }

    private static CareInstitution read(ResultSet rs, int n) throws SQLException {
        EnumSet<CareSetting> settings = EnumSet.noneOf(CareSetting.class);
        if (rs.getBoolean(4)) {
            settings.add(CareSetting.HOME);
        }
        if (rs.getBoolean(5)) {
            settings.add(CareSetting.INSTITUTION);
        }
        return new CareInstitution(rs.getString(1), rs.getString(2), rs.getString(3), settings, rs.getString(6));
    }
}
