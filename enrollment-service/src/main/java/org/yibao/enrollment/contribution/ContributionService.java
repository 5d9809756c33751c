package org.yibao.enrollment.contribution;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Employee contributions (职工医保缴费) and the funds' income: an employee's monthly wage base, registered
 * with the enrollment and changed from a date, and the monthly posting that computes each person's
 * contributions for the month from the facts true on its last day and announces them (ContributionsCollected,
 * one per person and month, through the outbox in the posting's transaction).
 */
@Service
public class ContributionService {

    private final ContributionStore store;
    private final EmployeeRateFiles rates;
    private final ContributionPolicies policies;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    ContributionService(ContributionStore store, EmployeeRateFiles rates, ContributionPolicies policies, OutboxWriter outbox,
                        MeterRegistry meters, Clock clock) {
        this.store = store;
        this.rates = rates;
        this.policies = policies;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Checks an enrollment's wage base before it is enrolled: required for an active employee, optional for a
     * retiree (who contributes nothing), refused for a resident; within the floor and ceiling of the rates in
     * force for the person's region and year.
     *
     * @throws InvalidRequestException naming {@code wageBase}
     */
    public Optional<Money> checkedWageBase(Scheme scheme, PersonType type, String region, int year, Money wageBase) {
        if (scheme == Scheme.RESIDENT) {
            if (wageBase != null) {
                throw new InvalidRequestException("wageBase", "applies to employees only; a resident pays a yearly contribution");
            }
            return Optional.empty();
        }
        if (wageBase == null) {
            if (type == PersonType.EMPLOYEE_ACTIVE) {
                throw new InvalidRequestException("wageBase", "is required for an active employee: the monthly wage base "
                        + "(缴费基数) in yuan");
            }
            return Optional.empty();
        }
        requireAdmitted(region, year, wageBase);
        return Optional.of(wageBase);
    }

    /** Records the wage base checked by {@link #checkedWageBase} from the enrollment's first day, in the enrollment's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registerWageBase(String personId, int year, LocalDate from, Optional<Money> wageBase) {
        wageBase.ifPresent(w -> store.saveWageBase(personId, year, from, w));
    }

    /**
     * A change of an employee's wage base from a day on (in the change's transaction).
     *
     * @throws InvalidRequestException naming {@code wageBase} for a resident's enrollment or a base out of range
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeWageBase(String personId, int year, Scheme scheme, String region, LocalDate from, Money wageBase) {
        if (scheme != Scheme.EMPLOYEE) {
            throw new InvalidRequestException("wageBase", "applies to employees only; a resident pays a yearly contribution");
        }
        requireAdmitted(region, year, wageBase);
        store.saveWageBase(personId, year, from, wageBase);
    }

    /** What a month's posting did. */
    public record PostingResult(String month, int employeesPosted, int residentsPosted, int withoutWageBase,
                                int withoutRates, Money employerContributions, Money individualContributions,
                                Money toAccounts, Money residentContributions, Money premiumSubsidies,
                                Money fiscalSubsidies) {
    }

    /**
     * Posts a month's contributions (缴费到账): every employee enrolled on its last day — active ones on the wage
     * base then in force, retirees their fixed allocation — and every resident whose cover begins in it. A person
     * posted for the month already is left out, so posting a month twice changes nothing. An active employee
     * without a registered wage base, or in a region without rates, is counted and left for the bureau.
     *
     * @throws InvalidRequestException naming {@code month} when it has not begun yet (Beijing time)
     */
    @Transactional
    public PostingResult post(YearMonth month, CallerIdentity caller) {
        if (month.isAfter(YearMonth.now(clock))) {
            throw new InvalidRequestException("month", "has not begun yet; a month is posted once its contributions are due");
        }
        var postedBy = caller.clientId();
        var at = clock.instant();
        int employees = 0;
        int residents = 0;
        int withoutWageBase = 0;
        int withoutRates = 0;
        Totals totals = new Totals();
        for (ContributionStore.Employee e : store.employeesToPost(month)) {
            Optional<EmployeeRates> inForce = rates.inForce(e.regionCode(), month.getYear());
            if (inForce.isEmpty()) {
                withoutRates++;
                continue;
            }
            ContributionPosting p;
            if (e.personType() == PersonType.EMPLOYEE_RETIRED) {
                p = ContributionPosting.retired(e.personId(), month.toString(), e.regionCode(), inForce.get(), postedBy, at);
            } else if (e.wageBase() == null) {
                withoutWageBase++;
                continue;
            } else {
                p = ContributionPosting.active(e.personId(), month.toString(), e.regionCode(), e.wageBase(), inForce.get(),
                        postedBy, at);
            }
            if (record(p, totals)) {
                employees++;
            }
        }
        for (ContributionStore.Resident r : store.residentsToPost(month)) {
            Optional<ContributionPolicy> policy = policies.inForce(r.regionCode(), month.getYear());
            if (policy.isEmpty()) {
                withoutRates++;
                continue;
            }
            if (record(ContributionPosting.resident(r.personId(), month.toString(), r.regionCode(), r.contribution(),
                    r.subsidy(), policy.get(), postedBy, at), totals)) {
                residents++;
            }
        }
        meters.counter("yibao.enrollment.contributions.posted", "scheme", "EMPLOYEE").increment(employees);
        meters.counter("yibao.enrollment.contributions.posted", "scheme", "RESIDENT").increment(residents);
        return new PostingResult(month.toString(), employees, residents, withoutWageBase, withoutRates, totals.employer,
                totals.individual, totals.toAccount, totals.resident, totals.premium, totals.fiscal);
    }

    @Transactional(readOnly = true)
    public List<ContributionPosting> ofPerson(String personId) {
        return store.ofPerson(personId);
    }

    private boolean record(ContributionPosting p, Totals totals) {
        if (!store.insert(p)) {
            return false; // a concurrent posting of the month recorded the person first, and announced it
        }
        outbox.append(p.event());
        totals.add(p);
        return true;
    }

    private void requireAdmitted(String region, int year, Money wageBase) {
        EmployeeRates inForce = rates.inForce(region, year).orElseThrow(() -> new InvalidRequestException("wageBase",
                "no employee contribution rates cover region " + region + " in " + year + "; the bureau adds them first"));
        if (!inForce.admits(wageBase)) {
            throw new InvalidRequestException("wageBase", "must lie between " + inForce.wageBaseFloor() + " and "
                    + inForce.wageBaseCeiling() + " yuan a month in region " + region + " (" + inForce.name() + ")");
        }
    }

    private static final class Totals {
        Money employer = Money.ZERO;
        Money individual = Money.ZERO;
        Money toAccount = Money.ZERO;
        Money resident = Money.ZERO;
        Money premium = Money.ZERO;
        Money fiscal = Money.ZERO;

        void add(ContributionPosting p) {
            employer = employer.plus(p.employer());
            individual = individual.plus(p.individual());
            toAccount = toAccount.plus(p.toAccount());
            resident = resident.plus(p.residentContribution());
            premium = premium.plus(p.premiumSubsidy());
            fiscal = fiscal.plus(p.fiscalSubsidy());
        }
    }
}
