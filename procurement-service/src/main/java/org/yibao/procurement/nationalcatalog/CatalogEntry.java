package org.yibao.procurement.nationalcatalog;

import org.yibao.contracts.events.ItemClass;

import java.time.LocalDate;

/**
 * An entry of the reimbursement catalog (医保目录) as procurement keeps it from settlement's
 * CatalogChanged: the item's name and class from {@code validFrom} until {@code validTo}. Settlement owns
 * the catalog (ADR 0017); this is a copy, never edited here.
 *
 * @param name      the catalog's name of the item; null when the entry states none
 * @param itemClass 甲/乙/丙 (A/B/C); null when the entry states none
 * @param validTo   the last day the entry holds (inclusive); null when open-ended
 */
public record CatalogEntry(String code, LocalDate validFrom, String name, ItemClass itemClass, LocalDate validTo) {

    /**
     * Whether the entry still holds on a day on or after its begin date. The entry in force on a day is
     * the latest one begun by then; when it has ended before the day, the item is out of the catalog that
     * day (an earlier entry of the same code never comes back).
     */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !validTo.isBefore(day));
    }
}
