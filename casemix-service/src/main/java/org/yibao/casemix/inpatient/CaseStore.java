package org.yibao.casemix.inpatient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** Inpatient stays (table {@code inpatient_case}) and institutions (table {@code institution}). */
@Repository
class CaseStore {

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a stay once: false when it was there already. */
    boolean insert(InpatientCase c, String scheme, Instant settledAt) {
        return jdbc.sql("""
                        insert into inpatient_case (settlement_id, institution_code, person_id, sex, birth_date, scheme, admitted_at,
                            discharged_at, service_date, total, basic_fund, others_paid, settled_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(c.settlementId(), c.institutionCode(), c.personId(), String.valueOf(c.sex()), c.birthDate(), scheme,
                        c.admittedAt() == null ? null : Timestamp.valueOf(c.admittedAt()),
                        c.dischargedAt() == null ? null : Timestamp.valueOf(c.dischargedAt()), c.serviceDate(), c.total().amount(),
                        c.basicFund().amount(), c.othersPaid().amount(), Timestamp.from(settledAt))
                .update() == 1;
    }

    void reversed(String settlementId) {
        jdbc.sql("update inpatient_case set reversed = true where settlement_id = ?").param(settlementId).update();
    }

    Optional<InpatientCase> find(String settlementId) {
        return jdbc.sql("""
                        select settlement_id, institution_code, person_id, sex, birth_date, admitted_at, discharged_at, service_date, total,
                               basic_fund, others_paid, reversed from inpatient_case where settlement_id = ?""")
                .param(settlementId).query(CaseStore::inpatient).optional();
    }

    void institution(String code, String region, String level, Instant changedAt) {
        jdbc.sql("""
                        insert into institution (institution_code, region_code, level, changed_at) values (?, ?, ?, ?)
                        on conflict (institution_code) do update set region_code = excluded.region_code, level = excluded.level,
                            changed_at = excluded.changed_at
                        where institution.changed_at <= excluded.changed_at""")
                .params(code, region, level, Timestamp.from(changedAt)).update();
    }

    Optional<String[]> institution(String code) {
        return jdbc.sql("select region_code, level from institution where institution_code = ?").param(code)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    private static InpatientCase inpatient(ResultSet rs, int n) throws SQLException {
        Timestamp admitted = rs.getTimestamp(6);
        Timestamp discharged = rs.getTimestamp(7);
        return new InpatientCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                rs.getObject(5, LocalDate.class), admitted == null ? null : admitted.toLocalDateTime(),
                discharged == null ? null : discharged.toLocalDateTime(), rs.getObject(8, LocalDate.class), Money.of(rs.getBigDecimal(9)),
                Money.of(rs.getBigDecimal(10)), Money.of(rs.getBigDecimal(11)), rs.getBoolean(12));
    }
}
