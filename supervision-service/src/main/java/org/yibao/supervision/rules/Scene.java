package org.yibao.supervision.rules;

import org.yibao.contracts.events.VisitType;

/** Where a rule applies (适用场景), as the national rule framework names the scenes. */
public enum Scene {
    /** 门诊: general and chronic-disease outpatient visits. */
    OUTPATIENT,
    /** 住院 */
    INPATIENT,
    /** 购药: a designated pharmacy's sale. */
    PHARMACY;

    public static Scene of(VisitType visitType) {
        return switch (visitType) {
            // maternity (生育保险): prenatal care is an outpatient visit, a delivery a stay
            case GENERAL_OUTPATIENT, CHRONIC_OUTPATIENT, PRENATAL_CARE -> OUTPATIENT;
            case INPATIENT, DELIVERY -> INPATIENT;
            case PHARMACY -> PHARMACY;
        };
    }
}
