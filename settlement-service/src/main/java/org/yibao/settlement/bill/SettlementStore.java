package org.yibao.settlement.bill;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.contracts.time.BeijingTime;
import org.yibao.settlement.adjudication.Accumulators;
import org.yibao.settlement.adjudication.CalculationStep;
import org.yibao.settlement.adjudication.Claim;
import org.yibao.settlement.adjudication.TreatmentPlace;
import org.yibao.settlement.precheck.Finding;
import org.yibao.settlement.precheck.Verdict;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Settlements as stored: the bill, its lines, and the accumulator delta a reversal undoes. */
@Repository
public class SettlementStore {

    /** A stored settlement with what only the service needs (request hash, accumulator delta). */
    public record Stored(SettlementView view, String requestHash, Accumulators delta) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SettlementStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A settlement's institution (for the owner's check) and its calculation trace, null when the bill was settled
     * before traces were stored (issue 25).
     */
    public record StoredTrace(String institutionCode, SettlementTrace trace) {
    }

    /**
     * Writes a bill with its calculation trace (the steps as the adjudicator built them, stored as jsonb) and the claim the
     * adjudicator was given (what a policy simulation replays, issue 28); the bill draws its number in the order of
     * accumulator changes ({@code settle_seq}) here, under the person's accumulator lock.
     */
    public void insert(SettlementView v, String requestHash, Accumulators delta, List<CalculationStep> steps, Claim claimInput) {
        SettlementAmounts a = v.amounts();
        ClaimFacts f = v.facts();
        jdbc.sql("""
                        insert into settlement (id, idempotency_key, request_hash, person_id, institution_code, region_code,
                            scheme, visit_type, year, service_date, policy_pack, total, full_self_pay, prior_self_pay,
                            policy_scope, deductible, basic_fund, catastrophic, supplementary, assistance, personal_account,
                            cash, lines, accumulator_delta, settled_at, diagnosis_codes, precheck_outcome, precheck_reasons,
                            treatment_place, person_type, emergency, admitted_at, discharged_at, procedure_codes, doctor_code,
                            department_code, precheck_findings, calculation_trace, claim_input)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?,
                                ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)""")
                .params(v.id(), v.messageId(), requestHash, v.personId(), v.institutionCode(), v.regionCode(),
                        v.scheme().name(), v.visitType().name(), v.serviceDate().getYear(), v.serviceDate(), v.policyPack(),
                        a.total().amount(), a.fullSelfPay().amount(), a.priorSelfPay().amount(), a.policyScope().amount(),
                        a.deductible().amount(), a.basicFund().amount(), a.catastrophic().amount(),
                        a.supplementary().amount(), a.assistance().amount(), a.personalAccount().amount(),
                        a.cash().amount(), json.writeValueAsString(new StoredLines(v.lines(), v.uncataloguedItems())),
                        json.writeValueAsString(delta), Timestamp.from(v.settledAt()),
                        String.join(",", v.diagnosisCodes()), v.preCheck().outcome().name(),
                        truncate(String.join("; ", v.preCheck().reasons())), v.place().name(),
                        f.personType() == null ? null : f.personType().name(), f.emergency(), f.admittedAt(), f.dischargedAt(),
                        f.procedureCodes().isEmpty() ? null : String.join(",", f.procedureCodes()), f.doctorCode(),
                        f.departmentCode(), json.writeValueAsString(v.preCheck().findings()), json.writeValueAsString(steps),
                        json.writeValueAsString(claimInput))
                .update();
    }

    /** A settlement's institution and stored trace; empty when there is no such settlement. */
    public Optional<StoredTrace> trace(UUID id) {
        return jdbc.sql("select institution_code, policy_pack, calculation_trace from settlement where id = ?").param(id)
                .query((rs, n) -> {
                    String steps = rs.getString(3);
                    return new StoredTrace(rs.getString(1),
                            steps == null ? null : new SettlementTrace(id, rs.getString(2), json.readValue(steps, STEPS)));
                })
                .optional();
    }

    private static final tools.jackson.core.type.TypeReference<List<CalculationStep>> STEPS = new tools.jackson.core.type.TypeReference<>() {
    };

    /** The settlement an institution made under this message id (ids are per institution). */
    public Optional<Stored> byMessageId(String institutionCode, String messageId) {
        return jdbc.sql(SELECT + " where institution_code = ? and idempotency_key = ?").params(institutionCode, messageId)
                .query((rs, n) -> read(rs)).optional();
    }

    public Optional<Stored> byId(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> read(rs)).optional();
    }

    /** Reads and locks a settlement for the rest of the transaction (for reversal). */
    public Optional<Stored> lock(UUID id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query((rs, n) -> read(rs)).optional();
    }

    public List<SettlementView> forPersonAndYear(String personId, int year) {
        return jdbc.sql(SELECT + " where person_id = ? and year = ? order by settled_at, id").params(personId, year)
                .query((rs, n) -> read(rs).view()).list();
    }

    /** Settled or reversed between two days inclusive, in Beijing time (the bureau's day), by when settled. */
    public List<SettlementView> ofInstitution(String institutionCode, LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(BeijingTime.ZONE).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant());
        return jdbc.sql(SELECT + " where institution_code = ? and ((settled_at >= ? and settled_at < ?) or (reversed_at >= ? and reversed_at < ?))"
                        + " order by settled_at, id")
                .params(institutionCode, start, end, start, end)
                .query((rs, n) -> read(rs).view()).list();
    }

    /** Marks a bill reversed; the reversal draws its number in the order of accumulator changes, under the person's lock. */
    public void markReversed(UUID id, UUID reversalId, Instant at, String reason) {
        jdbc.sql("update settlement set reversal_id = ?, reversed_at = ?, reversal_reason = ?,"
                        + " reversal_seq = nextval('settlement_event_seq') where id = ?")
                .params(reversalId, Timestamp.from(at), reason, id).update();
    }

    private static final String SELECT = """
            select id, idempotency_key, request_hash, person_id, institution_code, region_code, scheme, visit_type,
                   service_date, policy_pack, total, full_self_pay, prior_self_pay, policy_scope, deductible, basic_fund,
                   catastrophic, supplementary, assistance, personal_account, cash, lines, accumulator_delta, settled_at,
                   reversal_id, reversed_at, reversal_reason, diagnosis_codes, precheck_outcome, precheck_reasons,
                   treatment_place, person_type, emergency, admitted_at, discharged_at, procedure_codes, doctor_code,
                   department_code, precheck_findings
            from settlement""";

    private Stored read(ResultSet rs) throws SQLException {
        SettlementAmounts amounts = new SettlementAmounts(money(rs, 11), money(rs, 12), money(rs, 13), money(rs, 14),
                money(rs, 15), money(rs, 16), money(rs, 17), money(rs, 18), money(rs, 19), money(rs, 20), money(rs, 21));
        StoredLines lines = json.readValue(rs.getString(22), StoredLines.class);
        Timestamp reversedAt = rs.getTimestamp(26);
        String diagnoses = rs.getString(28);
        SettlementStatus status = reversedAt == null ? SettlementStatus.SETTLED : SettlementStatus.REVERSED;
        SettlementView view = new SettlementView(rs.getObject(1, UUID.class), status,
                rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(6), Scheme.valueOf(rs.getString(7)),
                VisitType.valueOf(rs.getString(8)), TreatmentPlace.valueOf(rs.getString(31)), rs.getObject(9, LocalDate.class),
                diagnoses == null || diagnoses.isEmpty() ? List.of() : Arrays.asList(diagnoses.split(",")),
                rs.getString(10), amounts, lines.lines(), lines.uncatalogued(),
                new Verdict(Verdict.Outcome.valueOf(rs.getString(29)), reasons(rs.getString(30)), findings(rs.getString(39))),
                rs.getTimestamp(24).toInstant(), rs.getObject(25, UUID.class), reversedAt == null ? null : reversedAt.toInstant(),
                rs.getString(27), facts(rs));
        return new Stored(view, rs.getString(3), json.readValue(rs.getString(23), Accumulators.class));
    }

    /** Columns 32 to 38: the bill's facts for the audit. */
    private static ClaimFacts facts(ResultSet rs) throws SQLException {
        String personType = rs.getString(32);
        String procedures = rs.getString(36);
        return new ClaimFacts(personType == null ? null : PersonType.valueOf(personType), rs.getBoolean(33),
                rs.getObject(34, LocalDateTime.class), rs.getObject(35, LocalDateTime.class),
                procedures == null || procedures.isEmpty() ? List.of() : Arrays.asList(procedures.split(",")),
                rs.getString(37), rs.getString(38));
    }

    private List<Finding> findings(String stored) {
        return stored == null ? List.of() : json.readValue(stored, FINDINGS);
    }

    private static final tools.jackson.core.type.TypeReference<List<Finding>> FINDINGS = new tools.jackson.core.type.TypeReference<>() {
    };

    private static List<String> reasons(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("; "));
    }

    private static String truncate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private static Money money(ResultSet rs, int column) throws SQLException {
        return Money.of(rs.getBigDecimal(column));
    }

    record StoredLines(List<LineView> lines, List<String> uncatalogued) {
    }
}
