package org.yibao.settlement.account;

/**
 * Whom an employee's account may pay for under family mutual aid (家庭共济, 国办发〔2021〕14号: the
 * account may pay the medical costs of the spouse, parents and children): the member's relation to the
 * holder.
 */
public enum FamilyRelationship {
    /** 配偶 */
    SPOUSE,
    /** 父母 — the holder's father or mother */
    PARENT,
    /** 子女 — the holder's child */
    CHILD
}
