package org.yibao.enrollment.statistics;

import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A year's enrollment statistics: enrolled by region and scheme, and coverage against the registered population. */
record Statistics(int year, List<EnrolledCount> enrolled, List<Coverage> coverage) {

    /**
     * @param contributions the personal contributions due (个人缴费) of those enrolled
     * @param subsidies     the part of them paid by medical assistance (参保资助)
     */
    record EnrolledCount(String regionCode, String scheme, long enrolled, long subsidised, Money contributions,
                         Money subsidies) {
    }

    /** @param coverageRate enrolled per hundred of the registered population, to two decimals */
    record Coverage(String regionCode, long registeredPopulation, long enrolled, BigDecimal coverageRate) {

        static Coverage of(String regionCode, long registeredPopulation, long enrolled) {
            return new Coverage(regionCode, registeredPopulation, enrolled, BigDecimal.valueOf(enrolled)
                    .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(registeredPopulation), 2, RoundingMode.HALF_UP));
        }
    }
}
