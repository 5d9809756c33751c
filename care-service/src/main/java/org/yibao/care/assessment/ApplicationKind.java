package org.yibao.care.assessment;

/** A first application (首次申请) or the reassessment of a beneficiary (复评). */
public enum ApplicationKind {
    FIRST,
    REASSESSMENT
}
