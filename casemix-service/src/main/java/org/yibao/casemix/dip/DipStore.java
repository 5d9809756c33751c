package org.yibao.casemix.dip;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** DIP tables and their groups (tables {@code dip_table}, {@code dip_group}). */
@Repository
class DipStore {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final tools.jackson.databind.json.JsonMapper json;

    DipStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    void lock(String region, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('dip-table:' || ? || ':' || ?))").params(region, year).query().singleValue();
    }

    int versions(String region, int year) {
        return jdbc.sql("select count(*) from dip_table where region_code = ? and year = ?").params(region, year).query(Integer.class).single();
    }

    void insert(DipTable t) {
        jdbc.sql("""
                        insert into dip_table (table_id, region_code, year, basis_from, basis_to, cases, overall_mean, point_scale, min_cases,
                            built_by, built_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.tableId(), t.regionCode(), t.year(), t.basisFrom(), t.basisTo(), t.cases(), t.overallMean(), t.pointScale(),
                        t.minCases(), t.builtBy(), Timestamp.from(t.builtAt()))
                .update();
        for (DipGroup g : t.groups()) {
            jdbc.sql("""
                            insert into dip_group (table_id, group_code, category, procedure, kind, cases, mean_cost, points)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.tableId(), g.code(), g.category(), g.procedure(), g.kind().name(), g.cases(), g.meanCost(), g.points())
                    .update();
        }
    }

    /**
     * What pricing a region's month needs, in one statement: each passed list discharged in it whose stay is settled and
     * not reversed and whose institution is known, with the stay's money, scheme and the institution's level; in settlement
     * id order (tables {@code settlement_list}, {@code inpatient_case}, {@code institution}).
     */
    List<PricingInput> pricingInputs(String regionLike, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select l.settlement_id, l.institution_code, l.department, l.main_diagnosis, l.procedures, c.scheme, c.total,
                               c.basic_fund, c.others_paid, i.level
                        from settlement_list l
                        join inpatient_case c on c.settlement_id = l.settlement_id and c.institution_code = l.institution_code
                            and not c.reversed and c.total > 0
                        join institution i on i.institution_code = l.institution_code
                        where i.region_code like ? and l.discharge_date between ? and ? and l.state = 'PASSED'
                        order by l.settlement_id""")
                .params(regionLike, from, to)
                .query((rs, n) -> new PricingInput(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        mainProcedure(rs.getString(5)), org.yibao.contracts.events.Scheme.valueOf(rs.getString(6)),
                        org.yibao.contracts.money.Money.of(rs.getBigDecimal(7)), org.yibao.contracts.money.Money.of(rs.getBigDecimal(8)),
                        org.yibao.contracts.money.Money.of(rs.getBigDecimal(9)),
                        rs.getString(10) == null ? null : org.yibao.contracts.events.InstitutionLevel.valueOf(rs.getString(10))))
                .list();
    }

    /**
     * A DIP table's history summed by key in the database: per main diagnosis category and main procedure, the passed lists
     * of the region discharged in the period whose stays were not reversed, and their stays' total cost.
     */
    List<DipTableBuilder.KeySum> historySums(String regionLike, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select substr(l.main_diagnosis, 1, 3),
                               (select p ->> 'code' from jsonb_array_elements(l.procedures::jsonb) p where (p ->> 'main')::boolean limit 1),
                               count(*), sum(c.total)
                        from settlement_list l
                        join inpatient_case c on c.settlement_id = l.settlement_id and c.institution_code = l.institution_code
                            and not c.reversed and c.total > 0
                        join institution i on i.institution_code = l.institution_code
                        where i.region_code like ? and l.discharge_date between ? and ? and l.state = 'PASSED'
                        group by 1, 2""")
                .params(regionLike, from, to)
                .query((rs, n) -> new DipTableBuilder.KeySum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list();
    }

    /** A stay to price: its list's facts, its money (yuan) and its institution's level. */
    record PricingInput(String settlementId, String institutionCode, String department, String mainDiagnosis, String mainProcedure,
                        org.yibao.contracts.events.Scheme scheme, org.yibao.contracts.money.Money total,
                        org.yibao.contracts.money.Money basicFund, org.yibao.contracts.money.Money othersPaid,
                        org.yibao.contracts.events.InstitutionLevel level) {
    }

    /** The main procedure's code in a list's procedures (JSON text), or null. */
    private String mainProcedure(String procedures) {
        for (tools.jackson.databind.JsonNode p : json.readTree(procedures)) {
            if (p.path("main").asBoolean(false)) {
                return p.path("code").asString();
            }
        }
        return null;
    }

    private static final String UPSERT = """
                        insert into dip_case_payment (settlement_id, table_id, basis, period, institution_code, department, group_code, kind,
                            ratio, points, point_value, coefficient, standard, others_paid, fund_payment, item_fund, difference, priced_at, scheme)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                        on conflict (settlement_id, table_id, basis) do update set period = excluded.period, group_code = excluded.group_code,
                            kind = excluded.kind, ratio = excluded.ratio, points = excluded.points, point_value = excluded.point_value,
                            coefficient = excluded.coefficient, standard = excluded.standard, others_paid = excluded.others_paid,
                            fund_payment = excluded.fund_payment, item_fund = excluded.item_fund, difference = excluded.difference,
                            department = excluded.department, priced_at = now()""";

    /** Inserts each stay's price, or replaces its price on the same table and basis, in batches of 1,000. */
    void upsert(List<DipCasePayment> payments) {
        for (int from = 0; from < payments.size(); from += 1000) {
            List<DipCasePayment> part = payments.subList(from, Math.min(payments.size(), from + 1000));
            batch.batchUpdate(UPSERT, part, part.size(), (ps, p) -> {
                Object[] values = {p.settlementId(), p.tableId(), p.basis().name(), p.period(), p.institutionCode(), p.department(),
                        p.groupCode(), p.kind().name(), p.ratio(), p.points(), p.pointValue(), p.coefficient(), p.standard().amount(),
                        p.othersPaid().amount(), p.fundPayment().amount(), p.itemFund().amount(), p.difference().amount(), p.scheme().name()};
                for (int k = 0; k < values.length; k++) {
                    ps.setObject(k + 1, values[k]);
                }
            });
        }
    }

    /** The adjustment announced so far for a key (whatever table priced it): amount, stays, announcements; or none. */
    Optional<Object[]> announced(DipCasePayment.Basis basis, String institution, String period, String scheme) {
        return jdbc.sql("""
                        select announced, stays, announcements from dip_adjustment_announced
                        where basis = ? and institution_code = ? and period = ? and scheme = ?""")
                .params(basis.name(), institution, period, scheme)
                .query((rs, n) -> new Object[]{rs.getBigDecimal(1), rs.getInt(2), rs.getInt(3)}).optional();
    }

    /** The keys announced before on a basis for periods like the pattern (to announce those no stay holds any more). */
    List<KeyTotal> announcedKeys(DipCasePayment.Basis basis, String periodLike, String regionLike) {
        return jdbc.sql("""
                        select a.institution_code, a.period, a.scheme, a.announced, a.stays from dip_adjustment_announced a
                        join institution i on i.institution_code = a.institution_code
                        where a.basis = ? and a.period like ? and i.region_code like ?""")
                .params(basis.name(), periodLike, regionLike)
                .query((rs, n) -> new KeyTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getInt(5))).list();
    }

    void announce(DipCasePayment.Basis basis, String institution, String period, String scheme, java.math.BigDecimal amount, int stays) {
        jdbc.sql("""
                        insert into dip_adjustment_announced (basis, institution_code, period, scheme, announced, stays, announcements)
                        values (?, ?, ?, ?, ?, ?, 1)
                        on conflict (basis, institution_code, period, scheme) do update set announced = excluded.announced,
                            stays = excluded.stays, announcements = dip_adjustment_announced.announcements + 1""")
                .params(basis.name(), institution, period, scheme, amount, stays).update();
    }

    /** Serialises the pricing of a region's year (its months, its point value). */
    void lockYear(String region, int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('dip-year:' || ? || ':' || ?))").params(region, year).query().singleValue();
    }

    /**
     * Removes a month's provisional prices of stays no longer priced (reversed since, or their list no longer passed), and
     * every other table's provisional prices of the month's stays of the region: the month's prices are the latest pricing's.
     */
    int removeStale(String tableId, String period, String regionLike, List<String> priced) {
        return jdbc.sql("""
                        delete from dip_case_payment d using institution i
                        where d.basis = 'PROVISIONAL' and d.period = :period and i.institution_code = d.institution_code
                          and i.region_code like :region and (d.table_id <> :table or not (d.settlement_id = any (:priced)))""")
                .param("period", period).param("region", regionLike).param("table", tableId)
                .param("priced", priced.toArray(new String[0]))
                .update();
    }

    /** The year's provisionally priced stays: Σ points x coefficient, and how many. */
    Object[] weighted(String tableId, int year) {
        return jdbc.sql("""
                        select coalesce(sum(points * coefficient), 0), count(*) from dip_case_payment
                        where table_id = ? and basis = 'PROVISIONAL' and period like ?""")
                .params(tableId, year + "-%").query((rs, n) -> new Object[]{rs.getBigDecimal(1), rs.getInt(2)}).single();
    }

    /**
     * Prices the year's provisionally priced stays at the year's point value (FINAL), set-based: standard = points x point
     * value x coefficient rounded half up to the fen (PostgreSQL's round on numeric), the fund's payment the standard less
     * what others paid (never below 0), the difference against item by item.
     */
    void priceAtPointValue(String tableId, int year, java.math.BigDecimal pointValue) {
        jdbc.sql("""
                        insert into dip_case_payment (settlement_id, table_id, basis, period, institution_code, department, group_code, kind,
                            ratio, points, point_value, coefficient, standard, others_paid, fund_payment, item_fund, difference, priced_at, scheme)
                        select settlement_id, table_id, 'FINAL', period, institution_code, department, group_code, kind, ratio, points, :pv,
                               coefficient, s.standard, others_paid, greatest(s.standard - others_paid, 0), item_fund,
                               greatest(s.standard - others_paid, 0) - item_fund, now(), scheme
                        from dip_case_payment cross join lateral (select round(points * :pv * coefficient, 2) as standard) s
                        where table_id = :table and basis = 'PROVISIONAL' and period like :year
                        on conflict (settlement_id, table_id, basis) do update set point_value = excluded.point_value,
                            standard = excluded.standard, fund_payment = excluded.fund_payment, difference = excluded.difference,
                            priced_at = now()""")
                .param("pv", pointValue).param("table", tableId).param("year", year + "-%")
                .update();
    }

    /** Per institution, discharge month and scheme: the adjustment in force on a basis, and its stays. */
    record KeyTotal(String institutionCode, String period, String scheme, java.math.BigDecimal amount, int stays) {
    }

    List<KeyTotal> keyTotals(String tableId, DipCasePayment.Basis basis, String periodLike) {
        String sql = basis == DipCasePayment.Basis.PROVISIONAL
                ? """
                  select institution_code, period, scheme, sum(difference), count(*) from dip_case_payment
                  where table_id = ? and basis = 'PROVISIONAL' and period like ? group by 1, 2, 3 order by 1, 2, 3"""
                : """
                  select f.institution_code, f.period, f.scheme, sum(f.fund_payment - p.fund_payment), count(*)
                  from dip_case_payment f join dip_case_payment p
                    on p.settlement_id = f.settlement_id and p.table_id = f.table_id and p.basis = 'PROVISIONAL'
                  where f.table_id = ? and f.basis = 'FINAL' and f.period like ? group by 1, 2, 3 order by 1, 2, 3""";
        return jdbc.sql(sql).params(tableId, periodLike)
                .query((rs, n) -> new KeyTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getInt(5))).list();
    }

    /** Per institution: stays, Σ standard, Σ fund payment, Σ item by item, Σ difference on a basis. */
    List<Object[]> institutionSums(String tableId, DipCasePayment.Basis basis, String periodLike) {
        return jdbc.sql("""
                        select institution_code, count(*), sum(standard), sum(fund_payment), sum(item_fund), sum(difference)
                        from dip_case_payment where table_id = ? and basis = ? and period like ? group by 1 order by 1""")
                .params(tableId, basis.name(), periodLike)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6)})
                .list();
    }

    /**
     * The report's rows: per institution (department null, whole = true) and per institution and department: stays, Σ
     * points, high and low outliers, Σ standard, fund payment, item by item, difference.
     */
    List<Object[]> reportRows(String tableId, DipCasePayment.Basis basis, String periodLike) {
        return jdbc.sql("""
                        select institution_code, coalesce(department, '-'), grouping(department) = 1, count(*), sum(points),
                               count(*) filter (where kind = 'HIGH_OUTLIER'), count(*) filter (where kind = 'LOW_OUTLIER'),
                               sum(standard), sum(fund_payment), sum(item_fund), sum(difference)
                        from dip_case_payment where table_id = ? and basis = ? and period like ?
                        group by grouping sets ((institution_code), (institution_code, department))
                        order by 1, 3 desc, 2""")
                .params(tableId, basis.name(), periodLike)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11)})
                .list();
    }

    /** The year's point value, once set. */
    Optional<PointValue> pointValue(String tableId, int year) {
        return jdbc.sql("""
                        select table_id, year, budget, weighted_points, point_value, stays, set_by, set_at from dip_point_value
                        where table_id = ? and year = ?""")
                .params(tableId, year)
                .query((rs, n) -> new PointValue(rs.getString(1), rs.getInt(2), org.yibao.contracts.money.Money.of(rs.getBigDecimal(3)),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .optional();
    }

    /** Sets the year's point value once: false when it was set already. */
    boolean insert(PointValue v) {
        return jdbc.sql("""
                        insert into dip_point_value (table_id, year, budget, weighted_points, point_value, stays, set_by, set_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(v.tableId(), v.year(), v.budget().amount(), v.weightedPoints(), v.pointValue(), v.stays(), v.setBy(),
                        Timestamp.from(v.setAt()))
                .update() == 1;
    }

    Optional<DipTable> find(String tableId) {
        List<DipGroup> groups = jdbc.sql("""
                        select group_code, category, procedure, kind, cases, mean_cost, points from dip_group where table_id = ?
                        order by group_code""")
                .param(tableId)
                .query((rs, n) -> new DipGroup(rs.getString(1), rs.getString(2), rs.getString(3), DipGroup.Kind.valueOf(rs.getString(4)),
                        rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7)))
                .list();
        return jdbc.sql("""
                        select table_id, region_code, year, basis_from, basis_to, cases, overall_mean, point_scale, min_cases, built_by, built_at
                        from dip_table where table_id = ?""")
                .param(tableId)
                .query((rs, n) -> new DipTable(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getInt(9), groups,
                        rs.getString(10), rs.getTimestamp(11).toInstant()))
                .optional();
    }
}
