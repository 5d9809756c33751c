package org.yibao.contracts.events;

public enum VisitType {
    /** 门诊统筹 */
    GENERAL_OUTPATIENT,
    /** 门诊慢特病 */
    CHRONIC_OUTPATIENT,
    /** 住院 */
    INPATIENT,
    /** 定点零售药店购药 */
    PHARMACY,
    /**
     * Prenatal care (产前检查) under maternity insurance (生育保险; employees): the national interface's
     * medical type 51 生育门诊. Paid within the pack's prenatal-care limit.
     */
    PRENATAL_CARE,
    /**
     * A delivery's stay (分娩住院) under maternity insurance: the national interface's medical type 52
     * 生育住院. Paid by the pack's fixed payment (定额支付) for the kind of delivery ({@link DeliveryKind})
     * and the institution's level.
     */
    DELIVERY
}
