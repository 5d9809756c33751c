package org.yibao.contracts.events;

/** How a person is insured within a scheme; ratios and deductibles differ by it. */
public enum PersonType {
    /** 在职职工 */
    EMPLOYEE_ACTIVE,
    /** 退休职工 */
    EMPLOYEE_RETIRED,
    /** 城乡居民 */
    RESIDENT
}
