package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * A prepayment (预付金) to a designated institution was approved: the fund pays it ahead of its claims, and later
 * monthly payment orders recover it by the schedule (each order's lines show what they recovered). Prepared by one
 * staff member, approved by another, both named by their tokens.
 *
 * @param prepaymentId    unique per prepayment; a consumer counts it once
 * @param fund            EMPLOYEE_POOLING or RESIDENT_POOLING
 * @param amount          paid now, yuan
 * @param schedule        the instalments to recover, adding up to the amount
 */
@EventType(name = "PrepaymentIssued", version = 1, topic = Topics.PAYMENT_ORDERS)
public record PrepaymentIssued(
        String prepaymentId,
        String institutionCode,
        String fund,
        Money amount,
        String reason,
        List<Instalment> schedule,
        String preparedBy,
        String approvedBy,
        Instant approvedAt) implements IntegrationEvent {

    public PrepaymentIssued {
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    /** One month's instalment: the payment order of {@code period} (yyyy-MM) recovers {@code amount} yuan. */
    public record Instalment(String period, Money amount) {
    }

    @Override
    public String partitionKey() {
        return institutionCode;
    }
}
