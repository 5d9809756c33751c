package org.yibao.enrollment.enrollment;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.AssistanceIdentityChanged;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.EnrollmentChanged;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.PersonEnrolled;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.identity.IdMasking;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.enrollment.contribution.ContributionPolicies;
import org.yibao.enrollment.contribution.ContributionPolicy;
import org.yibao.enrollment.contribution.ContributionService;
import org.yibao.enrollment.contribution.Subsidy;
import org.yibao.enrollment.person.Person;
import org.yibao.enrollment.person.PersonStore;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enrollment per person, scheme and year: one basic scheme at a time, the resident contribution and
 * its premium subsidy, and the events that tell settlement who is covered.
 */
@Service
public class EnrollmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);

    private final PersonStore persons;
    private final EnrollmentStore enrollments;
    private final AssistanceIdentityStore identities;
    private final ContributionPolicies policies;
    private final ContributionService contributions;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    public EnrollmentService(PersonStore persons, EnrollmentStore enrollments, AssistanceIdentityStore identities,
                             ContributionPolicies policies, OutboxWriter outbox, MeterRegistry meters, Clock clock,
                             ContributionService contributions) {
        this.persons = persons;
        this.enrollments = enrollments;
        this.identities = identities;
        this.policies = policies;
        this.contributions = contributions;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /** Enrolls a registered person; 409 when they already hold a basic scheme for the year. */
    @Transactional
    public Enrollment enroll(EnrollRequest r, String source) {
        String personId = r.personId().value();
        Person person = persons.find(personId)
                .orElseThrow(() -> new RefusedException("the person is not registered; register them before enrolling"));
        checkTypeAndTier(r.scheme(), r.personType(), Optional.ofNullable(r.tier()));
        LocalDate effectiveFrom = Optional.ofNullable(r.effectiveFrom()).orElse(LocalDate.of(r.year(), 1, 1));
        if (effectiveFrom.getYear() != r.year()) {
            throw new InvalidRequestException("effectiveFrom", "must fall in " + r.year());
        }
        Optional<Money> wageBase = contributions.checkedWageBase(r.scheme(), r.personType(), person.regionCode(), r.year(),
                r.wageBase());
        Enrollment enrollment = priced(personId, r.year(), r.scheme(), r.personType(), Optional.ofNullable(r.tier()),
                person.regionCode(), effectiveFrom, source);
        insert(enrollment);
        contributions.registerWageBase(personId, r.year(), effectiveFrom, wageBase);
        return enrollment;
    }

    /**
     * Changes an enrollment's facts from a date on (参保状态变更: retirement, tier, suspension, end): the
     * fields given apply from {@code effectiveFrom} — by default today, or the enrollment's start for a
     * year not begun — and into the later periods that still hold the value replaced (up to the first that
     * set the field itself); what was true before stays true, so a bill dated before the change is still
     * paid by the facts of its own date. Announces one EnrollmentChanged per period
     * whose facts changed; a change that changes nothing returns the enrollment unchanged and announces
     * nothing.
     *
     * @throws NotFoundException       (404) no enrollment for the year
     * @throws InvalidRequestException (422) effectiveFrom outside the year or before the enrollment began,
     *                                 absent for a past year; a person type or tier not of the scheme
     */
    @Transactional
    public Enrollment change(String personId, int year, ChangeRequest r) {
        Enrollment current = enrollments.lock(personId, year)
                .orElseThrow(() -> new NotFoundException("the person has no enrollment in " + year));
        LocalDate from = changeDate(current, r.effectiveFrom());
        if (r.wageBase() != null) {
            contributions.changeWageBase(personId, year, current.scheme(), current.regionCode(), from, r.wageBase());
        }
        List<EnrollmentPeriod> periods = enrollments.periods(personId, year);
        EnrollmentPeriod inForce = periods.stream().filter(p -> !p.validFrom().isAfter(from)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("enrollment " + year + " has no period on " + from));
        List<EnrollmentPeriod> changed = new ArrayList<>();
        EnrollmentPeriod first = inForce.with(r, from);
        checkTypeAndTier(current.scheme(), first.personType(), first.tier());
        if (!first.sameFacts(inForce)) {
            changed.add(first);
        }
        // a given field is carried into the later periods only while they still hold the value it replaced: a later
        // period that set the field itself (a termination recorded from September, a retirement from November) keeps
        // its value, and so do those after it
        boolean carryType = r.personType() != null;
        boolean carryTier = r.tier() != null;
        boolean carryStatus = r.status() != null;
        for (EnrollmentPeriod later : periods) {
            if (!later.validFrom().isAfter(from)) {
                continue;
            }
            carryType &= later.personType() == inForce.personType();
            carryTier &= later.tier().equals(inForce.tier());
            carryStatus &= later.status() == inForce.status();
            EnrollmentPeriod next = new EnrollmentPeriod(later.validFrom(), carryType ? first.personType() : later.personType(),
                    carryTier ? first.tier() : later.tier(), carryStatus ? first.status() : later.status(), r.reason());
            checkTypeAndTier(current.scheme(), next.personType(), next.tier());
            if (!next.sameFacts(later)) {
                changed.add(next);
            }
        }
        if (changed.isEmpty()) {
            return enrollments.find(personId, year, LocalDate.now(clock)).orElseThrow();
        }
        changed.forEach(p -> enrollments.savePeriod(personId, year, p));
        EnrollmentPeriod latest = last(enrollments.periods(personId, year));
        Enrollment now = new Enrollment(personId, year, current.scheme(), latest.personType(), latest.tier(), current.regionCode(),
                latest.status(), current.effectiveFrom(), current.contribution(), current.subsidy(), current.subsidyCategory(),
                current.source());
        enrollments.update(now);
        for (EnrollmentPeriod p : changed) {
            outbox.append(new EnrollmentChanged(personId, current.regionCode(), current.scheme(), p.personType(),
                    p.tier().orElse(null), year, p.status(), p.validFrom(), r.reason(), clock.instant()));
            meters.counter("yibao.enrollment.changes", "scheme", current.scheme().name(), "status", p.status().name()).increment();
        }
        return enrollments.find(personId, year, LocalDate.now(clock)).orElseThrow();
    }

    /** The enrollment's periods (its facts over time), in the order they took effect. */
    @Transactional(readOnly = true)
    public List<EnrollmentPeriod> periods(String personId, int year) {
        if (enrollments.find(personId, year, LocalDate.now(clock)).isEmpty()) {
            throw new NotFoundException("the person has no enrollment in " + year);
        }
        return enrollments.periods(personId, year);
    }

    private static EnrollmentPeriod last(List<EnrollmentPeriod> periods) {
        return periods.get(periods.size() - 1);
    }

    /** The first day a change applies: the one given, else today (the year's start for a year not begun yet). */
    private LocalDate changeDate(Enrollment e, LocalDate given) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = given;
        if (from == null) {
            if (today.getYear() > e.year()) {
                throw new InvalidRequestException("effectiveFrom", "is required for a change to the enrollment of "
                        + e.year() + ", a past year: give the day the change took effect");
            }
            from = today.isBefore(e.effectiveFrom()) ? e.effectiveFrom() : today;
        }
        if (from.getYear() != e.year()) {
            throw new InvalidRequestException("effectiveFrom", "must fall in " + e.year());
        }
        if (from.isBefore(e.effectiveFrom())) {
            throw new InvalidRequestException("effectiveFrom", "must not be before " + e.effectiveFrom()
                    + ", when the enrollment began");
        }
        return from;
    }

    @Transactional(readOnly = true)
    public List<Enrollment> ofPerson(String personId) {
        return enrollments.ofPerson(personId, LocalDate.now(clock));
    }

    /**
     * A person's assistance identity changed (from assistance-service). Someone newly identified with a
     * subsidised category who is not enrolled this year is enrolled at once as a resident, effective
     * today with no waiting period, and subsidised (随时认定、随时参保、随时享受待遇); an enrolled resident
     * gets the subsidy. A subsidy once granted for a year is kept when the identity later ends
     * (ASSUMPTION: the contribution for the year was settled on it).
     */
    @Transactional
    public void onAssistanceIdentity(AssistanceIdentityChanged e) {
        identities.save(e);
        if (e.currentCategory() == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (e.validTo() != null && e.validTo().isBefore(today)) {
            return;
        }
        int year = today.getYear();
        Optional<Enrollment> current = enrollments.lock(e.personId(), year);
        if (current.isEmpty()) {
            enrollIdentified(e, year, today);
            return;
        }
        Enrollment enrollment = current.get();
        if (enrollment.scheme() != Scheme.RESIDENT) {
            return; // employees' contributions are not subsidised
        }
        policies.inForce(enrollment.regionCode(), year).flatMap(p -> p.subsidyFor(e.currentCategory())).ifPresent(subsidy -> {
            Money amount = subsidy.paidOf(enrollment.contribution());
            if (amount.compareTo(enrollment.subsidy()) > 0) {
                enrollments.update(new Enrollment(enrollment.personId(), year, enrollment.scheme(), enrollment.personType(),
                        enrollment.tier(), enrollment.regionCode(), enrollment.status(), enrollment.effectiveFrom(),
                        enrollment.contribution(), amount, Optional.of(e.currentCategory()), enrollment.source()));
                meters.counter("yibao.enrollment.subsidies", "category", e.currentCategory().name()).increment();
            }
        });
    }

    private void enrollIdentified(AssistanceIdentityChanged e, int year, LocalDate today) {
        ResidentId id = ResidentId.of(e.personId());
        String region = Optional.ofNullable(e.regionCode()).orElse(id.regionCode());
        Optional<ContributionPolicy> policy = policies.inForce(region, year);
        if (policy.isEmpty() || policy.get().subsidyFor(e.currentCategory()).isEmpty()) {
            // stays on the not-yet-enrolled list (动态清零) for the bureau to follow up
            log.warn("{} identified as {} in {} has no subsidy policy there; not enrolled automatically",
                    IdMasking.mask(e.personId()), e.currentCategory(), region);
            meters.counter("yibao.enrollment.identified.not.enrolled", "category", e.currentCategory().name()).increment();
            return;
        }
        persons.insert(new Person(id, Optional.empty(), id.gender(), id.birthDate(), region, Optional.empty(), false));
        Enrollment enrollment = priced(e.personId(), year, Scheme.RESIDENT, PersonType.RESIDENT, Optional.empty(), region,
                today, "ASSISTANCE");
        insert(enrollment);
    }

    /** The enrollment with its contribution and any subsidy the person's assistance identity brings. */
    private Enrollment priced(String personId, int year, Scheme scheme, PersonType type, Optional<EmploymentTier> tier,
                              String region, LocalDate effectiveFrom, String source) {
        if (scheme == Scheme.EMPLOYEE) {
            return new Enrollment(personId, year, scheme, type, tier, region, EnrollmentStatus.ACTIVE, effectiveFrom,
                    Money.ZERO, Money.ZERO, Optional.empty(), source);
        }
        ContributionPolicy policy = policies.inForce(region, year).orElseThrow(() -> new RefusedException(
                "no resident contribution policy covers region " + region + " in " + year));
        Money contribution = policy.residentContribution();
        Optional<AssistanceCategory> category = identities.categoryOn(personId, effectiveFrom)
                .filter(c -> policy.subsidyFor(c).isPresent());
        Money subsidy = category.flatMap(policy::subsidyFor).map(s -> s.paidOf(contribution)).orElse(Money.ZERO);
        return new Enrollment(personId, year, scheme, type, tier, region, EnrollmentStatus.ACTIVE, effectiveFrom,
                contribution, subsidy, category, source);
    }

    private void insert(Enrollment e) {
        if (!enrollments.insert(e)) {
            Enrollment existing = enrollments.find(e.personId(), e.year(), e.effectiveFrom()).orElseThrow();
            throw new ConflictException("the person is already enrolled in " + existing.scheme() + " for " + e.year()
                    + "; a person holds one basic scheme at a time");
        }
        enrollments.savePeriod(e.personId(), e.year(), new EnrollmentPeriod(e.effectiveFrom(), e.personType(), e.tier(),
                e.status(), "enrolled (" + e.source() + ")"));
        outbox.append(new PersonEnrolled(e.personId(), e.regionCode(), e.scheme(), e.personType(), e.tier().orElse(null),
                e.year(), e.effectiveFrom(), clock.instant()));
        meters.counter("yibao.enrollment.enrolled", "scheme", e.scheme().name(), "source", e.source()).increment();
        if (e.subsidy().isPositive()) {
            meters.counter("yibao.enrollment.subsidies", "category", e.subsidyCategory().map(Enum::name).orElse("none")).increment();
        }
    }

    static void checkTypeAndTier(Scheme scheme, PersonType type, Optional<EmploymentTier> tier) {
        boolean employeeType = type == PersonType.EMPLOYEE_ACTIVE || type == PersonType.EMPLOYEE_RETIRED;
        if ((scheme == Scheme.EMPLOYEE) != employeeType) {
            throw new InvalidRequestException("personType", type + " does not belong to the " + scheme + " scheme");
        }
        if (scheme == Scheme.EMPLOYEE && tier.isEmpty()) {
            throw new InvalidRequestException("tier", "is required for employees (EMPLOYER, INDIVIDUAL_TIER_1 or INDIVIDUAL_TIER_2)");
        }
        if (scheme == Scheme.RESIDENT && tier.isPresent()) {
            throw new InvalidRequestException("tier", "applies to employees only");
        }
    }
}
