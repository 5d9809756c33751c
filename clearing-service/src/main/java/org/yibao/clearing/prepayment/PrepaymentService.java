package org.yibao.clearing.prepayment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.owed.OwedService;
import org.yibao.contracts.events.PrepaymentIssued;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prepayments (预付金, as Pingdingshan's 2020 prepayment of the basic fund to the hospitals treating the epidemic): a
 * clearing officer prepares one for an institution known to clearing, another approves it — the fund pays it then,
 * announced as PrepaymentIssued in the same transaction — and the institution's monthly payment orders from its first
 * recovery month recover it by its schedule, from the line of its fund ({@link #due}).
 */
@Service
public class PrepaymentService {

    private final PrepaymentStore store;
    private final OwedService owed;
    private final OutboxWriter outbox;
    private final Clock clock;

    PrepaymentService(PrepaymentStore store, OwedService owed, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.owed = owed;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Prepares a prepayment.
     *
     * @throws RefusedException (422) naming {@code fund} when it is not a basic pooling fund, {@code institutionCode} when
     *                          supervision never announced the institution, {@code firstRecoveryPeriod} when that month is
     *                          closed for the institution already (its order approved: nothing could recover the instalment)
     */
    @Transactional
    public Prepayment prepare(String institutionCode, Fund fund, Money amount, String reason, YearMonth firstRecoveryPeriod, int months,
                              CallerIdentity caller) {
        if (fund != Fund.EMPLOYEE_POOLING && fund != Fund.RESIDENT_POOLING) {
            throw new RefusedException("fund: a prepayment is paid from a basic pooling fund (EMPLOYEE_POOLING or RESIDENT_POOLING): " + fund);
        }
        owed.lock(institutionCode);
        if (owed.regionOf(institutionCode).isEmpty()) {
            throw new RefusedException("institutionCode: institution " + institutionCode + " is unknown to clearing (no InstitutionStatusChanged from supervision)");
        }
        if (owed.isClosed(institutionCode, firstRecoveryPeriod)) {
            throw new RefusedException("firstRecoveryPeriod: " + firstRecoveryPeriod + " is closed for institution " + institutionCode
                    + " (its payment order was approved); recovery starts in an open month");
        }
        Prepayment p = new Prepayment(UUID.randomUUID(), institutionCode, fund, amount, reason, firstRecoveryPeriod.toString(), months,
                Prepayment.State.PREPARED, Money.ZERO, PrepaymentSchedule.instalments(amount, firstRecoveryPeriod, months),
                caller.clientId(), clock.instant(), null, null);
        store.insert(p);
        return store.find(p.prepaymentId()).orElseThrow();
    }

    /**
     * Approves (pays) a prepayment: by another clearing officer than its preparer. Approving it again answers it.
     *
     * @throws ForbiddenException (403) when the caller prepared it
     * @throws ConflictException  (409) naming {@code firstRecoveryPeriod} when that month was closed meanwhile
     */
    @Transactional
    public Prepayment approve(UUID id, CallerIdentity caller) {
        Prepayment p = find(id);
        if (p.preparedBy().equals(caller.clientId())) {
            throw new ForbiddenException("the preparer of a prepayment cannot approve it: " + caller.clientId() + " prepared " + id
                    + "; another clearing officer approves it");
        }
        owed.lock(p.institutionCode());
        p = find(id);
        if (p.state() == Prepayment.State.APPROVED) {
            return p;
        }
        if (owed.isClosed(p.institutionCode(), YearMonth.parse(p.firstRecoveryPeriod()))) {
            throw new ConflictException("firstRecoveryPeriod: " + p.firstRecoveryPeriod() + " was closed for institution "
                    + p.institutionCode() + " since the prepayment was prepared; prepare it again from an open month");
        }
        Instant now = clock.instant();
        if (!store.approve(id, caller.clientId(), now)) {
            throw new ConflictException("id: prepayment " + id + " changed state meanwhile; read it again");
        }
        Prepayment approved = find(id);
        outbox.append(new PrepaymentIssued(id.toString(), approved.institutionCode(), approved.fund().name(), approved.amount(),
                approved.reason(), approved.schedule().stream().map(i -> new PrepaymentIssued.Instalment(i.period().toString(), i.amount())).toList(),
                approved.preparedBy(), approved.approvedBy(), approved.approvedAt()));
        return approved;
    }

    @Transactional(readOnly = true)
    public Prepayment prepayment(UUID id) {
        return find(id);
    }

    /** An institution's prepayments, oldest first, each with what was recovered of it. */
    @Transactional(readOnly = true)
    public List<Prepayment> of(String institutionCode) {
        return store.of(institutionCode);
    }

    /** What a month's payment order is to recover of one prepayment, yuan. */
    public record Due(UUID prepaymentId, Fund fund, Money amount) {
    }

    /**
     * The instalments of the institution's approved prepayments due through a month and not recovered by an approved
     * order yet, oldest approval first (a month that could not take an instalment leaves it due the next month). Read in
     * the caller's transaction, under the institution's lock.
     */
    @Transactional(readOnly = true)
    public List<Due> due(String institutionCode, YearMonth period) {
        List<Due> due = new ArrayList<>();
        for (Prepayment p : store.approvedOf(institutionCode)) {
            Money scheduled = PrepaymentSchedule.dueThrough(p.amount(), YearMonth.parse(p.firstRecoveryPeriod()), p.months(), period);
            Money left = scheduled.minus(p.recovered());
            if (left.isPositive()) {
                due.add(new Due(p.prepaymentId(), p.fund(), left));
            }
        }
        return due;
    }

    /** Splits what a fund's line recovered among the prepayments due, oldest first. */
    public static List<Due> allocate(List<Due> due, Map<Fund, Money> recoveredByFund) {
        Map<Fund, Money> left = new EnumMap<>(Fund.class);
        left.putAll(recoveredByFund);
        List<Due> out = new ArrayList<>();
        for (Due d : due) {
            Money available = left.getOrDefault(d.fund(), Money.ZERO);
            Money take = available.min(d.amount());
            if (take.isPositive()) {
                out.add(new Due(d.prepaymentId(), d.fund(), take));
                left.put(d.fund(), available.minus(take));
            }
        }
        return out;
    }

    private Prepayment find(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no prepayment " + id));
    }
}
