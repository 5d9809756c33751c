package org.yibao.clearing.prepayment;

import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A prepayment (预付金) to an institution: paid ahead of its claims from a basic pooling fund once a second clearing
 * officer approves it, and recovered from the institution's later monthly payments of that fund by its schedule.
 *
 * @param amount              yuan, more than 0
 * @param firstRecoveryPeriod yyyy-MM, the month whose payment order recovers the first instalment
 * @param months              how many monthly instalments (1 to 36)
 * @param state               PREPARED (waiting for approval) or APPROVED (paid)
 * @param recovered           what approved payment orders recovered of it so far, yuan
 * @param schedule            the instalments, adding up to the amount
 */
public record Prepayment(UUID prepaymentId, String institutionCode, Fund fund, Money amount, String reason, String firstRecoveryPeriod,
                         int months, State state, Money recovered, List<PrepaymentSchedule.Instalment> schedule,
                         String preparedBy, Instant preparedAt, String approvedBy, Instant approvedAt) {

    public Prepayment {
        schedule = List.copyOf(schedule);
    }

    /** What is still to recover, yuan. */
    public Money outstanding() {
        return amount.minus(recovered);
    }

    public enum State {
        /** 已制单: waiting for another clearing officer's approval; nothing paid. */
        PREPARED,
        /** 已拨付: paid to the institution; recovered by its schedule. */
        APPROVED
    }
}
