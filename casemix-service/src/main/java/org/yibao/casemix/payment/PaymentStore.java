package org.yibao.casemix.payment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.casemix.rules.PaymentMethod;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stays' prices under DIP and DRG, the years' rates, what was announced to the fund clearing and the institutions'
 * payment methods (tables {@code case_payment}, {@code year_rate}, {@code adjustment_announced}, {@code payment_method}).
 */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    PaymentStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /**
     * Serialises whatever prices a year or assigns its methods, every region and method alike (a month priced by one method
     * and an institution moved to the other would otherwise both commit, and its stays be paid twice).
     */
    void lockYear(int year) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('case-year:' || ?))").param(year).query().singleValue();
    }

    /**
     * What pricing a region's month under a method needs, in one statement: each passed list discharged in it whose stay is
     * settled and not reversed, whose institution is known and paid by the method in the month's year (assigned, or the
     * region's default), with the grouper's facts, the stay's money, scheme and the institution's level; in settlement id
     * order (tables {@code settlement_list}, {@code inpatient_case}, {@code institution}, {@code payment_method}).
     */
    List<CasePayments.PricingInput> pricingInputs(PaymentMethod method, PaymentMethod defaultMethod, String regionLike, LocalDate from,
                                                  LocalDate to) {
        return jdbc.sql("""
                        select l.settlement_id, l.institution_code, l.department, l.main_diagnosis, l.secondary_diagnoses, l.procedures,
                               l.ventilator_hours, c.sex, c.birth_date, l.admission_date, c.scheme, c.total, c.basic_fund, c.others_paid, i.level
                        from settlement_list l
                        join inpatient_case c on c.settlement_id = l.settlement_id and c.institution_code = l.institution_code
                            and not c.reversed and c.total > 0
                        join institution i on i.institution_code = l.institution_code
                        left join payment_method m on m.institution_code = l.institution_code and m.year = :year
                        where i.region_code like :region and l.discharge_date between :from and :to and l.state = 'PASSED'
                          and coalesce(m.method, :default) = :method
                          and not exists (select 1 from case_payment o where o.settlement_id = l.settlement_id and o.method <> :method)
                        order by l.settlement_id""")
                .param("year", from.getYear()).param("region", regionLike).param("from", from).param("to", to)
                .param("default", defaultMethod.name()).param("method", method.name())
                .query((rs, n) -> {
                    String mainProcedure = null;
                    List<String> procedures = new ArrayList<>();
                    for (JsonNode p : json.readTree(rs.getString(6))) {
                        procedures.add(p.path("code").asString());
                        if (mainProcedure == null && p.path("main").asBoolean(false)) {
                            mainProcedure = p.path("code").asString();
                        }
                    }
                    return new CasePayments.PricingInput(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            json.readValue(rs.getString(5), new TypeReference<List<String>>() { }), mainProcedure, List.copyOf(procedures),
                            rs.getInt(7), rs.getString(8).charAt(0),
                            java.time.Period.between(rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class)).getYears(),
                            Scheme.valueOf(rs.getString(11)), Money.of(rs.getBigDecimal(12)), Money.of(rs.getBigDecimal(13)),
                            Money.of(rs.getBigDecimal(14)), rs.getString(15) == null ? null : InstitutionLevel.valueOf(rs.getString(15)));
                })
                .list();
    }

    private static final String UPSERT = """
                        insert into case_payment (settlement_id, table_id, method, basis, period, institution_code, department, group_code,
                            kind, ratio, points, point_value, coefficient, standard, others_paid, fund_payment, item_fund, difference,
                            priced_at, scheme)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                        on conflict (settlement_id, table_id, basis) do update set period = excluded.period, group_code = excluded.group_code,
                            kind = excluded.kind, ratio = excluded.ratio, points = excluded.points, point_value = excluded.point_value,
                            coefficient = excluded.coefficient, standard = excluded.standard, others_paid = excluded.others_paid,
                            fund_payment = excluded.fund_payment, item_fund = excluded.item_fund, difference = excluded.difference,
                            department = excluded.department, priced_at = now()""";

    /** Inserts each stay's price, or replaces its price on the same table and basis, in batches of 1,000. */
    void upsert(List<CasePayment> payments) {
        for (int from = 0; from < payments.size(); from += 1000) {
            List<CasePayment> part = payments.subList(from, Math.min(payments.size(), from + 1000));
            batch.batchUpdate(UPSERT, part, part.size(), (ps, p) -> {
                Object[] values = {p.settlementId(), p.tableId(), p.method().name(), p.basis().name(), p.period(), p.institutionCode(),
                        p.department(), p.groupCode(), p.kind().name(), p.ratio(), p.units(), p.rate(), p.coefficient(),
                        p.standard().amount(), p.othersPaid().amount(), p.fundPayment().amount(), p.itemFund().amount(),
                        p.difference().amount(), p.scheme().name()};
                for (int k = 0; k < values.length; k++) {
                    ps.setObject(k + 1, values[k]);
                }
            });
        }
    }

    /**
     * Removes a month's provisional prices under a method of stays no longer priced (reversed since, their list no longer
     * passed), and every other table's of the month's stays of the region: the month's prices are the latest pricing's.
     */
    int removeStale(PaymentMethod method, String tableId, String period, String regionLike, List<String> priced) {
        return jdbc.sql("""
                        delete from case_payment d using institution i
                        where d.method = :method and d.basis = 'PROVISIONAL' and d.period = :period and i.institution_code = d.institution_code
                          and i.region_code like :region and (d.table_id <> :table or not (d.settlement_id = any (:priced)))""")
                .param("method", method.name()).param("period", period).param("region", regionLike).param("table", tableId)
                .param("priced", priced.toArray(new String[0]))
                .update();
    }

    /** The adjustment announced so far for a key (whatever table priced it): amount, stays, announcements; or none. */
    Optional<Announced> announced(PaymentMethod method, CasePayment.Basis basis, String institution, String period, String scheme) {
        return jdbc.sql("""
                        select announced, stays, announcements from adjustment_announced
                        where method = ? and basis = ? and institution_code = ? and period = ? and scheme = ?""")
                .params(method.name(), basis.name(), institution, period, scheme)
                .query((rs, n) -> new Announced(rs.getBigDecimal(1), rs.getInt(2), rs.getInt(3))).optional();
    }

    /** An adjustment announced: its amount in force, yuan, its stays, and how many announcements made it. */
    record Announced(BigDecimal amount, int stays, int announcements) {
    }

    /** The keys announced before under a method on a basis for periods like the pattern (to announce those no stay holds any more). */
    List<KeyTotal> announcedKeys(PaymentMethod method, CasePayment.Basis basis, String periodLike, String regionLike) {
        return jdbc.sql("""
                        select a.institution_code, a.period, a.scheme, a.announced, a.stays from adjustment_announced a
                        join institution i on i.institution_code = a.institution_code
                        where a.method = ? and a.basis = ? and a.period like ? and i.region_code like ?""")
                .params(method.name(), basis.name(), periodLike, regionLike)
                .query((rs, n) -> new KeyTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getInt(5))).list();
    }

    void announce(PaymentMethod method, CasePayment.Basis basis, String institution, String period, String scheme, BigDecimal amount,
                  int stays) {
        jdbc.sql("""
                        insert into adjustment_announced (method, basis, institution_code, period, scheme, announced, stays, announcements)
                        values (?, ?, ?, ?, ?, ?, ?, 1)
                        on conflict (method, basis, institution_code, period, scheme) do update set announced = excluded.announced,
                            stays = excluded.stays, announcements = adjustment_announced.announcements + 1""")
                .params(method.name(), basis.name(), institution, period, scheme, amount, stays).update();
    }

    /** The year's provisionally priced stays under a table: Σ units x coefficient, how many, and the largest units x coefficient. */
    Weighted weighted(String tableId, int year) {
        return jdbc.sql("""
                        select coalesce(sum(points * coefficient), 0), count(*), coalesce(max(points * coefficient), 0) from case_payment
                        where table_id = ? and basis = 'PROVISIONAL' and period like ?""")
                .params(tableId, year + "-%").query((rs, n) -> new Weighted(rs.getBigDecimal(1), rs.getInt(2), rs.getBigDecimal(3))).single();
    }

    /** Σ units x coefficient of a year's stays, how many, and one stay's most. */
    record Weighted(BigDecimal units, int stays, BigDecimal largest) {
    }

    /** Whether a method's rate of a region's year is set, whatever table version set it. */
    boolean yearRateSet(PaymentMethod method, String region, int year) {
        return jdbc.sql("select exists (select 1 from year_rate where method = ? and region_code = ? and year = ?)")
                .params(method.name(), region, year).query(Boolean.class).single();
    }

    /** The other tables a method's stays of a region's year are provisionally priced under. */
    List<String> otherTables(PaymentMethod method, String tableId, String regionLike, int year) {
        return jdbc.sql("""
                        select distinct d.table_id from case_payment d join institution i on i.institution_code = d.institution_code
                        where d.method = ? and d.basis = 'PROVISIONAL' and d.period like ? and i.region_code like ? and d.table_id <> ?
                        order by 1""")
                .params(method.name(), year + "-%", regionLike, tableId).query(String.class).list();
    }

    /**
     * Prices the year's provisionally priced stays under a table at the year's rate (FINAL), set-based: standard = units x
     * rate x coefficient rounded half up to the fen (PostgreSQL's round on numeric), the fund's payment the standard less
     * what others paid (never below 0), the difference against item by item.
     */
    void priceAtYearRate(String tableId, int year, BigDecimal rate) {
        jdbc.sql("""
                        insert into case_payment (settlement_id, table_id, method, basis, period, institution_code, department, group_code,
                            kind, ratio, points, point_value, coefficient, standard, others_paid, fund_payment, item_fund, difference,
                            priced_at, scheme)
                        select settlement_id, table_id, method, 'FINAL', period, institution_code, department, group_code, kind, ratio,
                               points, :rate, coefficient, s.standard, others_paid, greatest(s.standard - others_paid, 0), item_fund,
                               greatest(s.standard - others_paid, 0) - item_fund, now(), scheme
                        from case_payment cross join lateral (select round(points * :rate * coefficient, 2) as standard) s
                        where table_id = :table and basis = 'PROVISIONAL' and period like :year
                        on conflict (settlement_id, table_id, basis) do update set point_value = excluded.point_value,
                            standard = excluded.standard, fund_payment = excluded.fund_payment, difference = excluded.difference,
                            priced_at = now()""")
                .param("rate", rate).param("table", tableId).param("year", year + "-%")
                .update();
    }

    /** Per institution, discharge month and scheme: the adjustment in force on a basis, and its stays. */
    record KeyTotal(String institutionCode, String period, String scheme, BigDecimal amount, int stays) {
    }

    /**
     * PROVISIONAL: Σ (the method's payment − item by item); FINAL: Σ (the final payment − the provisional one); per
     * institution, discharge month and scheme of a table's stays.
     */
    List<KeyTotal> keyTotals(String tableId, CasePayment.Basis basis, String periodLike) {
        String sql = basis == CasePayment.Basis.PROVISIONAL
                ? """
                  select institution_code, period, scheme, sum(difference), count(*) from case_payment
                  where table_id = ? and basis = 'PROVISIONAL' and period like ? group by 1, 2, 3 order by 1, 2, 3"""
                : """
                  select f.institution_code, f.period, f.scheme, sum(f.fund_payment - p.fund_payment), count(*)
                  from case_payment f join case_payment p
                    on p.settlement_id = f.settlement_id and p.table_id = f.table_id and p.basis = 'PROVISIONAL'
                  where f.table_id = ? and f.basis = 'FINAL' and f.period like ? group by 1, 2, 3 order by 1, 2, 3""";
        return jdbc.sql(sql).params(tableId, periodLike)
                .query((rs, n) -> new KeyTotal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getInt(5))).list();
    }

    /** Per institution of a table's stays on a basis: stays, Σ standard, Σ fund payment, Σ item by item, Σ difference, yuan. */
    List<CasePayments.InstitutionSum> institutionSums(String tableId, CasePayment.Basis basis, String periodLike) {
        return jdbc.sql("""
                        select institution_code, count(*), sum(standard), sum(fund_payment), sum(item_fund), sum(difference)
                        from case_payment where table_id = ? and basis = ? and period like ? group by 1 order by 1""")
                .params(tableId, basis.name(), periodLike)
                .query((rs, n) -> new CasePayments.InstitutionSum(rs.getString(1), rs.getInt(2), Money.of(rs.getBigDecimal(3)),
                        Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)), Money.of(rs.getBigDecimal(6))))
                .list();
    }

    /**
     * The report's rows: per institution (department null, whole) and per institution and department: stays, Σ units, high
     * and low outliers, Σ standard, fund payment, item by item, difference.
     */
    List<ReportRow> reportRows(String tableId, CasePayment.Basis basis, String periodLike) {
        return jdbc.sql("""
                        select institution_code, coalesce(department, '-'), grouping(department) = 1, count(*), sum(points),
                               count(*) filter (where kind = 'HIGH_OUTLIER'), count(*) filter (where kind = 'LOW_OUTLIER'),
                               sum(standard), sum(fund_payment), sum(item_fund), sum(difference)
                        from case_payment where table_id = ? and basis = ? and period like ?
                        group by grouping sets ((institution_code), (institution_code, department))
                        order by 1, 3 desc, 2""")
                .params(tableId, basis.name(), periodLike)
                .query((rs, n) -> new ReportRow(rs.getString(1), rs.getBoolean(3) ? null : rs.getString(2), rs.getInt(4), rs.getBigDecimal(5),
                        rs.getInt(6), rs.getInt(7), Money.of(rs.getBigDecimal(8)), Money.of(rs.getBigDecimal(9)), Money.of(rs.getBigDecimal(10)),
                        Money.of(rs.getBigDecimal(11))))
                .list();
    }

    /** A report row: an institution's (department null) or one of its departments' stays summed. */
    record ReportRow(String institutionCode, String department, int stays, BigDecimal units, int highOutliers, int lowOutliers,
                     Money standard, Money fundPayment, Money itemFund, Money difference) {
    }

    /** The year's rate under a table, once set. */
    Optional<PointValue> yearRate(String tableId, int year) {
        return jdbc.sql("""
                        select table_id, method, region_code, year, budget, weighted_points, point_value, stays, set_by, set_at from year_rate
                        where table_id = ? and year = ?""")
                .params(tableId, year)
                .query((rs, n) -> new PointValue(rs.getString(1), PaymentMethod.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
                        Money.of(rs.getBigDecimal(5)), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()))
                .optional();
    }

    /** Sets the year's rate once per method, region and year: false when it was set already. */
    boolean insert(PointValue v) {
        return jdbc.sql("""
                        insert into year_rate (table_id, method, region_code, year, budget, weighted_points, point_value, stays, set_by, set_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(v.tableId(), v.method().name(), v.regionCode(), v.year(), v.budget().amount(), v.weightedPoints(), v.pointValue(),
                        v.stays(), v.setBy(), Timestamp.from(v.setAt()))
                .update() == 1;
    }

    /** The method an institution is assigned for a year, if any. */
    Optional<CasePayments.Assignment> assignment(String institution, int year) {
        return jdbc.sql("select institution_code, year, method, set_by, set_at from payment_method where institution_code = ? and year = ?")
                .params(institution, year).query(this::assignment).optional();
    }

    /** The methods assigned for a year to the institutions of a region, by institution. */
    List<CasePayments.Assignment> assignments(String regionLike, int year) {
        return jdbc.sql("""
                        select m.institution_code, m.year, m.method, m.set_by, m.set_at from payment_method m
                        join institution i on i.institution_code = m.institution_code
                        where i.region_code like ? and m.year = ? order by 1""")
                .params(regionLike, year).query(this::assignment).list();
    }

    private CasePayments.Assignment assignment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CasePayments.Assignment(rs.getString(1), rs.getInt(2), PaymentMethod.valueOf(rs.getString(3)), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    void assign(CasePayments.Assignment a) {
        jdbc.sql("""
                        insert into payment_method (institution_code, year, method, set_by, set_at) values (?, ?, ?, ?, ?)
                        on conflict (institution_code, year) do update set method = excluded.method, set_by = excluded.set_by,
                            set_at = excluded.set_at""")
                .params(a.institutionCode(), a.year(), a.method().name(), a.setBy(), Timestamp.from(a.setAt())).update();
    }

    /** Whether any stay of an institution discharged in a year is priced by another method than this one. */
    boolean pricedOtherwise(String institution, int year, PaymentMethod method) {
        return jdbc.sql("select exists (select 1 from case_payment where institution_code = ? and period between ? and ? and method <> ?)")
                .params(institution, year + "-01", year + "-12", method.name()).query(Boolean.class).single();
    }

    /** What was announced to the fund clearing for a year's discharge months of a region's institutions, in force per key. */
    List<CasePayments.Announcement> announcements(String regionLike, int year) {
        return jdbc.sql("""
                        select a.method, a.basis, a.institution_code, a.period, a.scheme, a.announced, a.stays, a.announcements
                        from adjustment_announced a join institution i on i.institution_code = a.institution_code
                        where i.region_code like ? and a.period like ?
                        order by 3, 4, 5, 1, case a.basis when 'PROVISIONAL' then 0 else 1 end""")
                .params(regionLike, year + "-%")
                .query((rs, n) -> new CasePayments.Announcement(PaymentMethod.valueOf(rs.getString(1)), CasePayment.Basis.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), Scheme.valueOf(rs.getString(5)), Money.of(rs.getBigDecimal(6)), rs.getInt(7),
                        rs.getInt(8)))
                .list();
    }
}
