package org.yibao.casemix.dip;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A DIP table (病种分值表) of a region and year, built from the region's passed settlement lists discharged in the basis
 * period; each build is a new version, the earlier kept.
 *
 * @param tableId     {@code <region>-<year>-v<n>}
 * @param cases       the history's cases
 * @param overallMean their mean total cost, yuan
 */
public record DipTable(String tableId, String regionCode, int year, LocalDate basisFrom, LocalDate basisTo, int cases,
                       BigDecimal overallMean, BigDecimal pointScale, int minCases, List<DipGroup> groups, String builtBy, Instant builtAt) {

    public DipTable {
        groups = List.copyOf(groups);
    }
}
