package org.yibao.supervision.casework;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AgreementStatus;
import org.yibao.contracts.events.FundRecoveryOrdered;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.supervision.institution.Institution;
import org.yibao.supervision.institution.InstitutionRequests;
import org.yibao.supervision.institution.InstitutionService;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clues and cases. A case is investigated (查), decided (处) and reviewed (审) by three different staff
 * members, each with the role for the step; the service refuses a step by someone who took another
 * step of the same case. Only a reviewed, approved decision takes effect: a fund recovery is
 * announced (FundRecoveryOrdered), a suspension or termination changes the institution's agreement.
 * Every step is kept in the case's audit trail.
 */
@Service
public class CaseService {

    static final String INVESTIGATOR = "INVESTIGATOR";
    static final String DECIDER = "DECIDER";
    static final String REVIEWER = "REVIEWER";

    private final JdbcClient jdbc;
    private final InstitutionService institutions;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    CaseService(JdbcClient jdbc, InstitutionService institutions, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public UUID receiveClue(CaseRequests.Clue r) {
        institutions.find(r.institutionCode())
                .orElseThrow(() -> new InvalidRequestException("institutionCode", "is not a registered institution"));
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into clue (clue_id, source, institution, description, violation_id) values (?, ?, ?, ?, ?)")
                .params(id, r.source().name(), r.institutionCode(), r.description(), r.violationId()).update();
        meters.counter("yibao.supervision.clues", "source", r.source().name()).increment();
        return id;
    }

    @Transactional
    public Map<String, Object> open(Staff staff, CaseRequests.Open r) {
        require(staff, INVESTIGATOR);
        List<Map<String, Object>> clues = jdbc.sql("select clue_id, institution, case_id from clue where clue_id = any(?) for update")
                .param(r.clueIds().toArray(UUID[]::new)).query().listOfRows();
        if (clues.size() != r.clueIds().stream().distinct().count()) {
            throw new InvalidRequestException("clueIds", "names a clue that does not exist");
        }
        if (clues.stream().map(c -> c.get("institution")).distinct().count() != 1) {
            throw new InvalidRequestException("clueIds", "must all concern one institution");
        }
        if (clues.stream().anyMatch(c -> c.get("case_id") != null)) {
            throw new ConflictException("a clue is already part of a case");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into supervision_case (case_id, institution, status, investigator) values (?, ?, 'INVESTIGATING', ?)")
                .params(id, clues.get(0).get("institution"), staff.id()).update();
        jdbc.sql("update clue set case_id = ? where clue_id = any(?)").params(id, r.clueIds().toArray(UUID[]::new)).update();
        step(id, "OPENED", staff, INVESTIGATOR, clues.size() + " clue(s)");
        return get(id);
    }

    @Transactional
    public Map<String, Object> submitFindings(UUID caseId, Staff staff, CaseRequests.Findings r) {
        Map<String, Object> c = lock(caseId, "INVESTIGATING");
        require(staff, INVESTIGATOR);
        if (!staff.id().equals(c.get("investigator"))) {
            throw new ForbiddenException("only the case's investigator submits its findings");
        }
        jdbc.sql("update supervision_case set findings = ?, settlement_ids = ?, status = 'DECIDING' where case_id = ?")
                .params(r.findings(), r.settlementIds() == null ? "" : String.join(",", r.settlementIds()), caseId).update();
        step(caseId, "FINDINGS", staff, INVESTIGATOR, r.findings());
        return get(caseId);
    }

    @Transactional
    public Map<String, Object> decide(UUID caseId, Staff staff, CaseRequests.Decision r) {
        Map<String, Object> c = lock(caseId, "DECIDING");
        require(staff, DECIDER);
        if (staff.id().equals(c.get("investigator"))) {
            throw new ForbiddenException("the investigator of a case cannot decide it (查、处、审分离)");
        }
        if ((r.outcome() == CaseRequests.Outcome.FUND_RECOVERY) != (r.recoveryAmount() != null)) {
            throw new InvalidRequestException("recoveryAmount", r.outcome() == CaseRequests.Outcome.FUND_RECOVERY
                    ? "is required for a fund recovery" : "applies to a fund recovery only");
        }
        jdbc.sql("""
                        update supervision_case set decider = ?, outcome = ?, recovery_amount = ?, status = 'REVIEWING'
                        where case_id = ?""")
                .params(staff.id(), r.outcome().name(),
                        r.recoveryAmount() == null ? null : r.recoveryAmount().setScale(2, RoundingMode.HALF_UP), caseId)
                .update();
        step(caseId, "DECISION", staff, DECIDER, r.outcome() + ": " + r.reason());
        return get(caseId);
    }

    @Transactional
    public Map<String, Object> review(UUID caseId, Staff staff, CaseRequests.Review r) {
        Map<String, Object> c = lock(caseId, "REVIEWING");
        require(staff, REVIEWER);
        if (staff.id().equals(c.get("investigator")) || staff.id().equals(c.get("decider"))) {
            throw new ForbiddenException("a case's investigator or decider cannot review it (查、处、审分离)");
        }
        if (!r.approved()) {
            jdbc.sql("update supervision_case set status = 'DECIDING', decider = null, outcome = null, recovery_amount = null where case_id = ?")
                    .param(caseId).update();
            step(caseId, "RETURNED", staff, REVIEWER, r.comment());
            return get(caseId);
        }
        jdbc.sql("update supervision_case set reviewer = ?, status = 'CLOSED', closed_at = now() where case_id = ?")
                .params(staff.id(), caseId).update();
        step(caseId, "APPROVED", staff, REVIEWER, r.comment());
        takeEffect(caseId, c);
        return get(caseId);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> get(UUID caseId) {
        Map<String, Object> c = jdbc.sql("select * from supervision_case where case_id = ?").param(caseId).query().listOfRows()
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no case " + caseId));
        List<Map<String, Object>> trail = jdbc.sql("""
                        select step, staff_id, role, detail, taken_at from case_step where case_id = ? order by id""")
                .param(caseId).query().listOfRows();
        return Map.of("case", c, "trail", trail);
    }

    private void takeEffect(UUID caseId, Map<String, Object> c) {
        String code = (String) c.get("institution");
        String outcome = (String) jdbc.sql("select outcome from supervision_case where case_id = ?").param(caseId)
                .query().singleValue();
        Institution institution = institutions.find(code).orElseThrow();
        switch (CaseRequests.Outcome.valueOf(outcome)) {
            case FUND_RECOVERY -> {
                BigDecimal amount = (BigDecimal) jdbc.sql(
                        "select recovery_amount from supervision_case where case_id = ?").param(caseId).query().singleValue();
                String ids = (String) c.get("settlement_ids");
                outbox.append(new FundRecoveryOrdered(caseId.toString(), code, institution.regionCode(), Money.of(amount),
                        ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")), (String) c.get("findings"),
                        clock.instant()));
                meters.counter("yibao.supervision.recovered.yuan").increment(amount.doubleValue());
            }
            case SUSPENSION, TERMINATION -> {
                AgreementStatus status = outcome.equals("SUSPENSION") ? AgreementStatus.SUSPENDED : AgreementStatus.TERMINATED;
                if (institution.status() != status && institution.status() != AgreementStatus.TERMINATED) {
                    institutions.changeAgreement(code, new InstitutionRequests.ChangeAgreement(
                            status, LocalDate.now(clock), "case " + caseId), "case " + caseId);
                }
            }
            case WARNING, JUDICIAL_REFERRAL -> {
                // recorded in the case and its trail; no change to the agreement or the fund
            }
        }
        meters.counter("yibao.supervision.cases.closed", "outcome", outcome).increment();
    }

    private Map<String, Object> lock(UUID caseId, String expectedStatus) {
        Map<String, Object> c = jdbc.sql("select * from supervision_case where case_id = ? for update").param(caseId).query()
                .listOfRows().stream().findFirst().orElseThrow(() -> new NotFoundException("no case " + caseId));
        if (!expectedStatus.equals(c.get("status"))) {
            throw new ConflictException("case " + caseId + " is " + c.get("status") + ", not " + expectedStatus);
        }
        return c;
    }

    private static void require(Staff staff, String role) {
        if (!staff.roles().contains(role)) {
            throw new ForbiddenException("this step needs the " + role + " role");
        }
    }

    private void step(UUID caseId, String step, Staff staff, String role, String detail) {
        jdbc.sql("insert into case_step (case_id, step, staff_id, role, detail) values (?, ?, ?, ?, ?)")
                .params(caseId, step, staff.id(), role, detail).update();
    }
}
