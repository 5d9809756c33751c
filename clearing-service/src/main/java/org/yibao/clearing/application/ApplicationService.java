package org.yibao.clearing.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.clearing.owed.ClearingPeriods;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.owed.FundOwed;
import org.yibao.clearing.owed.InstitutionOwed;
import org.yibao.clearing.owed.OwedService;
import org.yibao.contracts.money.Money;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Clearing applications (清算申请, 3203) and their cancellation (清算申请撤销, 3204), each in one transaction
 * under the institution's lock (the one an approval takes to close a month), so that an application is never
 * filed or cancelled in a month an approval is closing at the same time.
 */
@Service
public class ApplicationService {

    private final ApplicationStore store;
    private final OwedService owed;
    private final Clock clock;

    ApplicationService(ApplicationStore store, OwedService owed, Clock clock) {
        this.store = store;
        this.owed = owed;
        this.clock = clock;
    }

    /**
     * What an institution states for a month's clearing (amounts in yuan, as the national layout names them).
     *
     * @param messageId the institution's message (msgid): the same message again gets the same application
     * @param period    the month cleared, yyyy-MM
     */
    public record Statement(String messageId, String period, ClearingType clearingType, String clearingWay, LocalDate beginDate,
                            LocalDate endDate, int visits, Money medicalFeeTotal, Money eligibleFeeTotal, Money fundAmount,
                            Money cashAmount, Money accountAmount) {
    }

    /** An application filed now ({@code created}), or the one its message filed before. */
    public record Filing(ClearingApplication application, boolean created) {
    }

    /**
     * Files an institution's application for a month and reconciles it against what the platform owes the
     * institution for that month ({@link ApplicationReconciliation}).
     *
     * @throws org.yibao.web.problem.ForbiddenException (403) when the caller is another institution
     * @throws ConflictException (409) when the month is closed by an approved payment order, when an application of
     *                           the month and clearing type is in force, or when the message id filed a different statement
     */
    @Transactional
    public Filing file(String institutionCode, Statement s, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "code");
        YearMonth period = ApplicationPeriod.of(YearMonth.parse(s.period()), s.beginDate(), s.endDate(),
                YearMonth.now(clock.withZone(ClearingPeriods.BEIJING)));
        owed.lock(institutionCode);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);   // as kept (timestamptz)
        Optional<ClearingApplication> before = store.byMessage(institutionCode, s.messageId());
        if (before.isPresent()) {
            ClearingApplication retried = before.get();
            if (!retried.sameStatement(draft("retry", institutionCode, s, period, null, caller, now))) {
                throw new ConflictException("messageId: " + s.messageId() + " filed application " + retried.applicationId()
                        + " with another statement; a new application is a new message");
            }
            return new Filing(retried, false);
        }
        if (owed.isClosed(institutionCode, period)) {
            throw new ConflictException("period: " + period + " is closed for institution " + institutionCode
                    + " by an approved payment order; an application clears a month not yet paid");
        }
        List<ClearingApplication> inForce = store.inForce(institutionCode, period);
        inForce.stream().filter(a -> a.clearingType() == s.clearingType()).findFirst().ifPresent(a -> {
            throw new ConflictException("clearingType: application " + a.applicationId() + " is in force for " + period + " "
                    + a.clearingType() + "; cancel it (3204) before filing another");
        });
        InstitutionOwed month = owed.owedOf(institutionCode, period);
        Money accountOwed = month.funds().stream().filter(f -> f.fund() == Fund.PERSONAL_ACCOUNT).map(FundOwed::owed)
                .findFirst().orElse(Money.ZERO);
        Money fundStated = Money.sum(inForce.stream().map(ClearingApplication::fundAmount).toList()).plus(s.fundAmount());
        Money accountStated = Money.sum(inForce.stream().map(ClearingApplication::accountAmount).toList()).plus(s.accountAmount());
        ApplicationReconciliation reconciliation = ApplicationReconciliation.of(fundStated, accountStated,
                month.total().minus(accountOwed), accountOwed);
        ClearingApplication application = draft(ApplicationIds.of(now, store.nextSequence()), institutionCode, s, period,
                reconciliation, caller, now);
        store.insert(application);
        return new Filing(application, true);
    }

    /**
     * Cancels an institution's application (3204) not yet used by an approved payment order (its month still open);
     * a cancelled one is answered as it is.
     *
     * @throws NotFoundException (404) when there is no such application of the institution
     * @throws org.yibao.web.problem.ForbiddenException (403) when the caller is another institution than the filer
     * @throws ConflictException (409) when the month was closed by an approved payment order
     */
    @Transactional
    public ClearingApplication cancel(String institutionCode, String applicationId, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "code");
        ClearingApplication application = store.find(applicationId)
                .orElseThrow(() -> new NotFoundException("no clearing application " + applicationId));
        caller.requireFiledByOwnInstitution(application.institutionCode(), "clearing application " + applicationId);
        if (!application.institutionCode().equals(institutionCode)) {
            throw new NotFoundException("no clearing application " + applicationId + " of institution " + institutionCode);
        }
        owed.lock(institutionCode);
        application = store.find(applicationId).orElseThrow();
        if (application.state() == ApplicationState.CANCELLED) {
            return application;
        }
        if (owed.isClosed(institutionCode, YearMonth.parse(application.period()))) {
            throw new ConflictException("application " + applicationId + ": its period " + application.period()
                    + " was closed by an approved payment order; an application used by an approved order cannot be cancelled");
        }
        ClearingApplication cancelled = application.cancelled(caller.clientId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.markCancelled(cancelled);
        return cancelled;
    }

    /** A month's applications, in force and cancelled, of one institution or (null) of every institution. */
    @Transactional(readOnly = true)
    public List<ClearingApplication> ofPeriod(YearMonth period, String institutionCode) {
        return store.ofPeriod(period, institutionCode);
    }

    private static ClearingApplication draft(String id, String institutionCode, Statement s, YearMonth period,
                                             ApplicationReconciliation reconciliation, CallerIdentity caller, Instant now) {
        return new ClearingApplication(id, institutionCode, s.messageId(), period.toString(), s.clearingType(), s.clearingWay(),
                s.beginDate(), s.endDate(), s.visits(), s.medicalFeeTotal(), s.eligibleFeeTotal(), s.fundAmount(), s.cashAmount(),
                s.accountAmount(), ApplicationState.IN_FORCE, reconciliation, caller.clientId(), now, null, null);
    }
}
