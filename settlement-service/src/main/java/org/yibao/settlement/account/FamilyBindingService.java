package org.yibao.settlement.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.Scheme;
import org.yibao.security.CallerIdentity;
import org.yibao.security.Role;
import org.yibao.settlement.readmodel.ReadModelStore;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Family mutual-aid bindings (家庭共济): an enrollment clerk, acting for the holder, registers a spouse,
 * parent or child whose bills the holder's personal account may pay, and ends the binding. Settlement
 * owns them (ADR 0020): they are used only when a bill is paid from an account, which settlement keeps.
 */
@Service
public class FamilyBindingService {

    private final FamilyBindingStore bindings;
    private final ReadModelStore readModels;
    private final Clock clock;

    FamilyBindingService(FamilyBindingStore bindings, ReadModelStore readModels, Clock clock) {
        this.bindings = bindings;
        this.readModels = readModels;
        this.clock = clock;
    }

    /** ASSUMPTION: a binding is registered at most a year (366 days) after the family applied, as a care application. */
    static final int LATEST_REGISTRATION_DAYS = 366;

    /** The binding's first day: the day given (the application's), or today; never in the future nor over a year ago. */
    private LocalDate validFrom(LocalDate given) {
        LocalDate today = LocalDate.now(clock);
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw new InvalidRequestException("validFrom", "is in the future");
        }
        if (given.isBefore(today.minusDays(LATEST_REGISTRATION_DAYS))) {
            throw new InvalidRequestException("validFrom", "is more than " + LATEST_REGISTRATION_DAYS + " days ago");
        }
        return given;
    }

    /**
     * Registers a binding from today, or from the day the family applied ({@code validFrom}).
     *
     * @throws ForbiddenException      (403) a caller who is not an enrollment clerk
     * @throws InvalidRequestException naming {@code memberId} when it is the holder or not enrolled on the first day,
     *                                 {@code personId} when the holder is not an employee enrolled then (no account), or
     *                                 {@code validFrom} in the future or more than a year ago
     * @throws ConflictException       (409) when the pair is bound already
     */
    @Transactional
    public FamilyBinding register(String holderId, FamilyBindingRequest r, CallerIdentity caller) {
        requireClerk(caller);
        String memberId = r.memberId().value();
        LocalDate from = validFrom(r.validFrom());
        if (memberId.equals(holderId)) {
            throw new InvalidRequestException("memberId", "is the account holder; a holder cannot bind themself");
        }
        boolean holderEmployee = readModels.enrollmentOn(holderId, from).filter(e -> e.coversDate(from))
                .filter(e -> e.scheme() == Scheme.EMPLOYEE).isPresent();
        if (!holderEmployee) {
            throw new InvalidRequestException("personId", "the holder is not an employee enrolled on " + from
                    + "; only an employee has a personal account (城乡居民医保不设个人账户)");
        }
        if (readModels.enrollmentOn(memberId, from).filter(e -> e.coversDate(from)).isEmpty()) {
            throw new InvalidRequestException("memberId", "is not enrolled in basic medical insurance on " + from
                    + "; a family member must be a registered, enrolled person");
        }
        FamilyBinding binding = new FamilyBinding(UUID.randomUUID(), holderId, memberId, r.relationship(), from, null,
                caller.clientId(), null, null, clock.instant());
        if (!bindings.insert(binding)) {
            throw new ConflictException("member " + memberId + " is already bound to this holder's account; end that binding first");
        }
        return binding;
    }

    /** Ends a binding today: bills from tomorrow on are no longer paid from the holder's account. */
    @Transactional
    public FamilyBinding end(UUID bindingId, EndBindingRequest r, CallerIdentity caller) {
        requireClerk(caller);
        FamilyBinding binding = bindings.lock(bindingId).orElseThrow(() -> new NotFoundException("no family binding " + bindingId));
        if (binding.endedOn() != null) {
            throw new ConflictException("family binding " + bindingId + " already ended on " + binding.endedOn());
        }
        bindings.end(bindingId, LocalDate.now(clock), caller.clientId(), r.reason());
        return bindings.find(bindingId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<FamilyBinding> ofHolder(String holderId) {
        return bindings.ofHolder(holderId);
    }

    /** Staff register bindings for the holder; the access policy admits enrollment clerks, and so does this. */
    private static void requireClerk(CallerIdentity caller) {
        if (!caller.hasRole(Role.ENROLLMENT_CLERK)) {
            throw new ForbiddenException("only an enrollment clerk registers or ends a family binding for the holder");
        }
    }
}
