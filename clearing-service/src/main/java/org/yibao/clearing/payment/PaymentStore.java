package org.yibao.clearing.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.clearing.deduction.Deduction;
import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Payment orders (tables {@code payment_order}, {@code payment_order_line}, {@code payment_order_deduction}). */
@Repository
class PaymentStore {

    private static final String ORDER = """
            select order_id, institution_code, region_code, period, state, deposit_ratio, deductions, recoveries,
                   deduction_carried, recovery_carried, paid, prepared_by, prepared_at, approved_by, approved_at
            from payment_order""";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PaymentOrder o) {
        jdbc.sql("""
                        insert into payment_order (order_id, institution_code, region_code, period, state, deposit_ratio, deductions,
                            recoveries, deduction_carried, recovery_carried, paid, prepared_by, prepared_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.orderId(), o.institutionCode(), o.regionCode(), o.period(), o.state().name(), o.depositRatio(),
                        o.deductions().amount(), o.recoveries().amount(), o.deductionCarried().amount(), o.recoveryCarried().amount(),
                        o.paid().amount(), o.preparedBy(), Timestamp.from(o.preparedAt()))
                .update();
        for (PaymentOrder.Line line : o.lines()) {
            FundPayment p = line.payment();
            jdbc.sql("""
                            insert into payment_order_line (order_id, fund, owed_in_period, brought_forward, owed, withheld, deducted,
                                recovered, deferred, paid, monthly_cap, deduction_carried, prepayment_recovered)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(o.orderId(), p.fund().name(), p.owedInPeriod().amount(), p.broughtForward().amount(), p.owed().amount(),
                            p.withheld().amount(), p.deducted().amount(), p.recovered().amount(), p.deferred().amount(),
                            p.paid().amount(), line.monthlyCap() == null ? null : line.monthlyCap().amount(),
                            line.deductionCarried().amount(), p.prepaymentRecovered().amount())
                    .update();
        }
        for (PaymentOrder.Netted n : o.netted()) {
            jdbc.sql("insert into payment_order_deduction (order_id, source_id, kind, amount) values (?, ?, ?, ?)")
                    .params(o.orderId(), n.sourceId(), n.kind().name(), n.amount().amount()).update();
        }
        for (PaymentOrder.PrepaymentRecovered r : o.prepayments()) {
            jdbc.sql("insert into payment_order_prepayment (order_id, prepayment_id, amount) values (?, ?, ?)")
                    .params(o.orderId(), r.prepaymentId(), r.amount().amount()).update();
        }
    }

    /** Moves an order from one state to another; false when it was not in {@code from} any more. */
    boolean transition(UUID orderId, OrderState from, OrderState to, String approvedBy, Instant at) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException("an order does not go from " + from + " to " + to);
        }
        return jdbc.sql("""
                        update payment_order set state = ?, approved_by = coalesce(?, approved_by),
                            approved_at = case when ? then ? else approved_at end
                        where order_id = ? and state = ?""")
                .params(to.name(), approvedBy, to == OrderState.APPROVED, Timestamp.from(at), orderId, from.name())
                .update() == 1;
    }

    Optional<PaymentOrder> find(UUID orderId) {
        return jdbc.sql(ORDER + " where order_id = ?").param(orderId).query(this::order).optional().map(this::withParts);
    }

    /** The order in force (PREPARED or APPROVED) of an institution's period. */
    Optional<PaymentOrder> inForce(String institutionCode, String period) {
        return jdbc.sql(ORDER + " where institution_code = ? and period = ? and state <> 'SUPERSEDED'")
                .params(institutionCode, period).query(this::order).optional().map(this::withParts);
    }

    /** The institution's latest approved order (what it deferred and carried is brought forward). */
    Optional<PaymentOrder> latestApproved(String institutionCode) {
        return jdbc.sql(ORDER + " where institution_code = ? and state = 'APPROVED' order by period desc limit 1")
                .param(institutionCode).query(this::order).optional().map(this::withParts);
    }

    /**
     * Per fund, the year's approved orders summed (owedInPeriod, withheld) and the deferral the year's last approved order
     * left; the period of that order, or none.
     */
    Map<Fund, PaymentService.FundYear> year(String institutionCode, int year) {
        Map<Fund, PaymentService.FundYear> out = new EnumMap<>(Fund.class);
        jdbc.sql("""
                        select l.fund, sum(l.owed_in_period), sum(l.withheld),
                               sum(case when o.period = (select max(period) from payment_order where institution_code = ?
                                   and state = 'APPROVED' and period like ?) then l.deferred else 0 end)
                        from payment_order_line l join payment_order o on o.order_id = l.order_id
                        where o.institution_code = ? and o.state = 'APPROVED' and o.period like ?
                        group by l.fund""")
                .params(institutionCode, year + "-%", institutionCode, year + "-%")
                .query((rs, n) -> new PaymentService.FundYear(Fund.valueOf(rs.getString(1)), money(rs, 2), money(rs, 3), money(rs, 4)))
                .list().forEach(f -> out.put(f.fund(), f));
        return out;
    }

    /** Whether the institution has an order waiting for approval for another period. */
    Optional<String> pendingPeriodOtherThan(String institutionCode, String period) {
        return jdbc.sql("select period from payment_order where institution_code = ? and state = 'PREPARED' and period <> ? limit 1")
                .params(institutionCode, period).query(String.class).optional();
    }

    private PaymentOrder order(ResultSet rs, int n) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp(15);
        return new PaymentOrder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                OrderState.valueOf(rs.getString(5)), rs.getBigDecimal(6), money(rs, 7), money(rs, 8), money(rs, 9), money(rs, 10),
                money(rs, 11), List.of(), List.of(), List.of(), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14),
                approvedAt == null ? null : approvedAt.toInstant());
    }

    private PaymentOrder withParts(PaymentOrder o) {
        Map<Fund, PaymentOrder.Line> byFund = new EnumMap<>(Fund.class);
        jdbc.sql("""
                        select fund, owed_in_period, brought_forward, owed, withheld, deducted, recovered, deferred, paid, monthly_cap,
                               deduction_carried, prepayment_recovered
                        from payment_order_line where order_id = ?""")
                .param(o.orderId())
                .query((rs, n) -> {
                    Fund fund = Fund.valueOf(rs.getString(1));
                    BigDecimal cap = rs.getBigDecimal(10);
                    return new PaymentOrder.Line(new FundPayment(fund, money(rs, 2), money(rs, 3), money(rs, 4), money(rs, 5),
                            money(rs, 6), money(rs, 7), money(rs, 12), money(rs, 8), money(rs, 9)), cap == null ? null : Money.of(cap), money(rs, 11));
                })
                .list().forEach(l -> byFund.put(l.payment().fund(), l));
        List<PaymentOrder.Netted> netted = jdbc.sql("""
                        select source_id, kind, amount from payment_order_deduction
                        where order_id = ? order by source_id, kind""")
                .param(o.orderId())
                .query((rs, n) -> new PaymentOrder.Netted(rs.getString(1), Deduction.Kind.valueOf(rs.getString(2)), money(rs, 3)))
                .list();
        List<PaymentOrder.PrepaymentRecovered> prepayments = jdbc.sql(
                        "select prepayment_id, amount from payment_order_prepayment where order_id = ? order by prepayment_id")
                .param(o.orderId())
                .query((rs, n) -> new PaymentOrder.PrepaymentRecovered(rs.getObject(1, UUID.class), money(rs, 2)))
                .list();
        return new PaymentOrder(o.orderId(), o.institutionCode(), o.regionCode(), o.period(), o.state(), o.depositRatio(),
                o.deductions(), o.recoveries(), o.deductionCarried(), o.recoveryCarried(), o.paid(), List.copyOf(byFund.values()),
                netted, prepayments, o.preparedBy(), o.preparedAt(), o.approvedBy(), o.approvedAt());
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        return Money.of(rs.getBigDecimal(column));
    }
}
