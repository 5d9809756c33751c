package org.yibao.supervision.peer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** Hospitals compared with their peers of the same level and prefecture over a year or a month. */
@Service
public class PeerComparisonService {

    private final PeerComparisonStore store;
    private final PeerComparator comparator = new PeerComparator();

    PeerComparisonService(PeerComparisonStore store) {
        this.store = store;
    }

    /**
     * The comparison over claims served in the year (or its month).
     *
     * @param month      1 to 12, or null for the whole year (checked by the caller)
     * @param regionCode a 6-digit region code whose prefecture's hospitals are compared, or null for all
     */
    @Transactional(readOnly = true)
    public PeerComparison compare(int year, Integer month, String regionCode) {
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate until = month == null ? from.plusYears(1) : from.plusMonths(1);
        String prefecture = regionCode == null ? null : InstitutionFigures.prefecture(regionCode);
        PeerComparator.Result result = comparator.compare(store.figures(from, until, prefecture));
        return new PeerComparison(year, month, regionCode, comparator.thresholds(), result.groups(), result.outliers());
    }
}
