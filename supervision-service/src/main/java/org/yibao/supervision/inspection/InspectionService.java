package org.yibao.supervision.inspection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Annual inspection plans and the supervision report. A plan reaches every institution with an
 * agreement (全覆盖); the order and the two inspectors of each visit are drawn at random (双随机) from
 * a seed that is stored with the plan, so anyone can redo the draw and see it was not chosen by hand.
 */
@Service
public class InspectionService {

    private final JdbcClient jdbc;

    InspectionService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, Object> plan(int year, List<String> inspectors, long seed, String createdBy) {
        List<String> pool = inspectors.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (pool.size() < 2) {
            throw new InvalidRequestException("inspectors", "needs at least two different inspectors");
        }
        try {
            jdbc.sql("insert into inspection_plan (year, seed, created_by) values (?, ?, ?)").params(year, seed, createdBy).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the " + year + " inspection plan was already drawn");
        }
        List<String> institutions = new ArrayList<>(jdbc.sql(
                "select code from institution where status <> 'TERMINATED' order by code").query(String.class).list());
        Random random = new Random(seed);
        Collections.shuffle(institutions, random);
        for (int i = 0; i < institutions.size(); i++) {
            List<String> drawn = new ArrayList<>(pool);
            Collections.shuffle(drawn, random);
            jdbc.sql("insert into inspection (year, institution, position, inspector_a, inspector_b) values (?, ?, ?, ?, ?)")
                    .params(year, institutions.get(i), i + 1, drawn.get(0), drawn.get(1)).update();
        }
        return Map.of("year", year, "seed", seed, "institutions", institutions.size());
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> inspections(int year) {
        return jdbc.sql("""
                        select position, institution, inspector_a, inspector_b, inspected_on, finding from inspection
                        where year = ? order by position""").param(year).query().listOfRows();
    }

    /**
     * Records an inspection's result. The inspection belongs to the two inspectors the plan drew for
     * it: only one of them records it (the caller's staff id from the token).
     *
     * @throws NotFoundException  (404) when the plan has no open inspection of the institution
     * @throws ForbiddenException (403) when the recorder is not one of the drawn inspectors
     */
    @Transactional
    public void record(int year, String institution, LocalDate inspectedOn, String finding, String note, String recorder) {
        if (!finding.equals("CLEAN") && !finding.equals("VIOLATION")) {
            throw new InvalidRequestException("finding", "must be CLEAN or VIOLATION");
        }
        List<String> inspectors = jdbc.sql("""
                        select inspector_a, inspector_b from inspection
                        where year = ? and institution = ? and inspected_on is null for update""")
                .params(year, institution).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFoundException("no open inspection of " + institution + " in the " + year + " plan"));
        if (!inspectors.contains(recorder)) {
            throw new ForbiddenException("the " + year + " inspection of " + institution + " was drawn for " + inspectors
                    + "; " + recorder + " may not record its result");
        }
        jdbc.sql("""
                        update inspection set inspected_on = ?, finding = ?, note = ?, recorded_by = ?
                        where year = ? and institution = ?""")
                .params(inspectedOn, finding, note, recorder, year, institution).update();
    }

    /** The year's supervision report, as the Zhumadian seed gives it. */
    @Transactional(readOnly = true)
    public Map<String, Object> report(int year) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("year", year);
        r.put("institutions", count("select count(*) from institution where status <> 'TERMINATED'"));
        r.put("planned", count("select count(*) from inspection where year = " + year));
        r.put("inspected", count("select count(*) from inspection where year = " + year + " and inspected_on is not null"));
        r.put("suspended", count("select count(*) from agreement_change where status = 'SUSPENDED' and extract(year from effective_from) = " + year));
        r.put("terminated", count("select count(*) from agreement_change where status = 'TERMINATED' and extract(year from effective_from) = " + year));
        r.put("referredToJudiciary", count("select count(*) from supervision_case where outcome = 'JUDICIAL_REFERRAL' and status = 'CLOSED' and extract(year from closed_at) = " + year));
        BigDecimal recovered = jdbc.sql("""
                        select coalesce(sum(recovery_amount), 0) from supervision_case
                        where outcome = 'FUND_RECOVERY' and status = 'CLOSED' and extract(year from closed_at) = ?""")
                .param(year).query(BigDecimal.class).single();
        r.put("recovered", Money.of(recovered));
        r.put("violationsByRule", jdbc.sql("""
                        select rule, count(*) as count, sum(amount_at_risk) as amount_at_risk from violation
                        where extract(year from detected_at) = ? group by rule order by rule""")
                .param(year).query().listOfRows());
        return r;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
