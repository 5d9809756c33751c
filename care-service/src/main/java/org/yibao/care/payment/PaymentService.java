package org.yibao.care.payment;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.care.benefit.Benefit;
import org.yibao.care.benefit.BenefitService;
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
 * (CareBenefitPaid) in the transaction that records it:
 * <ul>
 *   <li>a care institution's monthly bill (护理费用月结): the month's days of each of its own beneficiaries,
 *       priced by level and setting; the whole bill is refused when one line is;</li>
 *   <li>the home-care run (居家护理按月支付): every home-care beneficiary's days of a month that has ended,
 *       paid to the person; a month is run once.</li>
 * </ul>
 */
@Service
public class PaymentService {

    /** One line of a bill as sent: a beneficiary and the first and last day of care in the month. */
    public record Line(String personId, LocalDate from, LocalDate to) {
    }

    private final PaymentStore store;
    private final BenefitService benefits;
    private final InstitutionService institutions;
    private final CarePolicies policies;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentService(PaymentStore store, BenefitService benefits, InstitutionService institutions, CarePolicies policies,
                   OutboxWriter outbox, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.benefits = benefits;
        this.institutions = institutions;
        this.policies = policies;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * A care institution's bill for a month, sent by the institution itself (its HIS client).
     *
     * @throws ForbiddenException      (403) when the caller is another institution, or naming {@code lines[i].personId}
     *                                 when the person is not a beneficiary assigned to this institution in the month
     * @throws NotFoundException       (404) when the institution is not registered
     * @throws InvalidRequestException (400) naming {@code lines[i].personId} given twice or {@code lines[i].to} before its from
     * @throws RefusedException        (422) naming {@code month} (not begun yet; the institution gives no institution care)
     *                                 or {@code lines[i].from}/{@code lines[i].to} outside the month or the benefit's validity
     * @throws ConflictException       (409) when the institution has billed the month already
     */
    @Transactional
    public Bill bill(String institutionCode, YearMonth month, List<Line> lines, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "code");
        CareInstitution institution = institutions.get(institutionCode);
        if (!institution.provides(CareSetting.INSTITUTION)) {
            throw new RefusedException("code: " + institutionCode + " does not provide institution care");
        }
        Instant now = clock.instant();
        if (month.isAfter(YearMonth.now(clock))) {
            throw new RefusedException("month: " + month + " has not begun");
        }
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        UUID billId = UUID.randomUUID();
        if (!store.insertBill(billId, institutionCode, month, caller.clientId(), now)) {
            throw new ConflictException("institution " + institutionCode + " has billed " + month + " already");
        }
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
            Payment payment = pay(benefit, month, line.from(), line.to(), billId, now);
            if (!store.insertPayment(payment)) {
                throw new ConflictException(at + ".personId: the person's institution care in " + month + " was paid already");
            }
            paid.add(payment);
        }
        Money standard = Money.sum(paid.stream().map(Payment::standardAmount).toList());
        Money fund = Money.sum(paid.stream().map(Payment::fundPaid).toList());
        Money share = Money.sum(paid.stream().map(Payment::personShare).toList());
        store.billTotals(billId, standard, fund, share);
        paid.forEach(this::announce);
        meters.counter("yibao.care.bills").increment();
        return new Bill(billId, institutionCode, month, caller.clientId(), now, paid, standard, fund, share);
    }

    /** A bill as recorded. @throws NotFoundException (404) when the institution did not bill the month */
    @Transactional(readOnly = true)
    public Bill billOf(String institutionCode, YearMonth month, CallerIdentity caller) {
        caller.requireOwnInstitution(institutionCode, "code");
        return store.bill(institutionCode, month)
                .orElseThrow(() -> new NotFoundException("institution " + institutionCode + " has no bill for " + month));
    }

    /**
     * Pays every home-care beneficiary's days of a month that has ended; a care officer runs it. Run again,
     * it changes nothing and answers the first run's payments ({@code alreadyRun}). All or nothing: a
     * beneficiary the month's policy cannot price refuses the run.
     *
     * @throws RefusedException (422) naming {@code month} when the month has not ended
     */
    @Transactional
    public HomeCareRun runHomeCare(YearMonth month, CallerIdentity caller) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw new RefusedException("month: " + month + " has not ended; home care is paid after the month");
        }
        Instant now = clock.instant();
        if (!store.insertRun(month, caller.clientId(), now)) {
            return summary(month, true, store.homePayments(month));
        }
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Payment> paid = new ArrayList<>();
        for (Benefit benefit : benefits.overlapping(CareSetting.HOME, first, last)) {
            LocalDate from = benefit.validFrom().isAfter(first) ? benefit.validFrom() : first;
            LocalDate to = benefit.lastDay().isBefore(last) ? benefit.lastDay() : last;
            Payment payment = pay(benefit, month, from, to, null, now);
            if (store.insertPayment(payment)) {
                paid.add(payment);
                announce(payment);
            }
        }
        meters.counter("yibao.care.home_care_runs").increment();
        return summary(month, false, paid);
    }

    private Payment pay(Benefit benefit, YearMonth month, LocalDate from, LocalDate to, UUID billId, Instant now) {
        CarePolicy policy = policies.inForce(benefit.regionCode(), month.getYear()).orElseThrow(() -> new RefusedException(
                "month: region " + benefit.regionCode() + " has no long-term care policy for " + month.getYear()));
        CarePricing.Priced priced;
        try {
            priced = CarePricing.price(policy, benefit, from, to);
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

    private static HomeCareRun summary(YearMonth month, boolean alreadyRun, List<Payment> payments) {
        return new HomeCareRun(month, alreadyRun, payments.size(), Money.sum(payments.stream().map(Payment::standardAmount).toList()),
                Money.sum(payments.stream().map(Payment::fundPaid).toList()), Money.sum(payments.stream().map(Payment::personShare).toList()));
    }
}
