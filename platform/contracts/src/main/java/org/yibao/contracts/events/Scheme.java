package org.yibao.contracts.events;

/** The basic medical insurance scheme a person is enrolled in. */
public enum Scheme {
    /** 城镇职工基本医疗保险 */
    EMPLOYEE,
    /** 城乡居民基本医疗保险 */
    RESIDENT
}
