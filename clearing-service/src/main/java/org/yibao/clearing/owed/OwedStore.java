package org.yibao.clearing.owed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The owed ledger (tables {@code owed_entry}, {@code closed_period}). */
@Repository
class OwedStore {

    private final JdbcClient jdbc;

    OwedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises, for the transaction, everything that reads or changes one institution's closed months:
     * an entry counted in a month that an approval is closing at the same time would be lost to both.
     */
    void lockInstitution(String institutionCode) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('clearing:' || ?))").param(institutionCode).query().singleValue();
    }

    Set<YearMonth> closedPeriods(String institutionCode) {
        return new HashSet<>(jdbc.sql("select period from closed_period where institution_code = ?")
                .param(institutionCode).query((rs, n) -> YearMonth.parse(rs.getString(1))).list());
    }

    /** Records an entry once: false when this claim's fund was counted already (a redelivery). */
    boolean insert(OwedEntry e) {
        return jdbc.sql("""
                        insert into owed_entry (settlement_id, kind, fund, source_id, institution_code, region_code, period, event_month, amount)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.settlementId(), e.kind().name(), e.fund().name(), e.sourceId(), e.institutionCode(), e.regionCode(),
                        e.period().toString(), e.eventMonth().toString(), e.amount().amount())
                .update() == 1;
    }

    /** Whether the institution's claim was reversed (any fund's REVERSED entry, or a reversal parked for it). */
    boolean isReversed(String institutionCode, String settlementId) {
        return jdbc.sql("""
                        select (select count(*) from owed_entry where institution_code = ? and settlement_id = ? and kind = 'REVERSED')
                             + (select count(*) from pending_reversal where institution_code = ? and settlement_id = ?)""")
                .params(institutionCode, settlementId, institutionCode, settlementId).query(Integer.class).single() > 0;
    }

    /** Per fund, what was counted for the institution's settlement (its SETTLED rows); empty when none was. */
    java.util.Map<Fund, Money> settledAmounts(String institutionCode, String settlementId) {
        java.util.Map<Fund, Money> amounts = new java.util.EnumMap<>(Fund.class);
        jdbc.sql("select fund, amount from owed_entry where institution_code = ? and settlement_id = ? and kind = 'SETTLED'")
                .params(institutionCode, settlementId)
                .query((rs, n) -> java.util.Map.entry(Fund.valueOf(rs.getString(1)), money(rs.getBigDecimal(2))))
                .list().forEach(e -> amounts.put(e.getKey(), e.getValue()));
        return amounts;
    }

    /** The basic pooling fund the institution's claim was counted on (its scheme's), if it was counted with a basic share. */
    java.util.Optional<Fund> basicFundOf(String institutionCode, String settlementId) {
        return jdbc.sql("""
                        select fund from owed_entry where institution_code = ? and settlement_id = ? and kind = 'SETTLED'
                          and fund in ('EMPLOYEE_POOLING', 'RESIDENT_POOLING') limit 1""")
                .params(institutionCode, settlementId).query((rs, n) -> Fund.valueOf(rs.getString(1))).optional();
    }

    /** A reversal whose settlement was not counted yet. */
    record PendingReversal(String reversalId, String settlementId, String institutionCode, String regionCode, Instant reversedAt) {
    }

    /** Parks a reversal until its settlement arrives (once: a redelivery changes nothing). */
    void parkReversal(PendingReversal p) {
        jdbc.sql("""
                        insert into pending_reversal (reversal_id, settlement_id, institution_code, region_code, reversed_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(p.reversalId(), p.settlementId(), p.institutionCode(), p.regionCode(), Timestamp.from(p.reversedAt()))
                .update();
    }

    List<PendingReversal> pendingReversals(String institutionCode, String settlementId) {
        return jdbc.sql("""
                        select reversal_id, settlement_id, institution_code, region_code, reversed_at from pending_reversal
                        where institution_code = ? and settlement_id = ? order by reversal_id""")
                .params(institutionCode, settlementId)
                .query((rs, n) -> new PendingReversal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    void deletePendingReversal(String reversalId) {
        jdbc.sql("delete from pending_reversal where reversal_id = ?").param(reversalId).update();
    }

    /** Closes a month for an institution; false when it was closed already. */
    boolean close(String institutionCode, YearMonth period, Instant at) {
        return jdbc.sql("insert into closed_period (institution_code, period, closed_at) values (?, ?, ?) on conflict do nothing")
                .params(institutionCode, period.toString(), Timestamp.from(at)).update() == 1;
    }

    /** Closed: it or a later month of the institution was closed (months close in order). */
    boolean isClosed(String institutionCode, YearMonth period) {
        return jdbc.sql("select count(*) from closed_period where institution_code = ? and period >= ?")
                .params(institutionCode, period.toString()).query(Integer.class).single() > 0;
    }

    /** Per fund: the claims and reversals counted in the period, and the other entries booked in it. */
    List<FundOwed> owed(String institutionCode, YearMonth period) {
        return jdbc.sql("""
                        select fund,
                               coalesce(sum(amount) filter (where kind = 'SETTLED'), 0),
                               coalesce(sum(amount) filter (where kind = 'REVERSED'), 0),
                               coalesce(sum(amount), 0),
                               count(*) filter (where kind = 'SETTLED'),
                               count(*) filter (where kind = 'REVERSED'),
                               count(*) filter (where kind not in ('SETTLED', 'REVERSED'))
                        from owed_entry where institution_code = ? and period = ?
                        group by fund""")
                .params(institutionCode, period.toString())
                .query((rs, n) -> new FundOwed(Fund.valueOf(rs.getString(1)), money(rs.getBigDecimal(2)),
                        money(rs.getBigDecimal(3)), money(rs.getBigDecimal(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    /** The institution's own region, as supervision announced it last, if it did. */
    /** Per institution of the region (its own region, LIKE pattern), what a fund owed it over a year's periods, yuan. */
    java.util.Map<String, Money> owedInYear(String regionLike, Fund fund, int year) {
        java.util.Map<String, Money> out = new java.util.TreeMap<>();
        jdbc.sql("""
                        select e.institution_code, sum(e.amount) from owed_entry e
                        join institution_region r on r.institution_code = e.institution_code
                        where r.region_code like ? and e.fund = ? and e.period like ?
                        group by e.institution_code""")
                .params(regionLike, fund.name(), year + "-%")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), Money.of(rs.getBigDecimal(2))))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    java.util.Optional<String> regionOf(String institutionCode) {
        return jdbc.sql("select region_code from institution_region where institution_code = ?")
                .param(institutionCode).query(String.class).optional();
    }

    /** Records the institution's region; a change older than the one held is ignored (the latest wins). */
    void upsertInstitutionRegion(String institutionCode, String regionCode, Instant changedAt) {
        jdbc.sql("""
                        insert into institution_region (institution_code, region_code, changed_at) values (?, ?, ?)
                        on conflict (institution_code) do update set region_code = excluded.region_code, changed_at = excluded.changed_at
                        where institution_region.changed_at <= excluded.changed_at""")
                .params(institutionCode, regionCode, Timestamp.from(changedAt)).update();
    }

    /** The earliest month before {@code period} holding entries of the institution and not closed, if any. */
    java.util.Optional<YearMonth> openPeriodBefore(String institutionCode, YearMonth period) {
        return jdbc.sql("""
                        select min(e.period) from owed_entry e
                        where e.institution_code = ? and e.period < ?
                          and not exists (select 1 from closed_period c where c.institution_code = e.institution_code and c.period >= e.period)""")
                .params(institutionCode, period.toString())
                .query((rs, n) -> rs.getString(1)).optional().filter(java.util.Objects::nonNull).map(YearMonth::parse);
    }

    private static Money money(BigDecimal yuan) {
        return Money.of(yuan);
    }
}
