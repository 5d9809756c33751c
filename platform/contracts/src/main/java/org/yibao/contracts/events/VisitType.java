package org.yibao.contracts.events;

public enum VisitType {
    /** 门诊统筹 */
    GENERAL_OUTPATIENT,
    /** 门诊慢特病 */
    CHRONIC_OUTPATIENT,
    /** 住院 */
    INPATIENT,
    /** 定点零售药店购药 */
    PHARMACY
}
