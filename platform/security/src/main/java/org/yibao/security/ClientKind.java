package org.yibao.security;

/**
 * What kind of caller a client is. Each kind carries the one attribute that bounds what it may
 * touch: an institution for hospitals and pharmacies, a department for feed suppliers, roles for
 * bureau staff.
 */
public enum ClientKind {
    /** A designated hospital's information system (医院 HIS), acting for one institution. */
    HIS,
    /** A designated retail pharmacy (定点零售药店), acting for one institution, pharmacy visits only. */
    PHARMACY,
    /** A department supplying identity feeds (民政, 乡村振兴, 残联, 退役军人事务). */
    DEPARTMENT,
    /** A member of the bureau's staff, with roles. */
    STAFF
}
