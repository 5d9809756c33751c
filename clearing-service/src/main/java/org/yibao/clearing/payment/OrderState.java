package org.yibao.clearing.payment;

/** A monthly payment order's state; each state names where it may go. */
public enum OrderState {
    /** 已制单: prepared by a clearing officer, waiting for another one's approval. */
    PREPARED,
    /** 已审核拨付: approved by a second clearing officer; its month is closed for the institution. */
    APPROVED,
    /** 已作废: its inputs (the month's owed, the deductions outstanding) changed before approval; a new one replaces it. */
    SUPERSEDED;

    public boolean canBecome(OrderState next) {
        return this == PREPARED && (next == APPROVED || next == SUPERSEDED);
    }
}
