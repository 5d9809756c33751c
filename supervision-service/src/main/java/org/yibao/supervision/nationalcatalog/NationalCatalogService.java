package org.yibao.supervision.nationalcatalog;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.supervision.ReferenceCacheProperties;
import org.yibao.web.cache.ReferenceCache;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Supervision's copy of the reimbursement catalog (医保目录), kept from settlement's CatalogChanged
 * (settlement owns the catalog, ADR 0017) so that the smart audit judges a line against the ceiling in
 * force on its service date and the pre-check warns of restricted-payment conditions, from the same
 * catalog settlement priced the bill with instead of supervision's own lists.
 *
 * <p>The pre-check and the smart audit read the catalog for every bill: {@link #inForce} keeps each item
 * code's entries (or that the catalog does not list it) in memory for {@code yibao.supervision.reference-cache.ttl}
 * (5 s by default) and reads the codes it does not hold in one statement. {@link #changed}, the only
 * write of the copy, drops every code of the part at once and again when its transaction ends (see
 * {@link ReferenceCache}). ASSUMPTION: another instance of supervision may answer an item as it was for up
 * to that ttl (seconds) after a change was committed, as if the change had arrived that much later.
 */
@Service
public class NationalCatalogService {

    private final NationalCatalogStore store;
    private final MeterRegistry meters;

    /**
     * Each item code's entries, an empty history for a code the catalog does not list (every write names the
     * codes it writes, so that is dropped too). ASSUMPTION: at most 200,000 codes (the national catalog's
     * drugs, services and consumables are tens of thousands).
     */
    private final ReferenceCache<String, ItemHistory> items;

    NationalCatalogService(NationalCatalogStore store, MeterRegistry meters, ReferenceCacheProperties cache) {
        this.store = store;
        this.meters = meters;
        this.items = new ReferenceCache<>(cache.ttl(), 200_000);
    }

    /**
     * Applies one part of a catalog change, in the consumer's transaction: per (code, validFrom) the
     * entry of the highest version seen wins, a removal drops it (and stays, so an older part cannot
     * bring it back); a replay or an older part changes nothing.
     */
    @Transactional
    public void changed(CatalogChanged e) {
        List<CatalogChanged.Entry> entries = CatalogPart.newestPerKey(e.entries());
        items.changedAll(entries.stream().map(CatalogChanged.Entry::code).toList());
        int applied = store.apply(entries);
        meters.counter("yibao.supervision.catalog.entries", "outcome", "applied").increment(applied);
        meters.counter("yibao.supervision.catalog.entries", "outcome", "stale").increment(entries.size() - applied);
    }

    /**
     * The entries in force on a day for those of the item codes the catalog lists that day, by code: for
     * each code the latest entry begun by then, unless it ended before the day. As read at most {@code ttl}
     * ago (this instance's own changes are seen at once); no transaction: kept codes need no connection.
     */
    public Map<String, CatalogEntry> inForce(Collection<String> codes, LocalDate day) {
        Map<String, CatalogEntry> inForce = new HashMap<>();
        if (codes.isEmpty()) {
            return inForce;
        }
        items.getAll(codes, store::histories).forEach((code, history) -> history.inForceOn(day).ifPresent(e -> inForce.put(code, e)));
        return inForce;
    }
}
