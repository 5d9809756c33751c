package org.yibao.settlement.accumulator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.settlement.readmodel.Enrollment;
import org.yibao.settlement.readmodel.ReadModelStore;
import org.yibao.web.problem.NotFoundException;

/** Reads a person's annual accumulators; only settlement and reversal change them (in {@code bill/}). */
@Service
public class AccumulatorService {

    private final ReadModelStore readModels;
    private final AccumulatorStore accumulators;

    public AccumulatorService(ReadModelStore readModels, AccumulatorStore accumulators) {
        this.readModels = readModels;
        this.accumulators = accumulators;
    }

    /** The person's accumulators for the year under the scheme they are enrolled in that year. */
    @Transactional(readOnly = true)
    public YearAccumulators of(String personId, int year) {
        Enrollment enrollment = readModels.enrollmentOfYear(personId, year)
                .orElseThrow(() -> new NotFoundException("the person has no enrollment in " + year));
        return new YearAccumulators(year, enrollment.scheme(), accumulators.current(personId, enrollment.scheme(), year));
    }
}
