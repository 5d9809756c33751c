package org.yibao.clearing.payment;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.clearing.budget.BudgetService;
import org.yibao.clearing.deduction.Deduction;
import org.yibao.clearing.deduction.DeductionLedger;
import org.yibao.clearing.owed.ClearingPeriods;
import org.yibao.clearing.owed.FundOwed;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.owed.OwedService;
import org.yibao.clearing.prepayment.PrepaymentService;
import org.yibao.clearing.rules.ClearingRule;
import org.yibao.clearing.rules.ClearingRules;
import org.yibao.contracts.events.PaymentOrderIssued;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Monthly payment orders (月度拨付): a clearing officer prepares an institution's order for a month that has
 * ended, another approves it (four eyes: the preparer is refused). Approval closes the month for the
 * institution (with every month before it) and announces PaymentOrderIssued in the same transaction.
 *
 * <p>Months are paid in order: an order is refused while an earlier month of the institution holding claims
 * is still open, or while another month's order waits for approval. Preparing again answers the order in force
 * unchanged; an order whose inputs (the month's owed, the deductions outstanding, the budget) changed before
 * approval is superseded and prepared anew (on preparing), or refused 409 (on approval), so no claim counted
 * in the month after preparation is lost to the closing.
 */
@Service
public class PaymentService {

    private final OwedService owed;
    private final DeductionLedger deductions;
    private final BudgetService budgets;
    private final PrepaymentService prepayments;
    private final ClearingRules rules;
    private final PaymentStore store;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentService(OwedService owed, DeductionLedger deductions, BudgetService budgets, PrepaymentService prepayments, ClearingRules rules,
                   PaymentStore store, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.owed = owed;
        this.deductions = deductions;
        this.budgets = budgets;
        this.prepayments = prepayments;
        this.rules = rules;
        this.store = store;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** An order and whether this call prepared it (false: the order in force was answered). */
    public record Prepared(PaymentOrder order, boolean created) {
    }

    /**
     * Prepares the institution's order for a month, or answers the one in force.
     *
     * @throws RefusedException  (422) naming {@code period} when the month has not ended or its region's rules start after
     *                           its year, or {@code institutionCode} when supervision never announced the institution (its region,
     *                           hence its rules, unknown) or its region has no rules at all
     * @throws ConflictException (409) naming {@code period} when an earlier month is open or closed after it, or another order waits
     */
    @Transactional
    public Prepared prepare(YearMonth period, String institutionCode, CallerIdentity caller) {
        if (!period.isBefore(YearMonth.now(clock.withZone(ClearingPeriods.BEIJING)))) {
            throw new RefusedException("period: " + period + " has not ended; a month is paid after it");
        }
        owed.lock(institutionCode);
        var existing = store.inForce(institutionCode, period.toString());
        if (existing.isPresent()) {
            PaymentOrder order = existing.get();
            if (order.state() == OrderState.APPROVED || sameInputs(order, draft(institutionCode, period, order.regionCode()))) {
                return new Prepared(order, false);
            }
            store.transition(order.orderId(), OrderState.PREPARED, OrderState.SUPERSEDED, null, clock.instant());
        }
        if (owed.isClosed(institutionCode, period)) {
            throw new ConflictException("period: " + period + " is closed for institution " + institutionCode
                    + " (a later month's order was approved); its claims are netted in the next open month");
        }
        store.pendingPeriodOtherThan(institutionCode, period.toString()).ifPresent(p -> {
            throw new ConflictException("period: the order of " + p + " for institution " + institutionCode + " waits for approval");
        });
        owed.openPeriodBefore(institutionCode, period).ifPresent(p -> {
            throw new ConflictException("period: " + p + " of institution " + institutionCode + " is still open; months are paid in order");
        });
        String region = owed.regionOf(institutionCode).orElseThrow(() -> new RefusedException(
                "institutionCode: institution " + institutionCode + " is unknown to clearing (no InstitutionStatusChanged from"
                        + " supervision); its region and clearing rules are unknown"));
        Draft draft = draft(institutionCode, period, region);
        PaymentCalculation.Result r = draft.result();
        PaymentOrder order = new PaymentOrder(UUID.randomUUID(), institutionCode, region, period.toString(), OrderState.PREPARED,
                draft.rule().qualityDepositRatio(), draft.deductions(), draft.recoveries(), r.deductionCarried(), r.recoveryCarried(),
                r.paid(), draft.lines(), draft.netted(), draft.prepayments(), caller.clientId(), clock.instant(), null, null);
        store.insert(order);
        meters.counter("yibao_clearing_payment_orders_total", "state", "PREPARED").increment();
        return new Prepared(store.find(order.orderId()).orElseThrow(), true);
    }

    /**
     * Approves an order: by another clearing officer than its preparer. Approving an approved order answers it.
     *
     * @throws ForbiddenException (403) when the caller prepared it
     * @throws ConflictException  (409) naming {@code id} when it was superseded, its inputs changed since it was prepared,
     *                            or an earlier month of the institution holding entries is still open (a claim counted
     *                            late in it); the order is then superseded
     */
    @Transactional(noRollbackFor = ConflictException.class)
    public PaymentOrder approve(YearMonth period, UUID orderId, CallerIdentity caller) {
        PaymentOrder order = find(period, orderId);
        if (order.preparedBy().equals(caller.clientId())) {
            throw new ForbiddenException("the preparer of an order cannot approve it: " + caller.clientId()
                    + " prepared order " + orderId + "; another clearing officer approves it");
        }
        owed.lock(order.institutionCode());
        order = find(period, orderId);
        if (order.state() == OrderState.APPROVED) {
            return order;
        }
        if (order.state() == OrderState.SUPERSEDED) {
            throw new ConflictException("id: order " + orderId + " was superseded; approve the order in force of " + period);
        }
        // the month was closed since the order was prepared (its year's clearing approved): nothing may be paid in it any more
        if (owed.isClosed(order.institutionCode(), period)) {
            store.transition(orderId, OrderState.PREPARED, OrderState.SUPERSEDED, null, clock.instant());
            throw new ConflictException("id: order " + orderId + " is superseded: " + period + " was closed for institution "
                    + order.institutionCode() + " since it was prepared (its year-end clearing approved); its claims count in the next"
                    + " open month");
        }
        // a claim counted late in an earlier month (settledAt before it) would be closed with this month and paid
        // by no order: the earlier month is prepared and approved first
        var earlierOpen = owed.openPeriodBefore(order.institutionCode(), period);
        if (earlierOpen.isPresent()) {
            store.transition(orderId, OrderState.PREPARED, OrderState.SUPERSEDED, null, clock.instant());
            throw new ConflictException("id: order " + orderId + " is superseded: " + earlierOpen.get() + " of institution "
                    + order.institutionCode() + " holds claims counted since it was prepared and is still open; months are paid"
                    + " in order: prepare and approve " + earlierOpen.get() + " first, then " + period + " again");
        }
        if (!sameInputs(order, draft(order.institutionCode(), period, order.regionCode()))) {
            store.transition(orderId, OrderState.PREPARED, OrderState.SUPERSEDED, null, clock.instant());
            throw new ConflictException("id: the month's owed amounts, deductions or budget changed since order " + orderId
                    + " was prepared; it is superseded: prepare the order again");
        }
        Instant now = clock.instant();
        if (!store.transition(orderId, OrderState.PREPARED, OrderState.APPROVED, caller.clientId(), now)) {
            throw new ConflictException("id: order " + orderId + " changed state meanwhile; read it again");
        }
        String institutionCode = order.institutionCode();
        owed.close(institutionCode, period, now);
        deductions.markNetted(orderId.toString(), order.netted().stream().map(n -> new Deduction(n.sourceId(), n.kind(),
                institutionCode, null, n.amount(), null, now, null)).toList());
        PaymentOrder approved = find(period, orderId);
        outbox.append(new PaymentOrderIssued(orderId.toString(), approved.institutionCode(), approved.regionCode(), approved.period(),
                approved.lines().stream().map(l -> new PaymentOrderIssued.Line(l.payment().fund().name(), l.payment().owed(),
                        l.payment().withheld(), l.payment().deducted(), l.payment().recovered(), l.payment().deferred(),
                        l.payment().paid(), l.payment().prepaymentRecovered())).toList(),
                approved.paid(), approved.preparedBy(), approved.approvedBy(), approved.approvedAt()));
        meters.counter("yibao_clearing_payment_orders_total", "state", "APPROVED").increment();
        return approved;
    }

    /**
     * One fund's year of approved orders, yuan: the claims less reversals counted in its months, the deposit withheld, and
     * what its last order deferred (over the cap, or a negative balance) — the year-end clearing's inputs.
     */
    public record FundYear(Fund fund, Money owed, Money withheld, Money deferred) {
    }

    /** The year's approved orders of an institution summed per fund, read in the caller's transaction. */
    @Transactional(readOnly = true)
    public Map<Fund, FundYear> year(String institutionCode, int year) {
        return store.year(institutionCode, year);
    }

    /** The period of an order of the institution waiting for approval, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> pendingPeriod(String institutionCode) {
        return store.pendingPeriodOtherThan(institutionCode, "");
    }

    /** An order of a period, or 404. */
    @Transactional(readOnly = true)
    public PaymentOrder order(YearMonth period, UUID orderId) {
        return find(period, orderId);
    }

    private PaymentOrder find(YearMonth period, UUID orderId) {
        return store.find(orderId).filter(o -> o.period().equals(period.toString()))
                .orElseThrow(() -> new NotFoundException("no payment order " + orderId + " of " + period));
    }

    /** What an order of the month would be now. */
    private record Draft(ClearingRule rule, Money deductions, Money recoveries, PaymentCalculation.Result result,
                         List<PaymentOrder.Line> lines, List<PaymentOrder.Netted> netted,
                         List<PaymentOrder.PrepaymentRecovered> prepayments) {
    }

    private Draft draft(String institutionCode, YearMonth period, String region) {
        ClearingRule rule = rules.inForce(region, period.getYear()).orElseThrow(() -> new RefusedException(
                rules.hasRegion(region)
                        ? "period: no clearing rules of region " + region + " apply to " + period.getYear() + " (clearing-rules/*.yml)"
                        : "institutionCode: no clearing rules for region " + region + " (clearing-rules/*.yml)"));
        Map<Fund, Money> owedInPeriod = new EnumMap<>(Fund.class);
        for (FundOwed f : owed.owedOf(institutionCode, period).funds()) {
            owedInPeriod.put(f.fund(), f.owed());
        }
        Map<Fund, Money> broughtForward = new EnumMap<>(Fund.class);
        Map<Fund, Money> deductionsByFund = new EnumMap<>(Fund.class);
        Money deductionTotal = Money.ZERO;
        Money recoveryTotal = Money.ZERO;
        var latest = store.latestApproved(institutionCode);
        // a year's deferral (over the cap, or a negative balance) stays in its year: the year-end clearing settles it
        // (年终清算); deductions and recoveries carried cross the year
        latest.filter(o -> YearMonth.parse(o.period()).getYear() == period.getYear())
                .ifPresent(o -> o.lines().forEach(l -> broughtForward.put(l.payment().fund(), l.payment().deferred())));
        // ASSUMPTION: a deduction whose claim was not counted with a basic share (or names none) is taken from the
        // basic pooling fund owed the most this month (EMPLOYEE_POOLING on a tie)
        Fund fallback = owedInPeriod.getOrDefault(Fund.RESIDENT_POOLING, Money.ZERO).plus(broughtForward.getOrDefault(Fund.RESIDENT_POOLING, Money.ZERO))
                .compareTo(owedInPeriod.getOrDefault(Fund.EMPLOYEE_POOLING, Money.ZERO).plus(broughtForward.getOrDefault(Fund.EMPLOYEE_POOLING, Money.ZERO))) > 0
                ? Fund.RESIDENT_POOLING : Fund.EMPLOYEE_POOLING;
        if (latest.isPresent()) {
            Money carriedOnLines = Money.ZERO;
            for (PaymentOrder.Line l : latest.get().lines()) {
                if (!l.deductionCarried().isZero()) {
                    deductionsByFund.merge(l.payment().fund(), l.deductionCarried(), Money::plus);
                    carriedOnLines = carriedOnLines.plus(l.deductionCarried());
                }
            }
            // an order approved before the carry was kept per fund (V6) holds its carry on the order only
            Money unassigned = latest.get().deductionCarried().minus(carriedOnLines);
            if (!unassigned.isZero()) {
                deductionsByFund.merge(fallback, unassigned, Money::plus);
            }
            deductionTotal = latest.get().deductionCarried();
            recoveryTotal = latest.get().recoveryCarried();
        }
        List<PaymentOrder.Netted> netted = new ArrayList<>();
        for (Deduction d : deductions.outstanding(institutionCode)) {
            netted.add(new PaymentOrder.Netted(d.sourceId(), d.kind(), d.amount()));
            if (d.kind().isRecovery()) {
                recoveryTotal = recoveryTotal.plus(d.amount());
            } else {
                deductionTotal = deductionTotal.plus(d.amount());
                deductionsByFund.merge(owed.basicFundOf(institutionCode, d.settlementId()).orElse(fallback), d.amount(), Money::plus);
            }
        }
        // the order the store reads them back in (source, then kind by name): an order compares equal to its draft
        netted.sort(Comparator.comparing(PaymentOrder.Netted::sourceId).thenComparing(n -> n.kind().name()));
        Map<Fund, Money> caps = new EnumMap<>(Fund.class);
        for (Scheme scheme : Scheme.values()) {
            budgets.inForce(institutionCode, period.getYear(), scheme)
                    .ifPresent(b -> caps.put(Fund.pooling(scheme), rule.monthlyCap(b.annualAllocation())));
        }
        List<PrepaymentService.Due> due = prepayments.due(institutionCode, period);
        Map<Fund, Money> dueByFund = new EnumMap<>(Fund.class);
        due.forEach(d -> dueByFund.merge(d.fund(), d.amount(), Money::plus));
        PaymentCalculation.Result result = PaymentCalculation.calculate(new PaymentCalculation.Inputs(owedInPeriod, broughtForward,
                rule.qualityDepositRatio(), deductionsByFund, recoveryTotal, caps, dueByFund));
        List<PaymentOrder.Line> lines = result.lines().stream().map(l -> new PaymentOrder.Line(l, caps.get(l.fund()),
                result.deductionsCarried().getOrDefault(l.fund(), Money.ZERO))).toList();
        Map<Fund, Money> recoveredByFund = new EnumMap<>(Fund.class);
        result.lines().forEach(l -> recoveredByFund.put(l.fund(), l.prepaymentRecovered()));
        List<PaymentOrder.PrepaymentRecovered> recovered = PrepaymentService.allocate(due, recoveredByFund).stream()
                .map(d -> new PaymentOrder.PrepaymentRecovered(d.prepaymentId(), d.amount()))
                .sorted(Comparator.comparing(PaymentOrder.PrepaymentRecovered::prepaymentId)).toList();
        return new Draft(rule, deductionTotal, recoveryTotal, result, lines, netted, recovered);
    }

    private static boolean sameInputs(PaymentOrder order, Draft draft) {
        return order.lines().equals(draft.lines()) && order.netted().equals(draft.netted())
                && order.prepayments().equals(draft.prepayments())
                && order.deductionCarried().equals(draft.result().deductionCarried())
                && order.recoveryCarried().equals(draft.result().recoveryCarried());
    }
}
