package org.yibao.care.payment;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.care.benefit.Benefit;
import org.yibao.care.benefit.BenefitService;
import org.yibao.care.enrollment.EnrollmentFacts;
import org.yibao.care.enrollment.EnrollmentHistory;
import org.yibao.care.institution.CareInstitution;
import org.yibao.care.institution.InstitutionService;
import org.yibao.care.policy.CarePolicies;
import org.yibao.care.policy.CarePolicy;
import org.yibao.contracts.events.CareBenefitPaid;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;
import org.yibao.web.problem.RefusedException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The long-term care fund's monthly payments, one transaction each, every payment announced
 * (CareBenefitPaid) in the transaction that records it. A day of care is paid only when it has happened (its
 * month has ended), the benefit covers it, the person was enrolled in basic medical insurance in the benefit's
 * region on it (the enrollment read model, a history by effective date), and it was not paid before (a
 * benefit's day is paid once, {@code care_payment_day}):
 * <ul>
 *   <li>a care institution's monthly bill (护理费用月结), for a month that has ended: the days of each of its own
 *       beneficiaries, priced by level and setting; the whole bill is refused when one line is. A later bill of
 *       the same month is a supplementary bill (补报) for days not billed yet — a benefit decided after the
 *       month's bill, its start back-dated to the assessment day;</li>
 *   <li>the home-care run (居家护理按月支付): every home-care beneficiary's days of a month that has ended, paid to
 *       the person; run again, it pays only the days found due since (nothing new: it changes nothing).</li>
 * </ul>
 */
@Service
public class PaymentService {

    /** One line of a bill as sent: a beneficiary and the first and last day of care in the month. */
    public record Line(String personId, LocalDate from, LocalDate to) {
    }

    private final PaymentStore store;
    private final BenefitService benefits;
    private final EnrollmentFacts enrollment;
    private final InstitutionService institutions;
    private final CarePolicies policies;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentService(PaymentStore store, BenefitService benefits, EnrollmentFacts enrollment, InstitutionService institutions,
                   CarePolicies policies, OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.benefits = benefits;
        this.enrollment = enrollment;
        this.institutions = institutions;
        this.policies = policies;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * A care institution's bill for a month that has ended, sent by the institution itself (its HIS client): the
     * month's bill, or a supplementary bill (补报, {@code sequence} 2, 3...) when the institution billed the month
     * already — for beneficiaries or days not billed yet.
     *
     * @throws ForbiddenException      (403) when the caller is another institution, or naming {@code lines[i].personId}
     *                                 when the person is not a beneficiary assigned to this institution in the month
     * @throws NotFoundException       (404) when the institution is not registered
     * @throws InvalidRequestException (400) naming {@code lines[i].personId} given twice or {@code lines[i].to} before its from
     * @throws RefusedException        (422) naming {@code month} (not ended yet: care is billed after it happened) or
     *                                 {@code code} (the institution gives no institution care), or {@code lines[i].from} /
     *                                 {@code lines[i].to} outside the month or the benefit's validity, or with days the
     *                                 person was not enrolled in the benefit's region ({@code from} when its first day is
     *                                 one, {@code to} otherwise)
     * @throws ConflictException       (409) naming {@code lines[i].from} / {@code lines[i].to} when days of the line were
     *                                 paid already (by an earlier bill of the month)
     */
    @Transactional
    public Bill bill(String institutionCode, YearMonth month, List<Line> lines, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "code");
        CareInstitution institution = institutions.get(institutionCode);
        if (!institution.provides(CareSetting.INSTITUTION)) {
            throw new RefusedException("code: " + institutionCode + " does not provide institution care");
        }
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new RefusedException("month: " + month + " has not ended; an institution bills a month's care after the month,"
                    + " from " + month.plusMonths(1).atDay(1));
        }
        Instant now = clock.instant();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        UUID billId = UUID.randomUUID();
        int sequence = store.openBill(billId, institutionCode, month, caller.clientId(), now);
        Set<String> seen = new HashSet<>();
        List<Payment> paid = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (!seen.add(line.personId())) {
                throw new InvalidRequestException(at + ".personId", "is billed twice in this bill");
            }
            if (line.to().isBefore(line.from())) {
                throw new InvalidRequestException(at + ".to", "is before " + at + ".from");
            }
            if (line.from().isBefore(first) || line.from().isAfter(last)) {
                throw new RefusedException(at + ".from: " + line.from() + " is not in " + month);
            }
            if (line.to().isAfter(last)) {
                throw new RefusedException(at + ".to: " + line.to() + " is not in " + month);
            }
            Benefit benefit = benefits.ofPersonOverlapping(line.personId(), CareSetting.INSTITUTION, first, last).stream()
                    .filter(b -> institutionCode.equals(b.institutionCode())).findFirst()
                    .orElseThrow(() -> new ForbiddenException(at + ".personId: the person is not a beneficiary assigned to institution "
                            + institutionCode + " in " + month + "; an institution bills only its own beneficiaries"));
            if (line.from().isBefore(benefit.validFrom())) {
                throw new RefusedException(at + ".from: " + line.from() + " is before the benefit's validity from " + benefit.validFrom());
            }
            if (line.to().isAfter(benefit.lastDay())) {
                throw new RefusedException(at + ".to: " + line.to() + " is after the benefit's last day " + benefit.lastDay());
            }
            List<LocalDate> days = line.from().datesUntil(line.to().plusDays(1)).toList();
            List<LocalDate> notEnrolled = notEnrolled(benefit, days);
            if (!notEnrolled.isEmpty()) {
                String field = at + (notEnrolled.get(0).equals(line.from()) ? ".from" : ".to");
                throw new RefusedException(field + ": the person was not enrolled in basic medical insurance in region "
                        + benefit.regionCode() + " on " + Days.describe(notEnrolled) + "; the fund pays only days of enrollment,"
                        + " bill the days enrolled");
            }
            Set<LocalDate> already = store.paidDays(benefit.benefitId(), line.from(), line.to());
            if (!already.isEmpty()) {
                String field = at + (already.contains(line.from()) ? ".from" : ".to");
                throw new ConflictException(field + ": the person's care on " + Days.describe(already) + " was paid already;"
                        + " a supplementary bill gives only days not billed yet");
            }
            Payment payment = pay(benefit, month, days, billId, now);
            if (!store.insertPayment(payment)) {
                throw new ConflictException(at + ".from: days of the person's care in " + month + " were paid meanwhile; send the bill again");
            }
            paid.add(payment);
        }
        Money standard = Money.sum(paid.stream().map(Payment::standardAmount).toList());
        Money fund = Money.sum(paid.stream().map(Payment::fundPaid).toList());
        Money share = Money.sum(paid.stream().map(Payment::personShare).toList());
        store.billTotals(billId, standard, fund, share);
        paid.forEach(this::announce);
        meters.counter("yibao.care.bills", "supplementary", String.valueOf(sequence > 1)).increment();
        return new Bill(billId, institutionCode, month, sequence, caller.clientId(), now, paid, standard, fund, share);
    }

    /**
     * An institution's bills of a month as recorded: the month's bill and its supplementary bills.
     *
     * @throws NotFoundException (404) when the institution did not bill the month
     */
    @Transactional(readOnly = true)
    public MonthBills billOf(String institutionCode, YearMonth month, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "code");
        List<Bill> bills = store.bills(institutionCode, month);
        if (bills.isEmpty()) {
            throw new NotFoundException("institution " + institutionCode + " has no bill for " + month);
        }
        return MonthBills.of(institutionCode, month, bills);
    }

    /**
     * Pays every home-care beneficiary's days of a month that has ended that are due and not paid yet: the days
     * the benefit covers and the person was enrolled in the benefit's region; a care officer runs it. Run again,
     * it pays only the days found due since (a benefit decided after the earlier run, its start back-dated to the
     * assessment day) and changes nothing when there are none ({@code alreadyRun}, {@code paidNow} 0). All or
     * nothing: a beneficiary the month's policy cannot price refuses the run.
     *
     * @throws RefusedException  (422) naming {@code month} when the month has not ended
     * @throws ConflictException (409) naming {@code month} when a day was paid by another transaction meanwhile (run again)
     */
    @Transactional
    public HomeCareRun runHomeCare(YearMonth month, CallerIdentity caller) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new RefusedException("month: " + month + " has not ended; home care is paid after the month");
        }
        Instant now = clock.instant();
        boolean firstRun = store.insertRun(month, caller.clientId(), now);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Payment> paid = new ArrayList<>();
        for (Benefit benefit : benefits.overlapping(CareSetting.HOME, first, last)) {
            LocalDate from = benefit.validFrom().isAfter(first) ? benefit.validFrom() : first;
            LocalDate to = benefit.lastDay().isBefore(last) ? benefit.lastDay() : last;
            List<LocalDate> covered = from.datesUntil(to.plusDays(1)).toList();
            Set<LocalDate> notDue = new HashSet<>(notEnrolled(benefit, covered));
            notDue.addAll(store.paidDays(benefit.benefitId(), from, to));
            List<LocalDate> due = covered.stream().filter(d -> !notDue.contains(d)).toList();
            if (due.isEmpty()) {
                continue;
            }
            Payment payment = pay(benefit, month, due, null, now);
            if (!store.insertPayment(payment)) {
                throw new ConflictException("month: days of " + month + " were paid by another run meanwhile; run again");
            }
            paid.add(payment);
            announce(payment);
        }
        meters.counter("yibao.care.home_care_runs").increment();
        List<Payment> ofMonth = store.homePayments(month);
        return new HomeCareRun(month, !firstRun, paid.size(), Money.sum(paid.stream().map(Payment::fundPaid).toList()), ofMonth.size(),
                Money.sum(ofMonth.stream().map(Payment::standardAmount).toList()), Money.sum(ofMonth.stream().map(Payment::fundPaid).toList()),
                Money.sum(ofMonth.stream().map(Payment::personShare).toList()));
    }

    /** The days (of one year) on which the person was not enrolled in basic medical insurance in the benefit's region. */
    private List<LocalDate> notEnrolled(Benefit benefit, List<LocalDate> days) {
        EnrollmentHistory history = enrollment.historyOf(benefit.personId(), days.get(0).getYear(), days.get(days.size() - 1).getYear());
        return days.stream().filter(d -> !history.enrolledIn(benefit.regionCode(), d)).toList();
    }

    private Payment pay(Benefit benefit, YearMonth month, List<LocalDate> days, UUID billId, Instant now) {
        CarePolicy policy = policies.inForce(benefit.regionCode(), month.getYear()).orElseThrow(() -> new RefusedException(
                "month: region " + benefit.regionCode() + " has no long-term care policy for " + month.getYear()));
        CarePricing.Priced priced;
        try {
            priced = CarePricing.price(policy, benefit, days);
        } catch (IllegalArgumentException e) {
            // a level the year's policy does not price (a policy changed under a running benefit): refused, not a 500
            throw new RefusedException("month: " + e.getMessage());
        }
        return new Payment(UUID.randomUUID(), benefit.benefitId(), benefit.personId(), benefit.regionCode(), benefit.setting(),
                benefit.institutionCode(), month, billId, priced.periods(), priced.standardAmount(), priced.fundPaid(),
                priced.personShare(), now);
    }

    private void announce(Payment p) {
        outbox.append(new CareBenefitPaid(p.paymentId().toString(), p.personId(), p.regionCode(), p.setting(), p.institutionCode(),
                p.month().toString(), p.periods().stream().map(period -> new CareBenefitPaid.Period(period.level(), period.from(),
                        period.to(), period.days(), period.amount())).toList(),
                p.standardAmount(), p.fundPaid(), p.personShare(), p.paidAt()));
    }
}
