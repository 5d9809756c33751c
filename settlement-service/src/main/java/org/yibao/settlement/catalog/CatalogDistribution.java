package org.yibao.settlement.catalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.ItemCategory;

import java.util.List;
import java.util.Optional;

/** Hands the catalog out by version: what changed after the version a caller holds. */
@Service
@Transactional(readOnly = true)
public class CatalogDistribution {

    private final CatalogStore store;

    CatalogDistribution(CatalogStore store) {
        this.store = store;
    }

    /** The entries changed after {@code afterVer}, oldest change first, at most {@code limit}. */
    public List<CatalogStore.Entry> changedAfter(long afterVer, Optional<ItemCategory> category,
                                                 int limit) {
        return store.changedAfter(afterVer, category, limit);
    }
}
