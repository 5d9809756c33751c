package org.yibao.settlement.maternity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.MaternityAllowanceGranted;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.settlement.policy.MaternityLeave;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPacks;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.settlement.readmodel.ReadModelStore;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Maternity allowances (生育津贴): an application is checked against what settlement knows (the person's
 * enrollment on the delivery date, as the read model answers for that date, and the region's employee pack), the
 * allowance is computed with the parts of its calculation and recorded, and MaternityAllowanceGranted goes through
 * the outbox in the same transaction, so the funds' reports count it.
 */
@Service
public class MaternityAllowanceService {

    private final MaternityAllowanceStore store;
    private final ReadModelStore readModels;
    private final PolicyPacks packs;
    private final OutboxWriter outbox;
    private final Clock clock;

    MaternityAllowanceService(MaternityAllowanceStore store, ReadModelStore readModels, PolicyPacks packs, OutboxWriter outbox,
                              Clock clock) {
        this.store = store;
        this.readModels = readModels;
        this.packs = packs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Grants the allowance the application's facts give.
     *
     * @param decidedBy the staff member's id, from their token
     * @throws InvalidRequestException naming {@code deliveryDate} in the future, {@code personId} not enrolled on the
     *                                 delivery date or not an employee, {@code babies} above 1 for a miscarriage, or
     *                                 {@code leaveDays} not the days that follow from the facts (the message gives them)
     * @throws ConflictException       when the person already has an allowance for that delivery date
     */
    @Transactional
    public MaternityAllowance grant(AllowanceRequest request, String decidedBy) {
        LocalDate date = request.deliveryDate();
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("deliveryDate", "is in the future");
        }
        String personId = request.personId().value();
        Enrollment enrollment = readModels.enrollmentOn(personId, date).filter(e -> e.coversDate(date))
                .orElseThrow(() -> new InvalidRequestException("personId", "is not enrolled in basic medical insurance on the"
                        + " delivery date " + date));
        if (enrollment.scheme() != Scheme.EMPLOYEE) {
            throw new InvalidRequestException("personId", "is enrolled as a " + enrollment.scheme() + " on " + date
                    + "; maternity insurance (生育保险) and its allowance are for employees");
        }
        MaternityCover.require(request.personId(), enrollment, date);
        PolicyPack pack = packs.inForce(enrollment.regionCode(), Scheme.EMPLOYEE, date)
                .filter(p -> p.maternityLeave().isPresent())
                .orElseThrow(() -> new InvalidRequestException("personId", "no employee pack with maternity leave is in force for"
                        + " region " + enrollment.regionCode() + " on " + date));
        if (!request.deliveryKind().birth() && request.babies() != 1) {
            throw new InvalidRequestException("babies", "must be 1 for a " + request.deliveryKind());
        }
        MaternityLeave.Days days = pack.maternityLeave().orElseThrow().daysFor(request.deliveryKind(), request.babies());
        if (request.leaveDays() != days.total()) {
            throw new InvalidRequestException("leaveDays", "must be " + days.total() + " for a " + request.deliveryKind()
                    + " delivery of " + request.babies() + " under " + pack.label() + " (" + days.base() + " + "
                    + days.difficult() + " difficult delivery + " + days.extraBabies() + " extra babies + " + days.region()
                    + " region), was " + request.leaveDays());
        }
        Money amount = MaternityAllowance.amount(request.averageMonthlyWage(), days.total());
        Instant now = clock.instant();
        MaternityAllowance allowance = new MaternityAllowance(UUID.randomUUID(), personId, enrollment.regionCode(), pack.label(),
                date, request.deliveryKind(), request.babies(), request.averageMonthlyWage(), days.total(), days.base(),
                days.difficult(), days.extraBabies(), days.region(), amount, decidedBy, now);
        if (!store.insert(allowance)) {
            throw new ConflictException("person " + personId + " already has a maternity allowance for the delivery of " + date);
        }
        outbox.append(new MaternityAllowanceGranted(allowance.id().toString(), personId, allowance.regionCode(), Scheme.EMPLOYEE,
                allowance.policyPack(), date, allowance.deliveryKind(), allowance.babies(), allowance.averageMonthlyWage(),
                allowance.leaveDays(), allowance.baseDays(), allowance.difficultDays(), allowance.extraBabyDays(),
                allowance.regionDays(), amount, decidedBy, now));
        return allowance;
    }

    @Transactional(readOnly = true)
    public List<MaternityAllowance> ofPerson(String personId) {
        return store.ofPerson(personId);
    }
}
