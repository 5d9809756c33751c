package org.yibao.supervision.casework;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
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

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    /** A case and its audit trail, as the API answers it. */
    record CaseFile(@JsonProperty("case") Case supervisionCase, List<TrailStep> trail) {
    }

    private final CaseStore store;
    private final InstitutionService institutions;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    CaseService(CaseStore store, InstitutionService institutions, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.institutions = institutions;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public UUID receiveClue(CaseRequests.Clue r) {
        institutions.findCurrent(r.institutionCode())
                .orElseThrow(() -> new InvalidRequestException("institutionCode", "is not a registered institution"));
        UUID id = UUID.randomUUID();
        store.addClue(id, r);
        meters.counter("yibao.supervision.clues", "source", r.source().name()).increment();
        return id;
    }

    @Transactional
    public CaseFile open(Staff staff, CaseRequests.Open r) {
        require(staff, CaseStep.OPENED);
        List<CaseStore.Clue> clues = store.lockClues(r.clueIds());
        if (clues.size() != r.clueIds().stream().distinct().count()) {
            throw new InvalidRequestException("clueIds", "names a clue that does not exist");
        }
        if (clues.stream().map(CaseStore.Clue::institution).distinct().count() != 1) {
            throw new InvalidRequestException("clueIds", "must all concern one institution");
        }
        if (clues.stream().anyMatch(c -> c.caseId() != null)) {
            throw new ConflictException("a clue is already part of a case");
        }
        UUID id = UUID.randomUUID();
        store.open(id, clues.get(0).institution(), staff.id(), r.clueIds());
        store.addStep(id, CaseStep.OPENED, staff.id(), CaseStep.OPENED.role(), clues.size() + " clue(s)");
        return get(id);
    }

    @Transactional
    public CaseFile submitFindings(UUID caseId, Staff staff, CaseRequests.Findings r) {
        Case c = lock(caseId);
        CaseStatus next = c.take(CaseStep.FINDINGS);
        require(staff, CaseStep.FINDINGS);
        if (!staff.id().equals(c.investigator())) {
            throw new ForbiddenException("only the case's investigator submits its findings");
        }
        store.recordFindings(caseId, r.findings(), r.settlementIds() == null ? "" : String.join(",", r.settlementIds()), next);
        store.addStep(caseId, CaseStep.FINDINGS, staff.id(), CaseStep.FINDINGS.role(), r.findings());
        return get(caseId);
    }

    @Transactional
    public CaseFile decide(UUID caseId, Staff staff, CaseRequests.Decision r) {
        Case c = lock(caseId);
        CaseStatus next = c.take(CaseStep.DECISION);
        require(staff, CaseStep.DECISION);
        if (staff.id().equals(c.investigator())) {
            throw new ForbiddenException("the investigator of a case cannot decide it (查、处、审分离)");
        }
        if ((r.outcome() == CaseRequests.Outcome.FUND_RECOVERY) != (r.recoveryAmount() != null)) {
            throw new InvalidRequestException("recoveryAmount", r.outcome() == CaseRequests.Outcome.FUND_RECOVERY
                    ? "is required for a fund recovery" : "applies to a fund recovery only");
        }
        store.recordDecision(caseId, staff.id(), r.outcome(),
                r.recoveryAmount() == null ? null : r.recoveryAmount().setScale(2, RoundingMode.HALF_UP), next);
        store.addStep(caseId, CaseStep.DECISION, staff.id(), CaseStep.DECISION.role(), r.outcome() + ": " + r.reason());
        return get(caseId);
    }

    @Transactional
    public CaseFile review(UUID caseId, Staff staff, CaseRequests.Review r) {
        Case c = lock(caseId);
        CaseStep step = r.approved() ? CaseStep.APPROVED : CaseStep.RETURNED;
        CaseStatus next = c.take(step);
        require(staff, step);
        if (staff.id().equals(c.investigator()) || staff.id().equals(c.decider())) {
            throw new ForbiddenException("a case's investigator or decider cannot review it (查、处、审分离)");
        }
        if (step == CaseStep.RETURNED) {
            store.clearDecision(caseId, next);
            store.addStep(caseId, step, staff.id(), step.role(), r.comment());
            return get(caseId);
        }
        store.close(caseId, staff.id(), next);
        store.addStep(caseId, step, staff.id(), step.role(), r.comment());
        takeEffect(c);
        return get(caseId);
    }

    @Transactional(readOnly = true)
    public CaseFile get(UUID caseId) {
        Case c = store.find(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
        return new CaseFile(c, store.trail(caseId));
    }

    /** One page of cases (in the status when given), the oldest open first, and how many in all. */
    @Transactional(readOnly = true)
    public CasePages.CasePage cases(Optional<CaseStatus> status, int limit, int offset) {
        return new CasePages.CasePage(store.page(status, limit, offset), store.count(status));
    }

    /** One page of clues (open ones, or the others, when asked), each with the case that uses it, and how many in all. */
    @Transactional(readOnly = true)
    public CasePages.CluePage clues(Optional<Boolean> open, int limit, int offset) {
        return new CasePages.CluePage(store.clues(open, limit, offset), store.countClues(open));
    }

    /** The reviewed decision takes effect. */
    private void takeEffect(Case c) {
        // read as it is now, not as kept for the pre-check: the agreement change below depends on its status
        Institution institution = institutions.findCurrent(c.institution()).orElseThrow();
        switch (c.outcome()) {
            case FUND_RECOVERY -> {
                outbox.append(new FundRecoveryOrdered(c.caseId().toString(), c.institution(), institution.regionCode(),
                        Money.of(c.recoveryAmount()), c.settlementIdList(), c.findings(), clock.instant()));
                meters.counter("yibao.supervision.recovered.yuan").increment(c.recoveryAmount().doubleValue());
            }
            case SUSPENSION, TERMINATION -> {
                AgreementStatus status = c.outcome() == CaseRequests.Outcome.SUSPENSION
                        ? AgreementStatus.SUSPENDED : AgreementStatus.TERMINATED;
                if (institution.status() != status && institution.status() != AgreementStatus.TERMINATED) {
                    institutions.changeAgreement(c.institution(), new InstitutionRequests.ChangeAgreement(
                            status, LocalDate.now(clock), "case " + c.caseId()), "case " + c.caseId());
                }
            }
            case WARNING, JUDICIAL_REFERRAL -> {
                // recorded in the case and its trail; no change to the agreement or the fund
            }
        }
        meters.counter("yibao.supervision.cases.closed", "outcome", c.outcome().name()).increment();
    }

    private Case lock(UUID caseId) {
        return store.lock(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
    }

    /** Refuses (403) a step by staff without its role. */
    private static void require(Staff staff, CaseStep step) {
        if (!staff.roles().contains(step.role().name())) {
            throw new ForbiddenException("this step needs the " + step.role() + " role");
        }
    }
}
