package org.yibao.supervision.nationalcatalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The entries of one item code in supervision's copy of the catalog that are not removed, the latest begun
 * first: enough to answer the entry in force on any day. None when the catalog does not list the code.
 */
record ItemHistory(List<CatalogEntry> newestFirst) {

    ItemHistory {
        newestFirst = List.copyOf(newestFirst);
    }

    /**
     * The entry in force on a day: the latest one begun by then, unless it ended before the day (an
     * earlier entry of the same code does not come back then).
     */
    Optional<CatalogEntry> inForceOn(LocalDate day) {
        for (CatalogEntry e : newestFirst) {
            if (!e.validFrom().isAfter(day)) {
                return e.holdsOn(day) ? Optional.of(e) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
