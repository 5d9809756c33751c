package org.yibao.supervision.nationalcatalog;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.CatalogChanged;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Supervision's copy of the reimbursement catalog (医保目录), kept from settlement's CatalogChanged
 * (settlement owns the catalog, ADR 0017) so that the smart audit judges a line against the ceiling in
 * force on its service date and the pre-check warns of restricted-payment conditions, from the same
 * catalog settlement priced the bill with instead of supervision's own lists.
 */
@Service
public class NationalCatalogService {

    private final NationalCatalogStore store;
    private final MeterRegistry meters;

    NationalCatalogService(NationalCatalogStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    /**
     * Applies one part of a catalog change, in the consumer's transaction: per (code, validFrom) the
     * entry of the highest version seen wins, a removal drops it (and stays, so an older part cannot
     * bring it back); a replay or an older part changes nothing.
     */
    @Transactional
    public void changed(CatalogChanged e) {
        List<CatalogChanged.Entry> entries = CatalogPart.newestPerKey(e.entries());
        int applied = store.apply(entries);
        meters.counter("yibao.supervision.catalog.entries", "outcome", "applied").increment(applied);
        meters.counter("yibao.supervision.catalog.entries", "outcome", "stale").increment(entries.size() - applied);
    }

    /**
     * The entries in force on a day for those of the item codes the catalog lists that day, by code: for
     * each code the latest entry begun by then, unless it ended before the day.
     */
    @Transactional(readOnly = true)
    public Map<String, CatalogEntry> inForce(Collection<String> codes, LocalDate day) {
        return store.inForce(codes, day);
    }
}
