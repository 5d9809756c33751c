package org.yibao.casemix.rules;

/**
 * How the basic pooling fund pays an institution's inpatient stays in a year (支付方式): by DIP group points at a point value
 * (按病种分值付费), or by DRG relative weight at a base rate (按疾病诊断相关分组付费). A region's rules name the default;
 * the bureau assigns its pilot hospitals another (Zhumadian 2021: DRG at four pilot hospitals — seed).
 */
public enum PaymentMethod {
    DIP,
    DRG
}
