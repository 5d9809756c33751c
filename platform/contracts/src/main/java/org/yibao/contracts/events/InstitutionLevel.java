package org.yibao.contracts.events;

/** Hospital level; ratios and deductibles depend on it. Pharmacies and clinics are UNGRADED. */
public enum InstitutionLevel {
    /** 社区卫生服务中心 */
    COMMUNITY,
    /** 一级 */
    LEVEL_1,
    /** 二级 */
    LEVEL_2,
    /** 三级 */
    LEVEL_3,
    UNGRADED
}
