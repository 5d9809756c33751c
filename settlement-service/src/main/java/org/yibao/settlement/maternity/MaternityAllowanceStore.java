package org.yibao.settlement.maternity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.money.Money;

import java.sql.Timestamp;
import java.util.List;

/** Maternity allowances granted (table maternity_allowance): one per person and delivery date. */
@Repository
class MaternityAllowanceStore {

    private final JdbcClient jdbc;

    MaternityAllowanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a grant; false when the person already has an allowance for that delivery date (nothing written). */
    boolean insert(MaternityAllowance a) {
        return jdbc.sql("""
                        insert into maternity_allowance (id, person_id, region_code, policy_pack, delivery_date, delivery_kind, babies,
                            average_monthly_wage, leave_days, base_days, difficult_days, extra_baby_days, region_days, amount,
                            decided_by, granted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id, delivery_date) do nothing""")
                .params(a.id(), a.personId(), a.regionCode(), a.policyPack(), a.deliveryDate(), a.deliveryKind().name(), a.babies(),
                        a.averageMonthlyWage().amount(), a.leaveDays(), a.baseDays(), a.difficultDays(), a.extraBabyDays(),
                        a.regionDays(), a.amount().amount(), a.decidedBy(), Timestamp.from(a.grantedAt()))
                .update() == 1;
    }

    /** A person's allowances, latest delivery first. */
    List<MaternityAllowance> ofPerson(String personId) {
        return jdbc.sql("""
                        select id, person_id, region_code, policy_pack, delivery_date, delivery_kind, babies, average_monthly_wage,
                               leave_days, base_days, difficult_days, extra_baby_days, region_days, amount, decided_by, granted_at
                        from maternity_allowance where person_id = ? order by delivery_date desc""")
                .param(personId)
                .query((rs, n) -> new MaternityAllowance(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, java.time.LocalDate.class), DeliveryKind.valueOf(rs.getString(6)), rs.getInt(7),
                        Money.of(rs.getBigDecimal(8)), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        Money.of(rs.getBigDecimal(14)), rs.getString(15), rs.getTimestamp(16).toInstant()))
                .list();
    }
}
