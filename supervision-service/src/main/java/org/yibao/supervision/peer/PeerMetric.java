package org.yibao.supervision.peer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What institutions are compared on with their peers (同级别同地区比较), each a ratio of sums over the
 * institution's claims of the period (reversed claims excluded), rounded half up to its scale. The
 * group's statistics are computed from these rounded values, so anyone can redo them from the answer.
 */
public enum PeerMetric {
    /** 门诊次均费用: yuan per outpatient claim (general and chronic outpatient), 2 decimals. */
    OUTPATIENT_COST_PER_CASE(2),
    /** 住院次均费用: yuan per inpatient claim (stay), 2 decimals. */
    INPATIENT_COST_PER_CASE(2),
    /** 检验次数: laboratory lines (item code S25...) per claim, 2 decimals. */
    TESTS_PER_VISIT(2),
    /** 药占比: drug lines' amount over the claims' total, 4 decimals (0.3512 = 35.12%). */
    DRUG_SHARE(4),
    /** 30天再入院率: share of inpatient stays followed by another stay of the person at any institution within 30 days of discharge, 4 decimals. */
    READMISSION_RATE_30D(4);

    private final int scale;

    PeerMetric(int scale) {
        this.scale = scale;
    }

    int scale() {
        return scale;
    }

    /** numerator / denominator at this metric's scale, half up; null when there is no denominator. */
    BigDecimal ratio(BigDecimal numerator, long denominator) {
        return ratio(numerator, BigDecimal.valueOf(denominator));
    }

    BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, scale, RoundingMode.HALF_UP);
    }
}
