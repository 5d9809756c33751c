package org.yibao.procurement.nationalcatalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.CatalogChanged;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Procurement's copy of the reimbursement catalog (医保目录), kept from settlement's CatalogChanged
 * (settlement owns the catalog, ADR 0017), so that a recommended catalog holds only items the national
 * catalog lists and what lists products shows the catalog's class and name beside their codes.
 */
@Service
public class NationalCatalogService {

    private final NationalCatalogStore store;

    NationalCatalogService(NationalCatalogStore store) {
        this.store = store;
    }

    /**
     * Applies one part of a catalog change, in the consumer's transaction: per (code, validFrom) the
     * entry of the highest version seen wins, a removal drops it (and stays, so an older part cannot
     * bring it back); a replay or an older part changes nothing.
     */
    @Transactional
    public void changed(CatalogChanged e) {
        store.apply(e.entries());
    }

    /** What the copy says of the item codes on a day: for each code the latest entry begun by then, unless it ended before. */
    @Transactional(readOnly = true)
    public Listing listing(Collection<String> codes, LocalDate day) {
        return new Listing(store.anyReceived(), store.inForce(codes, day));
    }
}
