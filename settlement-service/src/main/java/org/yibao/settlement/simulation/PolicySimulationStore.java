package org.yibao.settlement.simulation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.region.Regions;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.Claim;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** Policy simulations as stored, and the settled bills a replay reads (all SQL of the concept). */
@Repository
class PolicySimulationStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PolicySimulationStore.class);

    /** A simulation as stored; {@code result} is the result's JSON, null until it succeeded. */
    record Stored(UUID id, String requestedBy, Instant requestedAt, String candidateLabel, String candidateRegion,
                  Scheme candidateScheme, String candidateYaml, int year, LocalDate from, LocalDate to, SimulationStatus status,
                  Long upToSeq, Long billsTotal, long billsDone, Instant startedAt, Instant finishedAt, String failure,
                  String result) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PolicySimulationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String requestedBy, Instant at, String label, String region, Scheme scheme, String yaml, int year,
                LocalDate from, LocalDate to) {
        jdbc.sql("""
                        insert into policy_simulation (id, requested_by, requested_at, candidate_label, candidate_region,
                            candidate_scheme, candidate_yaml, year, period_from, period_to, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')""")
                .params(id, requestedBy, Timestamp.from(at), label, region, scheme.name(), yaml, year, from, to).update();
    }

    Optional<Stored> byId(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> read(rs)).optional();
    }

    /** The latest simulations first, at most {@code limit}. */
    List<Stored> latest(int limit) {
        return jdbc.sql(SELECT + " order by requested_at desc, id limit ?").param(limit).query((rs, n) -> read(rs)).list();
    }

    /** A claimed run: its id and how many times a worker has claimed it (this claim included). */
    record Claimed(UUID id, int attempts) {
    }

    /**
     * Claims the oldest queued simulation, or a running one whose worker gave no sign of life for {@code stale}; the
     * claim starts it over under {@code worker}. Several instances may ask at once: each run goes to one.
     */
    Optional<Claimed> claimNext(UUID worker, Duration stale) {
        return jdbc.sql("""
                        update policy_simulation set status = 'RUNNING', claimed_by = ?, started_at = now(), heartbeat_at = now(),
                            bills_done = 0, bills_total = null, up_to_seq = null, attempts = attempts + 1
                        where id = (select id from policy_simulation
                                    where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?))
                                    order by requested_at limit 1 for update skip locked)
                        returning id, attempts""")
                .params(worker, (double) stale.toSeconds())
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getInt(2))).optional();
    }

    /** A running simulation's sign of life; false when the run is no longer this worker's. */
    boolean heartbeat(UUID id, UUID worker) {
        return jdbc.sql("update policy_simulation set heartbeat_at = now() where id = ? and claimed_by = ? and status = 'RUNNING'")
                .params(id, worker).update() == 1;
    }

    /** How many simulations a staff member has queued or running. */
    int open(String requestedBy) {
        return jdbc.sql("select count(*) from policy_simulation where requested_by = ? and status in ('QUEUED', 'RUNNING')")
                .param(requestedBy).query(Integer.class).single();
    }

    /** Records the replay's scope; false when the run is no longer this worker's. */
    boolean scope(UUID id, UUID worker, long upToSeq, long billsTotal) {
        return jdbc.sql("update policy_simulation set up_to_seq = ?, bills_total = ?, heartbeat_at = now()"
                        + " where id = ? and claimed_by = ? and status = 'RUNNING'")
                .params(upToSeq, billsTotal, id, worker).update() == 1;
    }

    /** Records progress (and a sign of life); false when the run is no longer this worker's. */
    boolean progress(UUID id, UUID worker, long billsDone) {
        return jdbc.sql("update policy_simulation set bills_done = ?, heartbeat_at = now()"
                        + " where id = ? and claimed_by = ? and status = 'RUNNING'")
                .params(billsDone, id, worker).update() == 1;
    }

    boolean succeed(UUID id, UUID worker, long billsDone, SimulationResult result) {
        return jdbc.sql("update policy_simulation set status = 'SUCCEEDED', bills_done = ?, finished_at = now(), result = ?::jsonb"
                        + " where id = ? and claimed_by = ? and status = 'RUNNING'")
                .params(billsDone, json.writeValueAsString(result), id, worker).update() == 1;
    }

    void fail(UUID id, UUID worker, String why) {
        jdbc.sql("update policy_simulation set status = 'FAILED', finished_at = now(), failure = ?"
                        + " where id = ? and claimed_by = ? and status = 'RUNNING'")
                .params(why.length() <= 2000 ? why : why.substring(0, 2000), id, worker).update();
    }

    SimulationResult result(String stored) {
        return json.readValue(stored, SimulationResult.class);
    }

    /**
     * The last number drawn for a settlement or reversal: a replay reads what was numbered up to it. A number drawn by
     * a transaction still in flight then is read if that bill committed before its person's page was read: each person's
     * bills stay consistent (they were numbered under the person's lock), the run as a whole is not one instant, and
     * {@code bills_done} may end a little above {@code bills_total}.
     */
    long lastSeq() {
        return jdbc.sql("select case when is_called then last_value else 0 end from settlement_event_seq")
                .query(Long.class).single();
    }

    /** How many bills the replay reads: every bill of the year and scheme of the persons with one in the region. */
    long billsInScope(int year, Scheme scheme, String region, long upToSeq) {
        return jdbc.sql("""
                        select count(*) from settlement
                        where year = ? and scheme = ? and (settle_seq is null or settle_seq <= ?) and person_id in (
                            select person_id from settlement where year = ? and scheme = ? and region_code like ?
                                and (settle_seq is null or settle_seq <= ?))""")
                .params(year, scheme.name(), upToSeq, year, scheme.name(), Regions.likePattern(region), upToSeq)
                .query(Long.class).single();
    }

    /** A person with a bill of the year and scheme in the region, and how many bills of the year and scheme they have. */
    record PersonBills(String personId, long bills) {
    }

    /**
     * The next persons (by id, after {@code after}) with a bill of the year and scheme in the region, at most
     * {@code limit}, each with the number of their bills the replay reads (so a page can be cut by bills, not persons).
     */
    List<PersonBills> personsAfter(String after, int year, Scheme scheme, String region, long upToSeq, int limit) {
        return jdbc.sql("""
                        select person_id, count(*) from settlement
                        where person_id > ? and year = ? and scheme = ? and (settle_seq is null or settle_seq <= ?)
                        group by person_id having bool_or(region_code like ?)
                        order by person_id limit ?""")
                .params(after, year, scheme.name(), upToSeq, Regions.likePattern(region), limit)
                .query((rs, n) -> new PersonBills(rs.getString(1), rs.getLong(2))).list();
    }

    /**
     * The place of bills settled before settlements were numbered (V16), and of their reversals from then: before every
     * numbered one (their claims were not kept, so they count as settled, and their order among themselves changes no sum).
     */
    static final long SETTLED_BEFORE_NUMBERING = -2;
    static final long REVERSED_BEFORE_NUMBERING = -1;

    /**
     * Every bill of the persons in the year and scheme, numbered up to {@code upToSeq} (and those settled before
     * numbering), by person and then in order.
     */
    List<ReplayBill> bills(List<String> persons, int year, Scheme scheme, long upToSeq) {
        return jdbc.sql("""
                        select id, person_id, scheme, year, service_date, visit_type, region_code, policy_pack, total,
                               full_self_pay, prior_self_pay, policy_scope, deductible, basic_fund, catastrophic, supplementary,
                               assistance, personal_account, cash, accumulator_delta, claim_input, coalesce(settle_seq, ?),
                               case when reversal_seq <= ? then reversal_seq
                                    when reversal_seq is null and reversed_at is not null then ? end
                        from settlement
                        where person_id = any(?) and year = ? and scheme = ? and (settle_seq is null or settle_seq <= ?)
                        order by person_id, settle_seq nulls first""")
                .params(SETTLED_BEFORE_NUMBERING, upToSeq, REVERSED_BEFORE_NUMBERING, (Object) persons.toArray(String[]::new), year,
                        scheme.name(), upToSeq)
                .query((rs, n) -> bill(rs)).list();
    }

    private ReplayBill bill(ResultSet rs) throws SQLException {
        SettlementAmounts amounts = new SettlementAmounts(money(rs, 9), money(rs, 10), money(rs, 11), money(rs, 12),
                money(rs, 13), money(rs, 14), money(rs, 15), money(rs, 16), money(rs, 17), money(rs, 18), money(rs, 19));
        long reversal = rs.getLong(23);
        boolean notReversed = rs.wasNull();
        UUID id = rs.getObject(1, UUID.class);
        return new ReplayBill(id, rs.getString(2), Scheme.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getObject(5, LocalDate.class), VisitType.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                amounts, json.readValue(rs.getString(20), Accumulators.class), claim(id, rs.getString(21)), rs.getLong(22),
                notReversed ? OptionalLong.empty() : OptionalLong.of(reversal));
    }

    /**
     * A bill's stored claim; empty when none was kept, or when it no longer reads as a {@link Claim} (the record changed
     * since): such a bill is counted as settled rather than failing the whole replay.
     */
    private Optional<Claim> claim(UUID id, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, Claim.class));
        } catch (RuntimeException e) {
            log.warn("settlement {}: its stored claim does not read ({}); a replay counts it as settled", id, e.getMessage());
            return Optional.empty();
        }
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        return Money.of(rs.getBigDecimal(column));
    }

    private static final String SELECT = """
            select id, requested_by, requested_at, candidate_label, candidate_region, candidate_scheme, candidate_yaml, year,
                   period_from, period_to, status, up_to_seq, bills_total, bills_done, started_at, finished_at, failure, result
            from policy_simulation""";

    private static Stored read(ResultSet rs) throws SQLException {
        return new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5), Scheme.valueOf(rs.getString(6)), rs.getString(7), rs.getInt(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), SimulationStatus.valueOf(rs.getString(11)), rs.getObject(12, Long.class),
                rs.getObject(13, Long.class), rs.getLong(14), instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)),
                rs.getString(17), rs.getString(18));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
