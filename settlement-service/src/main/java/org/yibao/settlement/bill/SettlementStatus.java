package org.yibao.settlement.bill;

/** Where a one-stop bill stands: computed only (预结算), settled (结算), or reversed in full (冲销). */
public enum SettlementStatus {
    /** computed for the caller; nothing was stored or charged */
    PRE_SETTLEMENT,
    SETTLED,
    REVERSED;

    /** Only a settled bill is reversed, and only once. */
    boolean mayBeReversed() {
        return this == SETTLED;
    }
}
