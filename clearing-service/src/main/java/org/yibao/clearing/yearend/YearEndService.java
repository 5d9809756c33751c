package org.yibao.clearing.yearend;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.clearing.budget.Budget;
import org.yibao.clearing.budget.BudgetService;
import org.yibao.clearing.owed.ClearingPeriods;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.owed.OwedService;
import org.yibao.clearing.payment.OrderState;
import org.yibao.clearing.payment.PaymentService;
import org.yibao.clearing.rules.ClearingRule;
import org.yibao.clearing.rules.ClearingRules;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.YearEndClearingIssued;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The year-end clearing (年终清算) of an institution: once every month of the year holding claims is paid (its order
 * approved) and the institution's assessment score is set, a clearing officer prepares the statement
 * ({@link YearEndCalculation} per fund), another approves it: positive lines are paid, negative ones become recoveries
 * netted from the institution's next monthly payments, the year's months are closed for the institution (a claim of the
 * year arriving later counts in the next year's first open month), and YearEndClearingIssued is announced — in one
 * transaction.
 * Like a monthly order, a statement whose inputs changed before approval (a new score, a new budget) is superseded.
 */
@Service
public class YearEndService {

    private final OwedService owed;
    private final PaymentService payments;
    private final BudgetService budgets;
    private final ClearingRules rules;
    private final YearEndStore store;
    private final OutboxWriter outbox;
    private final Clock clock;

    YearEndService(OwedService owed, PaymentService payments, BudgetService budgets, ClearingRules rules, YearEndStore store,
                   OutboxWriter outbox, Clock clock) {
        this.owed = owed;
        this.payments = payments;
        this.budgets = budgets;
        this.rules = rules;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Sets a new version of the institution's assessment score of a year.
     *
     * @throws ConflictException (409) naming {@code year} when the year's clearing was approved already
     * @throws RefusedException  (422) naming {@code institutionCode} when supervision never announced the institution
     */
    @Transactional
    public Assessment assess(int year, String institutionCode, BigDecimal score, CallerIdentity caller) {
        owed.lock(institutionCode);
        if (owed.regionOf(institutionCode).isEmpty()) {
            throw new RefusedException("institutionCode: institution " + institutionCode + " is unknown to clearing (no"
                    + " InstitutionStatusChanged from supervision)");
        }
        if (store.inForce(institutionCode, year).filter(c -> c.state() == OrderState.APPROVED).isPresent()) {
            throw new ConflictException("year: the year-end clearing of " + year + " for institution " + institutionCode
                    + " was approved; its score stays as it was");
        }
        Assessment a = new Assessment(institutionCode, year, store.latestAssessmentVersion(institutionCode, year) + 1, score,
                caller.clientId(), clock.instant());
        store.insert(a);
        return a;
    }

    /** A statement and whether this call prepared it (false: the one in force was answered). */
    public record Prepared(YearEndClearing clearing, boolean created) {
    }

    /**
     * Prepares the institution's year-end clearing, or answers the one in force.
     *
     * @throws RefusedException  (422) naming {@code year} when the year has not ended or its region's rules start after it,
     *                           {@code institutionCode} when the institution is unknown to clearing or has nothing to clear,
     *                           {@code score} when no assessment score was set
     * @throws ConflictException (409) naming {@code year} while a month of the year holding claims is open or an order waits
     */
    @Transactional
    public Prepared prepare(int year, String institutionCode, CallerIdentity caller) {
        if (year >= Year.now(clock.withZone(ClearingPeriods.BEIJING)).getValue()) {
            throw new RefusedException("year: " + year + " has not ended; a year is cleared after it");
        }
        owed.lock(institutionCode);
        Optional<YearEndClearing> existing = store.inForce(institutionCode, year);
        if (existing.isPresent()) {
            YearEndClearing c = existing.get();
            if (c.state() == OrderState.APPROVED || sameInputs(c, draft(year, institutionCode, c.regionCode()))) {
                return new Prepared(c, false);
            }
            store.transition(c.clearingId(), OrderState.PREPARED, OrderState.SUPERSEDED, null, clock.instant());
        }
        String region = owed.regionOf(institutionCode).orElseThrow(() -> new RefusedException(
                "institutionCode: institution " + institutionCode + " is unknown to clearing (no InstitutionStatusChanged from supervision)"));
        owed.openPeriodBefore(institutionCode, YearMonth.of(year + 1, 1)).ifPresent(p -> {
            throw new ConflictException("year: " + p + " of institution " + institutionCode + " holds claims and is still open;"
                    + " every month of " + year + " is paid before its year-end clearing");
        });
        payments.pendingPeriod(institutionCode).filter(p -> p.startsWith(year + "-")).ifPresent(p -> {
            throw new ConflictException("year: the order of " + p + " for institution " + institutionCode + " waits for approval");
        });
        Draft d = draft(year, institutionCode, region);
        YearEndClearing c = new YearEndClearing(UUID.randomUUID(), institutionCode, region, year, OrderState.PREPARED, d.score(),
                paidNow(d.lines()), owedBack(d.lines()), d.lines(), caller.clientId(), clock.instant(), null, null);
        store.insert(c);
        return new Prepared(store.find(c.clearingId()).orElseThrow(), true);
    }

    /**
     * Approves a statement: by another clearing officer than its preparer. Approving an approved one answers it.
     *
     * @throws ForbiddenException (403) when the caller prepared it
     * @throws ConflictException  (409) naming {@code id} when it was superseded or its inputs changed since it was prepared
     */
    @Transactional(noRollbackFor = ConflictException.class)
    public YearEndClearing approve(int year, UUID id, CallerIdentity caller) {
        YearEndClearing c = find(year, id);
        if (c.preparedBy().equals(caller.clientId())) {
            throw new ForbiddenException("the preparer of a year-end clearing cannot approve it: " + caller.clientId() + " prepared " + id
                    + "; another clearing officer approves it");
        }
        owed.lock(c.institutionCode());
        c = find(year, id);
        if (c.state() == OrderState.APPROVED) {
            return c;
        }
        if (c.state() == OrderState.SUPERSEDED) {
            throw new ConflictException("id: year-end clearing " + id + " was superseded; approve the one in force of " + year);
        }
        // a claim of the year counted late (its month still open), or a month's order prepared since: approving would close
        // the year over money no order or statement holds
        String institutionCode = c.institutionCode();
        var open = owed.openPeriodBefore(institutionCode, YearMonth.of(year + 1, 1));
        var waiting = payments.pendingPeriod(institutionCode).filter(p -> p.startsWith(year + "-"));
        if (open.isPresent() || waiting.isPresent()) {
            store.transition(id, OrderState.PREPARED, OrderState.SUPERSEDED, null, clock.instant());
            throw new ConflictException("id: year-end clearing " + id + " is superseded: " + open.map(p -> p + " holds claims counted since it"
                    + " was prepared and is still open").orElseGet(() -> "the order of " + waiting.get() + " waits for approval")
                    + "; pay every month of " + year + " first, then prepare the year-end again");
        }
        if (!sameInputs(c, draft(year, institutionCode, c.regionCode()))) {
            store.transition(id, OrderState.PREPARED, OrderState.SUPERSEDED, null, clock.instant());
            throw new ConflictException("id: the year's orders, budget or assessment score changed since year-end clearing " + id
                    + " was prepared; it is superseded: prepare it again");
        }
        Instant now = clock.instant();
        if (!store.transition(id, OrderState.PREPARED, OrderState.APPROVED, caller.clientId(), now)) {
            throw new ConflictException("id: year-end clearing " + id + " changed state meanwhile; read it again");
        }
        // the year is cleared: a claim of it arriving from now on counts in the first open month after it
        owed.close(c.institutionCode(), YearMonth.of(year, 12), now);
        for (YearEndCalculation.Result line : c.lines()) {
            if (line.payable().isNegative()) {
                store.insertRecovery("YE-" + id + "-" + line.fund(), c.institutionCode(), line.payable().negate(),
                        "year-end clearing " + year + ": owed back on " + line.fund(), now);
            }
        }
        YearEndClearing approved = find(year, id);
        outbox.append(new YearEndClearingIssued(id.toString(), approved.institutionCode(), approved.regionCode(), year, approved.score(),
                approved.lines().stream().map(l -> new YearEndClearingIssued.Line(l.fund().name(), l.budget(), l.actual(), l.retained(),
                        l.borne(), l.recognised(), l.deferred(), l.released(), l.forfeited(), l.payable(), l.withheld(), l.fundShare(),
                        l.received())).toList(),
                approved.paidNow(), approved.owedBack(), approved.preparedBy(), approved.approvedBy(), approved.approvedAt()));
        return approved;
    }

    @Transactional(readOnly = true)
    public YearEndClearing clearing(int year, UUID id) {
        return find(year, id);
    }

    private YearEndClearing find(int year, UUID id) {
        return store.find(id).filter(c -> c.year() == year)
                .orElseThrow(() -> new NotFoundException("no year-end clearing " + id + " of " + year));
    }

    private record Draft(BigDecimal score, List<YearEndCalculation.Result> lines) {
    }

    private Draft draft(int year, String institutionCode, String region) {
        ClearingRule rule = rules.inForce(region, year).orElseThrow(() -> new RefusedException(
                rules.hasRegion(region)
                        ? "year: no clearing rules of region " + region + " apply to " + year + " (clearing-rules/*.yml)"
                        : "institutionCode: no clearing rules for region " + region + " (clearing-rules/*.yml)"));
        BigDecimal score = store.assessment(institutionCode, year).map(Assessment::score).orElseThrow(() -> new RefusedException(
                "score: institution " + institutionCode + " has no assessment score of " + year
                        + "; set it first (POST /api/clearing/years/" + year + "/assessments)"));
        Map<Fund, PaymentService.FundYear> orders = payments.year(institutionCode, year);
        List<YearEndCalculation.Result> lines = new ArrayList<>();
        for (Fund fund : Fund.values()) {
            Money budget = null;
            if (fund == Fund.EMPLOYEE_POOLING || fund == Fund.RESIDENT_POOLING) {
                Scheme scheme = fund == Fund.EMPLOYEE_POOLING ? Scheme.EMPLOYEE : Scheme.RESIDENT;
                budget = budgets.inForce(institutionCode, year, scheme).map(Budget::annualAllocation).orElse(null);
            }
            PaymentService.FundYear y = orders.get(fund);
            if (y == null && budget == null) {
                continue;
            }
            Money zero = Money.ZERO;
            lines.add(YearEndCalculation.calculate(new YearEndCalculation.Inputs(fund, budget, y == null ? zero : y.owed(),
                    y == null ? zero : y.withheld(), y == null ? zero : y.deferred(), score), rule));
        }
        if (lines.isEmpty()) {
            throw new RefusedException("institutionCode: institution " + institutionCode + " has no approved payment order and no budget in "
                    + year + "; there is nothing to clear");
        }
        return new Draft(score, lines);
    }

    private static Money paidNow(List<YearEndCalculation.Result> lines) {
        return Money.sum(lines.stream().map(YearEndCalculation.Result::payable).filter(Money::isPositive).toList());
    }

    private static Money owedBack(List<YearEndCalculation.Result> lines) {
        return Money.sum(lines.stream().map(YearEndCalculation.Result::payable).filter(Money::isNegative).map(Money::negate).toList());
    }

    private static boolean sameInputs(YearEndClearing c, Draft d) {
        return c.score().compareTo(d.score()) == 0 && c.lines().equals(d.lines());
    }
}
