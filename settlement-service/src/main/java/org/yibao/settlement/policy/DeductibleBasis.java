package org.yibao.settlement.policy;

/** Whether a deductible (起付线) is paid again for every admission or once per year. */
public enum DeductibleBasis {
    PER_ADMISSION,
    PER_YEAR
}
