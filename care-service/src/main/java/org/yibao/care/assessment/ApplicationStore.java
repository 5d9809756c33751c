package org.yibao.care.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The applications, their assessments' scores and their decisions (tables {@code care_application}, {@code assessment_score}). */
@Repository
class ApplicationStore {

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new application; false (nothing changed) when the person already has an open one (a unique index). */
    boolean insert(Application a) {
        return jdbc.sql("""
                        insert into care_application (application_id, person_id, region_code, kind, setting, institution_code,
                            applied_on, status, filed_by, benefit_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(a.applicationId(), a.personId(), a.regionCode(), a.kind().name(), a.setting().name(), a.institutionCode(),
                        a.appliedOn(), a.status().name(), a.filedBy(), a.benefitId())
                .update() == 1;
    }

    /** Writes an assessment: the state, the total and level, each item's score. */
    void assessed(Application a) {
        Application.Assessment s = a.assessment();
        jdbc.sql("""
                        update care_application set status = ?, scale = ?, total_score = ?, assessed_level = ?, assessed_on = ?,
                            assessed_by = ? where application_id = ?""")
                .params(a.status().name(), s.scale(), s.totalScore(), s.level().name(), s.assessedOn(), s.assessedBy(),
                        a.applicationId())
                .update();
        s.scores().forEach((item, score) -> jdbc.sql("insert into assessment_score (application_id, item, score) values (?, ?, ?)")
                .params(a.applicationId(), item, score).update());
    }

    /** Writes a decision. */
    void decided(Application a) {
        Application.Decision d = a.decision();
        jdbc.sql("""
                        update care_application set status = ?, decided_on = ?, decided_by = ?, decision_reason = ?, benefit_id = ?
                        where application_id = ?""")
                .params(a.status().name(), d.decidedOn(), d.decidedBy(), d.reason(), a.benefitId(), a.applicationId())
                .update();
    }

    /** Reads and locks the application for the rest of the transaction. */
    Optional<Application> lock(UUID id) {
        return jdbc.sql(SELECT + " where application_id = ? for update").param(id).query(this::read).optional();
    }

    Optional<Application> find(UUID id) {
        return jdbc.sql(SELECT + " where application_id = ?").param(id).query(this::read).optional();
    }

    private static final String SELECT = """
            select application_id, person_id, region_code, kind, setting, institution_code, applied_on, status, filed_by,
                   benefit_id, scale, total_score, assessed_level, assessed_on, assessed_by, decided_on, decided_by,
                   decision_reason from care_application""";

    private Application read(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Application.Assessment assessment = rs.getString(11) == null ? null : new Application.Assessment(rs.getString(11),
                scores(id), rs.getInt(12), CareLevel.valueOf(rs.getString(13)), rs.getObject(14, LocalDate.class), rs.getString(15));
        ApplicationState state = ApplicationState.valueOf(rs.getString(8));
        Application.Decision decision = rs.getObject(16, LocalDate.class) == null ? null : new Application.Decision(
                state == ApplicationState.APPROVED, rs.getObject(16, LocalDate.class), rs.getString(17), rs.getString(18));
        return new Application(id, rs.getString(2), rs.getString(3), ApplicationKind.valueOf(rs.getString(4)),
                CareSetting.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class), state, rs.getString(9),
                rs.getObject(10, UUID.class), assessment, decision);
    }

    private Map<String, Integer> scores(UUID id) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        jdbc.sql("select item, score from assessment_score where application_id = ? order by item").param(id)
                .query((ResultSet rs) -> {
                    scores.put(rs.getString(1), rs.getInt(2));
                });
        return scores;
    }
}
