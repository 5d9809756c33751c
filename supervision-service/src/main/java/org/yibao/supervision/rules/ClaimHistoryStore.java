package org.yibao.supervision.rules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.ClaimLine;
import org.yibao.contracts.events.ClaimSettled;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.money.Price;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All SQL of the smart audit's memory: the settled claims it keeps with their lines (for the rules
 * across claims and for backtesting), reversals, and the deaths civil affairs or public security
 * registered.
 */
@Repository
public class ClaimHistoryStore {

    private static final String CLAIM_COLUMNS = """
            settlement_id, person_id, institution, region_code, visit_type, service_date, admitted_at, discharged_at,
            emergency, person_type, diagnosis_codes, procedure_codes, total""";

    private final JdbcClient jdbc;

    ClaimHistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps a settled claim and its lines once; false when it was already kept (the claim is redelivered)
     * or its reversal came first (then it is kept as reversed, for the record, and not audited).
     */
    public boolean keep(ClaimSettled c) {
        Money drugs = Money.sum(c.lines().stream().filter(l -> l.category() == ItemCategory.DRUG).map(ClaimLine::amount).toList());
        Money fundPaid = c.amounts().total().minus(c.amounts().cash()).minus(c.amounts().personalAccount());
        // one statement: kept unless redelivered, reversed already when its reversal came first
        Optional<Boolean> reversedFirst = jdbc.sql("""
                        insert into audited_claim (settlement_id, person_id, institution, region_code, visit_type, service_date,
                            diagnosis_codes, total, scheme, person_type, emergency, admitted_at, discharged_at, procedure_codes,
                            doctor_code, department_code, policy_pack, fund_paid, drug_amount, test_lines, reversed)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                                exists (select 1 from audited_reversal r where r.settlement_id = ?))
                        on conflict (settlement_id) do nothing returning reversed""")
                .params(c.settlementId(), c.personId(), c.institutionCode(), c.regionCode(), c.visitType().name(), c.serviceDate(),
                        String.join(",", c.diagnosisCodes()), c.amounts().total().amount(), c.scheme() == null ? null : c.scheme().name(),
                        c.personType() == null ? null : c.personType().name(), c.emergency(), c.admittedAt(), c.dischargedAt(),
                        String.join(",", c.procedureCodes()), c.doctorCode(), c.departmentCode(), c.policyPack(),
                        fundPaid.amount(), drugs.amount(),
                        (int) c.lines().stream().filter(l -> l.itemCode().startsWith("S25")).count(), c.settlementId())
                .query(Boolean.class).optional();
        boolean kept = reversedFirst.isPresent();
        if (kept && !c.lines().isEmpty()) {
            jdbc.sql("""
                            insert into audited_line (settlement_id, line_no, item_code, category, item_class, quantity, unit_price, amount,
                                days_of_supply, doctor_code, self_pay, item_name)
                            select ?, l.no, l.code, l.category, l.class, l.quantity, l.price, l.amount, l.days, l.doctor, l.self_pay, l.name
                            from unnest(?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[], ?::numeric[], ?::numeric[],
                                        ?::int[], ?::varchar[], ?::numeric[], ?::varchar[])
                                 as l(no, code, category, class, quantity, price, amount, days, doctor, self_pay, name)""")
                    .params(c.settlementId(), ints(c.lines().size()), c.lines().stream().map(ClaimLine::itemCode).toArray(String[]::new),
                            c.lines().stream().map(l -> l.category().name()).toArray(String[]::new),
                            c.lines().stream().map(l -> l.itemClass().name()).toArray(String[]::new),
                            c.lines().stream().map(ClaimLine::quantity).toArray(BigDecimal[]::new),
                            c.lines().stream().map(l -> l.unitPrice().amount()).toArray(BigDecimal[]::new),
                            c.lines().stream().map(l -> l.amount().amount()).toArray(BigDecimal[]::new),
                            c.lines().stream().map(ClaimLine::daysOfSupply).toArray(Integer[]::new),
                            c.lines().stream().map(ClaimLine::doctorCode).toArray(String[]::new),
                            c.lines().stream().map(l -> l.selfPay().amount()).toArray(BigDecimal[]::new),
                            c.lines().stream().map(l -> l.itemName() == null ? null
                                    : l.itemName().substring(0, Math.min(200, l.itemName().length()))).toArray(String[]::new))
                    .update();
        }
        return kept && !reversedFirst.get();
    }

    /** Marks a claim reversed; a reversal that comes before its claim is remembered for it. */
    public void markReversed(String settlementId) {
        jdbc.sql("insert into audited_reversal (settlement_id) values (?) on conflict do nothing").param(settlementId).update();
        jdbc.sql("update audited_claim set reversed = true where settlement_id = ?").param(settlementId).update();
    }

    /**
     * The person's kept claims other than {@code exceptSettlementId}, not reversed, served from
     * {@code from} to {@code to} inclusive, with their lines.
     */
    public List<ClaimFacts> claimsOf(String personId, String exceptSettlementId, LocalDate from, LocalDate to) {
        return claimsOf(personId, exceptSettlementId, from, to, to, null);
    }

    /**
     * As {@link #claimsOf(String, String, LocalDate, LocalDate)}, of the claims served up to {@code day} and the
     * stays after it up to {@code to} (only stays are read ahead: a later stay's admission may lie before the
     * claim), kept before {@code keptBefore} (a backtest sees what the live audit saw when the claim arrived;
     * all when null).
     */
    public List<ClaimFacts> claimsOf(String personId, String exceptSettlementId, LocalDate from, LocalDate to, LocalDate day,
                                     Instant keptBefore) {
        List<ClaimFacts> claims = jdbc.sql("select " + CLAIM_COLUMNS + """
                         from audited_claim
                        where person_id = ? and settlement_id <> ? and not reversed and service_date between ? and ?
                          and (service_date <= ? or visit_type in ('INPATIENT', 'DELIVERY'))
                          and (?::timestamptz is null or kept_at < ?::timestamptz)
                        order by service_date, settlement_id""")
                .params(personId, exceptSettlementId, from, to, day, ts(keptBefore), ts(keptBefore))
                .query((rs, n) -> claim(rs, List.of())).list();
        return withLines(claims);
    }

    /** A kept claim with when it was kept. */
    public record Kept(ClaimFacts claim, Instant keptAt) {
    }

    /** The kept claims (not reversed) served from {@code from} to {@code to}, in service-date order, after {@code after}, at most {@code limit}. */
    public List<Kept> servedBetween(LocalDate from, LocalDate to, String afterSettlementId, LocalDate afterDate, int limit) {
        Map<String, Instant> keptAt = new HashMap<>();
        List<ClaimFacts> claims = jdbc.sql("select " + CLAIM_COLUMNS + """
                        , kept_at from audited_claim
                        where not reversed and service_date between ? and ? and (service_date, settlement_id) > (?, ?)
                        order by service_date, settlement_id limit ?""")
                .params(from, to, afterDate, afterSettlementId, limit)
                .query((rs, n) -> {
                    keptAt.put(rs.getString(1), rs.getTimestamp(14).toInstant());
                    return claim(rs, List.of());
                }).list();
        return withLines(claims).stream().map(c -> new Kept(c, keptAt.get(c.settlementId()))).toList();
    }

    private static java.sql.Timestamp ts(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    private List<ClaimFacts> withLines(List<ClaimFacts> claims) {
        if (claims.isEmpty()) {
            return claims;
        }
        Map<String, List<ClaimFacts.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        select settlement_id, line_no, item_code, category, item_class, quantity, unit_price, amount, days_of_supply,
                               self_pay, item_name
                        from audited_line where settlement_id = any(?) order by settlement_id, line_no""")
                .param(claims.stream().map(ClaimFacts::settlementId).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    Integer days = rs.getObject(9, Integer.class);
                    lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ClaimFacts.Line(rs.getInt(2), rs.getString(3),
                            rs.getString(11), ItemCategory.valueOf(rs.getString(4)), ItemClass.valueOf(rs.getString(5)), rs.getBigDecimal(6),
                            Price.of(rs.getBigDecimal(7).toPlainString()), Money.of(rs.getBigDecimal(8)), Money.of(rs.getBigDecimal(10)), days));
                });
        return claims.stream().map(c -> new ClaimFacts(c.settlementId(), c.personId(), c.institution(), c.regionCode(), c.year(),
                c.visitType(), c.serviceDate(), c.admittedAt(), c.dischargedAt(), c.emergency(), c.personType(), c.diagnoses(),
                c.procedures(), c.total(), lines.getOrDefault(c.settlementId(), List.of()))).toList();
    }

    public Optional<LocalDate> dateOfDeath(String personId) {
        return jdbc.sql("select date_of_death from death where person_id = ?").param(personId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /** Registers a death; a second registration of the same person replaces the first. */
    public void registerDeath(String personId, LocalDate dateOfDeath, String source) {
        jdbc.sql("""
                        insert into death (person_id, date_of_death, source) values (?, ?, ?)
                        on conflict (person_id) do update set date_of_death = excluded.date_of_death, source = excluded.source""")
                .params(personId, dateOfDeath, source).update();
    }

    /** The person's kept claims, not reversed, begun after {@code day}: served after it, a stay admitted after it (without lines). */
    public List<ClaimFacts> servedAfter(String personId, LocalDate day) {
        return jdbc.sql("select " + CLAIM_COLUMNS + """
                         from audited_claim
                        where person_id = ? and service_date > ? and not reversed
                          and (admitted_at is null or admitted_at::date > ?)""")
                .params(personId, day, day)
                .query((rs, n) -> claim(rs, List.of())).list();
    }

    private static ClaimFacts claim(ResultSet rs, List<ClaimFacts.Line> lines) throws SQLException {
        LocalDate served = rs.getObject(6, LocalDate.class);
        String personType = rs.getString(10);
        return new ClaimFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), served.getYear(),
                VisitType.valueOf(rs.getString(5)), served, rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class),
                rs.getBoolean(9), personType == null ? null : PersonType.valueOf(personType), split(rs.getString(11)), split(rs.getString(12)),
                Money.of(rs.getBigDecimal(13)), lines);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Integer[] ints(int n) {
        Integer[] a = new Integer[n];
        for (int i = 0; i < n; i++) {
            a[i] = i + 1;
        }
        return a;
    }
}
