package org.yibao.clearing.prepayment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.money.Money;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Prepayments (table {@code prepayment}); what approved orders recovered of each ({@code payment_order_prepayment}). */
@Repository
class PrepaymentStore {

    private static final String SELECT = """
            select p.prepayment_id, p.institution_code, p.fund, p.amount, p.reason, p.first_recovery_period, p.months, p.state,
                   coalesce((select sum(r.amount) from payment_order_prepayment r join payment_order o on o.order_id = r.order_id
                             where r.prepayment_id = p.prepayment_id and o.state = 'APPROVED'), 0),
                   p.prepared_by, p.prepared_at, p.approved_by, p.approved_at
            from prepayment p""";

    private final JdbcClient jdbc;

    PrepaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Prepayment p) {
        jdbc.sql("""
                        insert into prepayment (prepayment_id, institution_code, fund, amount, reason, first_recovery_period, months, state,
                            prepared_by, prepared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.prepaymentId(), p.institutionCode(), p.fund().name(), p.amount().amount(), p.reason(), p.firstRecoveryPeriod(),
                        p.months(), p.state().name(), p.preparedBy(), Timestamp.from(p.preparedAt()))
                .update();
    }

    boolean approve(UUID id, String approvedBy, Instant at) {
        return jdbc.sql("update prepayment set state = 'APPROVED', approved_by = ?, approved_at = ? where prepayment_id = ? and state = 'PREPARED'")
                .params(approvedBy, Timestamp.from(at), id).update() == 1;
    }

    Optional<Prepayment> find(UUID id) {
        return jdbc.sql(SELECT + " where p.prepayment_id = ?").param(id).query(this::prepayment).optional();
    }

    List<Prepayment> of(String institutionCode) {
        return jdbc.sql(SELECT + " where p.institution_code = ? order by p.prepared_at, p.prepayment_id")
                .param(institutionCode).query(this::prepayment).list();
    }

    /** The institution's approved prepayments, oldest approval first. */
    List<Prepayment> approvedOf(String institutionCode) {
        return jdbc.sql(SELECT + " where p.institution_code = ? and p.state = 'APPROVED' order by p.approved_at, p.prepayment_id")
                .param(institutionCode).query(this::prepayment).list();
    }

    private Prepayment prepayment(ResultSet rs, int n) throws SQLException {
        Money amount = Money.of(rs.getBigDecimal(4));
        YearMonth first = YearMonth.parse(rs.getString(6));
        int months = rs.getInt(7);
        Timestamp approvedAt = rs.getTimestamp(13);
        return new Prepayment(rs.getObject(1, UUID.class), rs.getString(2), Fund.valueOf(rs.getString(3)), amount, rs.getString(5),
                rs.getString(6), months, Prepayment.State.valueOf(rs.getString(8)), Money.of(rs.getBigDecimal(9)),
                PrepaymentSchedule.instalments(amount, first, months), rs.getString(10), rs.getTimestamp(11).toInstant(),
                rs.getString(12), approvedAt == null ? null : approvedAt.toInstant());
    }
}
