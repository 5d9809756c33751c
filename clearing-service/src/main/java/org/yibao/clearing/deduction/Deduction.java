package org.yibao.clearing.deduction;

import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * A deduction (扣款) or recovery (追回基金) to net from an institution's next monthly payment.
 *
 * @param sourceId   the claim review's id (a deduction and its give-backs; a smart-audit finding's id for a deduction
 *                   kept before claim review) or the case id (a recovery)
 * @param settlementId the claim a deduction was decided on; null for a recovery
 * @param amount     yuan: positive when taken from the institution, negative when given back
 * @param nettedIn   the payment order that netted it; null while outstanding
 */
public record Deduction(String sourceId, Kind kind, String institutionCode, String settlementId, Money amount, String reason,
                        Instant occurredAt, String nettedIn) {

    public enum Kind {
        /** 扣款: a claim review deducted lines of a claim; their total is deducted. */
        DEDUCTION,
        /**
         * 返还: the claim reversed in full, or covered by a recovery naming it: what is still deducted is paid back,
         * once.
         */
        DEDUCTION_RETURNED,
        /** 申诉返还: an appeal withdrew lines (fully or partly): what it gave back is paid back, once per appeal. */
        APPEAL_GIVEN_BACK,
        /** 追回基金: a reviewed case ordered the institution to pay money back to the fund. */
        RECOVERY;

        /** Whether it counts as a deduction (with its give-back) or as a recovery in the payment. */
        public boolean isRecovery() {
            return this == RECOVERY;
        }
    }
}
