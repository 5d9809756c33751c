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
