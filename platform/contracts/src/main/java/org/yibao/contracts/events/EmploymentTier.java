package org.yibao.contracts.events;

/**
 * How an employee-scheme member is enrolled: through an employer, or individually (灵活就业) at one of
 * two contribution tiers. Outpatient limits differ by it; residents have none.
 */
public enum EmploymentTier {
    /** 单位参保 */
    EMPLOYER,
    /** 个人参保一档 */
    INDIVIDUAL_TIER_1,
    /** 个人参保二档 */
    INDIVIDUAL_TIER_2
}
