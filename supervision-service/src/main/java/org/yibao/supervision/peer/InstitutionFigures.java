package org.yibao.supervision.peer;

import org.yibao.contracts.events.InstitutionLevel;

import java.math.BigDecimal;

/**
 * One hospital's sums over its claims of a period (reversed claims excluded), as the store counts them.
 *
 * @param regionCode        the institution's registered region (GB/T 2260)
 * @param claims            every claim
 * @param outpatientClaims  GENERAL_OUTPATIENT and CHRONIC_OUTPATIENT claims
 * @param outpatientTotal   their total, yuan
 * @param inpatientClaims   INPATIENT claims: the stays
 * @param inpatientTotal    their total, yuan
 * @param testedClaims      claims whose laboratory lines are known (the claim's count, else its kept lines)
 * @param testLines         laboratory lines (item code S25...) of those claims
 * @param drugKnownClaims   claims whose drug amount is known (the claim's amount, else its kept lines)
 * @param drugKnownTotal    the total of those claims, yuan
 * @param drugAmount        their drug lines' amount, yuan
 * @param readmittedStays   stays followed by another stay of the person, anywhere, admitted within 30 days of discharge
 */
record InstitutionFigures(String institution, String regionCode, InstitutionLevel level, long claims,
                          long outpatientClaims, BigDecimal outpatientTotal, long inpatientClaims, BigDecimal inpatientTotal,
                          long testedClaims, long testLines, long drugKnownClaims, BigDecimal drugKnownTotal,
                          BigDecimal drugAmount, long readmittedStays) {

    /** The prefecture a region code belongs to: its first four digits and "00" (GB/T 2260). */
    static String prefecture(String regionCode) {
        return regionCode.substring(0, 4) + "00";
    }

    String prefecture() {
        return prefecture(regionCode);
    }

    /** The metric's value (null when it has no denominator) and how many cases it rests on. */
    Measured measure(PeerMetric metric) {
        return switch (metric) {
            case OUTPATIENT_COST_PER_CASE -> new Measured(metric.ratio(outpatientTotal, outpatientClaims), outpatientClaims);
            case INPATIENT_COST_PER_CASE -> new Measured(metric.ratio(inpatientTotal, inpatientClaims), inpatientClaims);
            case TESTS_PER_VISIT -> new Measured(metric.ratio(BigDecimal.valueOf(testLines), testedClaims), testedClaims);
            case DRUG_SHARE -> new Measured(metric.ratio(drugAmount, drugKnownTotal), drugKnownClaims);
            case READMISSION_RATE_30D -> new Measured(metric.ratio(BigDecimal.valueOf(readmittedStays), inpatientClaims),
                    inpatientClaims);
        };
    }

    /**
     * @param value null when the institution has no case of the metric
     * @param cases the claims (or stays) the value rests on
     */
    record Measured(BigDecimal value, long cases) {
    }
}
