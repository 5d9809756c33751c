package org.yibao.supervision.nationalcatalog;

import org.yibao.contracts.events.CatalogChanged;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One part of a CatalogChanged as the copy applies it. The consumer rule (CatalogChanged's contract):
 * per (code, validFrom) the entry of the highest {@code ver} wins and {@code removed} drops it, so
 * applying a part again, or an older part after a newer one, changes nothing.
 */
final class CatalogPart {

    /** The key of an entry: an item code and the day its entry begins. */
    record Key(String code, LocalDate validFrom) {
    }

    private CatalogPart() {
    }

    /**
     * The part's entries with at most one per key, the one of the highest version (the last of them at
     * equal versions), in the order their keys first appear.
     */
    static List<CatalogChanged.Entry> newestPerKey(List<CatalogChanged.Entry> entries) {
        Map<Key, CatalogChanged.Entry> newest = new LinkedHashMap<>();
        for (CatalogChanged.Entry e : entries) {
            newest.merge(new Key(e.code(), e.validFrom()), e, (held, next) -> next.ver() >= held.ver() ? next : held);
        }
        return new ArrayList<>(newest.values());
    }
}
