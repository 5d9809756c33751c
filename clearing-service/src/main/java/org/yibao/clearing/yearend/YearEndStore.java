package org.yibao.clearing.yearend;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.payment.OrderState;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assessments and year-end clearings (tables {@code assessment}, {@code year_end_clearing}, {@code year_end_line}). */
@Repository
class YearEndStore {

    private static final String CLEARING = """
            select clearing_id, institution_code, region_code, year, state, score, paid_now, owed_back, prepared_by, prepared_at,
                   approved_by, approved_at from year_end_clearing""";

    private final JdbcClient jdbc;

    YearEndStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int latestAssessmentVersion(String institutionCode, int year) {
        return jdbc.sql("select coalesce(max(version), 0) from assessment where institution_code = ? and year = ?")
                .params(institutionCode, year).query(Integer.class).single();
    }

    void insert(Assessment a) {
        jdbc.sql("insert into assessment (institution_code, year, version, score, set_by, set_at) values (?, ?, ?, ?, ?, ?)")
                .params(a.institutionCode(), a.year(), a.version(), a.score(), a.setBy(), Timestamp.from(a.setAt())).update();
    }

    Optional<Assessment> assessment(String institutionCode, int year) {
        return jdbc.sql("""
                        select institution_code, year, version, score, set_by, set_at from assessment
                        where institution_code = ? and year = ? order by version desc limit 1""")
                .params(institutionCode, year)
                .query((rs, n) -> new Assessment(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant()))
                .optional();
    }

    void insert(YearEndClearing c) {
        jdbc.sql("""
                        insert into year_end_clearing (clearing_id, institution_code, region_code, year, state, score, paid_now, owed_back,
                            prepared_by, prepared_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.clearingId(), c.institutionCode(), c.regionCode(), c.year(), c.state().name(), c.score(), c.paidNow().amount(),
                        c.owedBack().amount(), c.preparedBy(), Timestamp.from(c.preparedAt()))
                .update();
        for (YearEndCalculation.Result l : c.lines()) {
            jdbc.sql("""
                            insert into year_end_line (clearing_id, fund, budget, actual, surplus, retained, overspend, fund_share, borne,
                                recognised, withheld, deferred, received, released_share, released, forfeited, payable, explanation)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(c.clearingId(), l.fund().name(), l.budget() == null ? null : l.budget().amount(), l.actual().amount(),
                            l.surplus().amount(), l.retained().amount(), l.overspend().amount(), l.fundShare().amount(), l.borne().amount(),
                            l.recognised().amount(), l.withheld().amount(), l.deferred().amount(), l.received().amount(), l.releasedShare(),
                            l.released().amount(), l.forfeited().amount(), l.payable().amount(), String.join("\n", l.explanation()))
                    .update();
        }
    }

    boolean transition(UUID id, OrderState from, OrderState to, String approvedBy, Instant at) {
        if (!from.canBecome(to)) {
            throw new IllegalStateException("a clearing does not go from " + from + " to " + to);
        }
        return jdbc.sql("""
                        update year_end_clearing set state = ?, approved_by = coalesce(?, approved_by),
                            approved_at = case when ? then ? else approved_at end
                        where clearing_id = ? and state = ?""")
                .params(to.name(), approvedBy, to == OrderState.APPROVED, Timestamp.from(at), id, from.name())
                .update() == 1;
    }

    Optional<YearEndClearing> find(UUID id) {
        return jdbc.sql(CLEARING + " where clearing_id = ?").param(id).query(this::clearing).optional().map(this::withLines);
    }

    Optional<YearEndClearing> inForce(String institutionCode, int year) {
        return jdbc.sql(CLEARING + " where institution_code = ? and year = ? and state <> 'SUPERSEDED'")
                .params(institutionCode, year).query(this::clearing).optional().map(this::withLines);
    }

    /**
     * What the institution owes back on a fund after an approved clearing, as a recovery (追回) netted from its next
     * monthly payments like the recoveries supervision orders (table {@code deduction}, kind RECOVERY, once per source).
     */
    void insertRecovery(String sourceId, String institutionCode, Money amount, String reason, Instant at) {
        jdbc.sql("""
                        insert into deduction (source_id, kind, institution_code, amount, reason, occurred_at)
                        values (?, 'RECOVERY', ?, ?, ?, ?) on conflict do nothing""")
                .params(sourceId, institutionCode, amount.amount(), reason, Timestamp.from(at)).update();
    }

    private YearEndClearing clearing(ResultSet rs, int n) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp(12);
        return new YearEndClearing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                OrderState.valueOf(rs.getString(5)), rs.getBigDecimal(6), Money.of(rs.getBigDecimal(7)), Money.of(rs.getBigDecimal(8)),
                List.of(), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11), approvedAt == null ? null : approvedAt.toInstant());
    }

    private YearEndClearing withLines(YearEndClearing c) {
        List<YearEndCalculation.Result> lines = jdbc.sql("""
                        select fund, budget, actual, surplus, retained, overspend, fund_share, borne, recognised, withheld, deferred,
                               received, released_share, released, forfeited, payable, explanation
                        from year_end_line where clearing_id = ?""")
                .param(c.clearingId())
                .query((rs, n) -> {
                    BigDecimal budget = rs.getBigDecimal(2);
                    return new YearEndCalculation.Result(Fund.valueOf(rs.getString(1)), budget == null ? null : Money.of(budget),
                            money(rs, 3), money(rs, 4), money(rs, 5), money(rs, 6), money(rs, 7), money(rs, 8), money(rs, 9),
                            money(rs, 10), money(rs, 11), money(rs, 12), rs.getBigDecimal(13), money(rs, 14), money(rs, 15),
                            money(rs, 16), Arrays.asList(rs.getString(17).split("\n")));
                })
                .list().stream().sorted(java.util.Comparator.comparing(YearEndCalculation.Result::fund)).toList();
        return new YearEndClearing(c.clearingId(), c.institutionCode(), c.regionCode(), c.year(), c.state(), c.score(), c.paidNow(), c.owedBack(),
                lines, c.preparedBy(), c.preparedAt(), c.approvedBy(), c.approvedAt());
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        return Money.of(rs.getBigDecimal(column));
    }
}
