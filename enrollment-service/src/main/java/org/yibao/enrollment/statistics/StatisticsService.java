package org.yibao.enrollment.statistics;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Enrollment statistics for bureau staff: enrolled by scheme and region, coverage against the
 * registered population, and the assistance-identified people not yet enrolled (动态清零).
 */
@Service
class StatisticsService {

    private final StatisticsStore statistics;

    StatisticsService(StatisticsStore statistics) {
        this.statistics = statistics;
    }

    /** Sets (or replaces) a region's registered population for a year, the denominator of its coverage rate. */
    @Transactional
    void setPopulation(String regionCode, int year, long population) {
        statistics.setPopulation(regionCode, year, population);
    }

    @Transactional(readOnly = true)
    Statistics of(int year) {
        return new Statistics(year, statistics.enrolled(year), statistics.coverage(year));
    }

    /** People with an assistance identity in force in the year who hold no enrollment for it: the list must reach zero. */
    @Transactional(readOnly = true)
    List<NotEnrolled> identifiedNotEnrolled(int year) {
        return statistics.identifiedNotEnrolled(year).stream().map(NotEnrolled::masked).toList();
    }
}
