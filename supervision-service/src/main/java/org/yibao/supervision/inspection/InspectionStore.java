package org.yibao.supervision.inspection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yibao.contracts.events.AuditRule;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * All SQL of inspection plans and of the supervision report (which counts over the institutions,
 * their agreement decisions, the cases and the smart audit's findings).
 */
@Repository
class InspectionStore {

    private final JdbcClient jdbc;

    InspectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a year's plan; false when the year's plan was already drawn. */
    boolean addPlan(int year, long seed, String createdBy) {
        try {
            jdbc.sql("insert into inspection_plan (year, seed, created_by) values (?, ?, ?)").params(year, seed, createdBy).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The institutions whose agreement is not terminated, by code. */
    List<String> institutionsToInspect() {
        return jdbc.sql("select code from institution where status <> 'TERMINATED' order by code").query(String.class).list();
    }

    void addInspection(int year, String institution, int position, String inspectorA, String inspectorB) {
        jdbc.sql("insert into inspection (year, institution, position, inspector_a, inspector_b) values (?, ?, ?, ?, ?)")
                .params(year, institution, position, inspectorA, inspectorB).update();
    }

    /** The year's visits in the drawn order. */
    List<Inspection> inspections(int year) {
        return jdbc.sql("""
                        select position, institution, inspector_a, inspector_b, inspected_on, finding from inspection
                        where year = ? order by position""")
                .param(year)
                .query((rs, n) -> new Inspection(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6) == null ? null : InspectionFinding.valueOf(rs.getString(6))))
                .list();
    }

    /** The two inspectors drawn for the year's visit of the institution, locked, while it has no result. */
    Optional<List<String>> lockOpen(int year, String institution) {
        return jdbc.sql("""
                        select inspector_a, inspector_b from inspection
                        where year = ? and institution = ? and inspected_on is null for update""")
                .params(year, institution).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).optional();
    }

    void recordResult(int year, String institution, LocalDate inspectedOn, InspectionFinding finding, String note,
                      String recorder) {
        jdbc.sql("""
                        update inspection set inspected_on = ?, finding = ?, note = ?, recorded_by = ?
                        where year = ? and institution = ?""")
                .params(inspectedOn, finding.name(), note, recorder, year, institution).update();
    }

    /** The year's report. */
    SupervisionReport report(int year) {
        BigDecimal recovered = jdbc.sql("""
                        select coalesce(sum(recovery_amount), 0) from supervision_case
                        where outcome = 'FUND_RECOVERY' and status = 'CLOSED' and extract(year from closed_at) = ?""")
                .param(year).query(BigDecimal.class).single();
        List<SupervisionReport.RuleCount> byRule = jdbc.sql("""
                        select rule, count(*) as count, sum(amount_at_risk) as amount_at_risk from violation
                        where extract(year from detected_at) = ? group by rule order by rule""")
                .param(year)
                .query((rs, n) -> new SupervisionReport.RuleCount(AuditRule.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getBigDecimal(3)))
                .list();
        return new SupervisionReport(year,
                count("select count(*) from institution where status <> 'TERMINATED'"),
                count("select count(*) from inspection where year = ?", year),
                count("select count(*) from inspection where year = ? and inspected_on is not null", year),
                count("select count(*) from agreement_change where status = 'SUSPENDED' and extract(year from effective_from) = ?", year),
                count("select count(*) from agreement_change where status = 'TERMINATED' and extract(year from effective_from) = ?", year),
                count("""
                        select count(*) from supervision_case where outcome = 'JUDICIAL_REFERRAL' and status = 'CLOSED'
                          and extract(year from closed_at) = ?""", year),
                Money.of(recovered), byRule);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
