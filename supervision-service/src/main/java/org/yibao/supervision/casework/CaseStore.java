package org.yibao.supervision.casework;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** All SQL of clues and cases: the clues, the cases and every step of their audit trail. */
@Repository
class CaseStore {

    /** A clue as opening a case sees it. */
    record Clue(UUID clueId, String institution, UUID caseId) {
    }

    private static final String SELECT_CASE = """
            select case_id, institution, status, investigator, findings, settlement_ids, decider, outcome, recovery_amount,
                   reviewer, opened_at, closed_at from supervision_case""";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addClue(UUID clueId, CaseRequests.Clue r) {
        jdbc.sql("insert into clue (clue_id, source, institution, description, violation_id) values (?, ?, ?, ?, ?)")
                .params(clueId, r.source().name(), r.institutionCode(), r.description(), r.violationId()).update();
    }

    /** The clues of these ids that exist, locked until the transaction ends. */
    List<Clue> lockClues(List<UUID> clueIds) {
        return jdbc.sql("select clue_id, institution, case_id from clue where clue_id = any(?) for update")
                .param(clueIds.toArray(UUID[]::new))
                .query((rs, n) -> new Clue(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
    }

    /** Opens a case on the institution and makes the clues part of it. */
    void open(UUID caseId, String institution, String investigator, List<UUID> clueIds) {
        jdbc.sql("insert into supervision_case (case_id, institution, status, investigator) values (?, ?, ?, ?)")
                .params(caseId, institution, CaseStep.OPENED.to().name(), investigator).update();
        jdbc.sql("update clue set case_id = ? where clue_id = any(?)").params(caseId, clueIds.toArray(UUID[]::new)).update();
    }

    Optional<Case> find(UUID caseId) {
        return jdbc.sql(SELECT_CASE + " where case_id = ?").param(caseId).query(CaseStore::supervisionCase).optional();
    }

    /** The case, locked until the transaction ends. */
    Optional<Case> lock(UUID caseId) {
        return jdbc.sql(SELECT_CASE + " where case_id = ? for update").param(caseId).query(CaseStore::supervisionCase).optional();
    }

    /**
     * One page of cases, in the status when given: the open ones (not CLOSED) first, each group the oldest
     * opened first.
     */
    List<Case> page(Optional<CaseStatus> status, int limit, int offset) {
        return jdbc.sql(SELECT_CASE + """
                         where (:status::varchar is null or status = :status::varchar)
                        order by status = 'CLOSED', opened_at, case_id limit :limit offset :offset""")
                .param("status", status.map(Enum::name).orElse(null)).param("limit", limit).param("offset", offset)
                .query(CaseStore::supervisionCase).list();
    }

    long count(Optional<CaseStatus> status) {
        return jdbc.sql("select count(*) from supervision_case where (:status::varchar is null or status = :status::varchar)")
                .param("status", status.map(Enum::name).orElse(null)).query(Long.class).single();
    }

    private static final String CLUE_FILTER = """
             from clue c left join supervision_case k on k.case_id = c.case_id
            where (:open::boolean is null or (c.case_id is null or k.status <> 'CLOSED') = :open::boolean)""";

    /**
     * One page of clues, the oldest received first, with the case that uses each; when {@code open} is given,
     * only the open clues (no case yet, or a case not closed) or only the others.
     */
    List<ClueView> clues(Optional<Boolean> open, int limit, int offset) {
        return jdbc.sql("select c.clue_id, c.source, c.institution, c.description, c.violation_id, c.received_at, c.case_id"
                        + CLUE_FILTER + " order by c.received_at, c.clue_id limit :limit offset :offset")
                .param("open", open.orElse(null)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new ClueView(rs.getObject(1, UUID.class), CaseRequests.ClueSource.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, UUID.class)))
                .list();
    }

    long countClues(Optional<Boolean> open) {
        return jdbc.sql("select count(*)" + CLUE_FILTER).param("open", open.orElse(null)).query(Long.class).single();
    }

    /** @param settlementIds comma-separated, "" for none */
    void recordFindings(UUID caseId, String findings, String settlementIds, CaseStatus status) {
        jdbc.sql("update supervision_case set findings = ?, settlement_ids = ?, status = ? where case_id = ?")
                .params(findings, settlementIds, status.name(), caseId).update();
    }

    void recordDecision(UUID caseId, String decider, CaseRequests.Outcome outcome, BigDecimal recoveryAmount, CaseStatus status) {
        jdbc.sql("""
                        update supervision_case set decider = ?, outcome = ?, recovery_amount = ?, status = ?
                        where case_id = ?""")
                .params(decider, outcome.name(), recoveryAmount, status.name(), caseId).update();
    }

    /** Clears a returned decision. */
    void clearDecision(UUID caseId, CaseStatus status) {
        jdbc.sql("update supervision_case set status = ?, decider = null, outcome = null, recovery_amount = null where case_id = ?")
                .params(status.name(), caseId).update();
    }

    void close(UUID caseId, String reviewer, CaseStatus status) {
        jdbc.sql("update supervision_case set reviewer = ?, status = ?, closed_at = now() where case_id = ?")
                .params(reviewer, status.name(), caseId).update();
    }

    void addStep(UUID caseId, CaseStep step, String staffId, CaseRole role, String detail) {
        jdbc.sql("insert into case_step (case_id, step, staff_id, role, detail) values (?, ?, ?, ?, ?)")
                .params(caseId, step.name(), staffId, role.name(), detail).update();
    }

    /** The case's audit trail, in order. */
    List<TrailStep> trail(UUID caseId) {
        return jdbc.sql("select step, staff_id, role, detail, taken_at from case_step where case_id = ? order by id")
                .param(caseId)
                .query((rs, n) -> new TrailStep(CaseStep.valueOf(rs.getString(1)), rs.getString(2),
                        CaseRole.valueOf(rs.getString(3)), rs.getString(4), date(rs.getTimestamp(5))))
                .list();
    }

    private static Case supervisionCase(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString(8);
        return new Case(rs.getObject(1, UUID.class), rs.getString(2), CaseStatus.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), outcome == null ? null : CaseRequests.Outcome.valueOf(outcome),
                rs.getBigDecimal(9), rs.getString(10), date(rs.getTimestamp(11)), date(rs.getTimestamp(12)));
    }

    private static Date date(Timestamp t) {
        return t == null ? null : new Date(t.getTime());
    }
}
