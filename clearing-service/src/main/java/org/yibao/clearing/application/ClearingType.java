package org.yibao.clearing.application;

/**
 * The clearing type (清算类别, the national interface's clr_type) an institution files an application for.
 * The national codes (11, 21, 41) are the his-interface's dictionary (ASSUMPTION there: no public source
 * confirmed the values); clearing knows only these names.
 */
public enum ClearingType {
    /** 门诊 (clr_type 11) */
    OUTPATIENT,
    /** 住院 (clr_type 21) */
    INPATIENT,
    /** 定点药店购药 (clr_type 41) */
    PHARMACY
}
