package org.yibao.contracts.events;

/** Reimbursement class of a catalog item. */
public enum ItemClass {
    /** 甲类: fully within policy scope */
    A,
    /** 乙类: within scope after the prior self-pay share (先行自付) */
    B,
    /** 丙类: outside scope, fully self-paid */
    C
}
