package org.yibao.clearing.deduction;

import org.yibao.contracts.money.Money;

import java.time.Instant;

/**
 * A deduction (扣款) or recovery (追回基金) to net from an institution's next monthly payment.
 *
 * @param sourceId   the violation id (a deduction and its give-back) or the case id (a recovery)
 * @param settlementId the claim a deduction was confirmed on; null for a recovery
 * @param amount     yuan: positive when taken from the institution, negative when given back
 * @param nettedIn   the payment order that netted it; null while outstanding
 */
public record Deduction(String sourceId, Kind kind, String institutionCode, String settlementId, Money amount, String reason,
                        Instant occurredAt, String nettedIn) {

    public enum Kind {
        /** 扣款: a reviewer confirmed a smart-audit finding; its amount in violation is deducted. */
        DEDUCTION,
        /**
         * 返还: a confirmed finding later dismissed or withdrawn (an appeal won), or its claim reversed in full:
         * the deduction is paid back, once.
         */
        DEDUCTION_RETURNED,
        /** 追回基金: a reviewed case ordered the institution to pay money back to the fund. */
        RECOVERY;

        /** Whether it counts as a deduction (with its give-back) or as a recovery in the payment. */
        public boolean isRecovery() {
            return this == RECOVERY;
        }
    }
}
