package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * A monthly payment order (月度拨付单) to a designated institution was approved: the funds pay it what each
 * line says, and its month is closed for the institution (a later claim or reversal of that month is netted
 * in the next open one). Prepared by one staff member, approved by another, both named by their tokens.
 *
 * @param orderId         unique per order; a consumer counts it once
 * @param institutionCode the designated institution paid (定点医药机构)
 * @param regionCode      the region whose clearing rules applied (administrative division code)
 * @param period          the clearing period, {@code yyyy-MM}
 * @param lines           one per fund, every part shown; each balances: owed = withheld + deducted + recovered + prepaymentRecovered + deferred + paid
 * @param paid            the order's total paid, in yuan
 */
@EventType(name = "PaymentOrderIssued", version = 1, topic = Topics.PAYMENT_ORDERS)
public record PaymentOrderIssued(
        String orderId,
        String institutionCode,
        String regionCode,
        String period,
        List<Line> lines,
        Money paid,
        String preparedBy,
        String approvedBy,
        Instant approvedAt) implements IntegrationEvent {

    public PaymentOrderIssued {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One fund's line, in yuan.
     *
     * @param fund      EMPLOYEE_POOLING, RESIDENT_POOLING, CATASTROPHIC, SUPPLEMENTARY, MEDICAL_ASSISTANCE or PERSONAL_ACCOUNT
     * @param owed      the period's claims less reversals, plus what earlier months deferred
     * @param withheld  the quality deposit withheld (质量保证金)
     * @param deducted  deductions netted (扣款); negative when given back
     * @param recovered recoveries netted (追回基金)
     * @param deferred  carried to the next month of the same year (over the monthly cap, or a negative balance); a
     *                  December's is settled by the year-end clearing
     * @param paid      paid this month
     * @param prepaymentRecovered instalments of prepayments (预付金) recovered; added after v1's first release: a
     *                  producer before it sends none (read as 0.00)
     */
    public record Line(String fund, Money owed, Money withheld, Money deducted, Money recovered, Money deferred, Money paid,
                       Money prepaymentRecovered) {

        /** A line recovering no prepayment. */
        public Line(String fund, Money owed, Money withheld, Money deducted, Money recovered, Money deferred, Money paid) {
            this(fund, owed, withheld, deducted, recovered, deferred, paid, Money.ZERO);
        }

        public Line {
            prepaymentRecovered = prepaymentRecovered == null ? Money.ZERO : prepaymentRecovered;
        }
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
