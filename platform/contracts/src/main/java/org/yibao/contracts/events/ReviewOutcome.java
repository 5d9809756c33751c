package org.yibao.contracts.events;

/** What became of a finding of the smart audit (审核结论). */
public enum ReviewOutcome {

    /** 确认违规: a reviewer confirmed it; the amount in violation is to be deducted or recovered. */
    CONFIRMED,

    /** 排除: a reviewer dismissed it; nothing is deducted. */
    DISMISSED,

    /** 撤销: its claim was reversed in full (or the claim it rested on) before anyone reviewed it. */
    WITHDRAWN
}
