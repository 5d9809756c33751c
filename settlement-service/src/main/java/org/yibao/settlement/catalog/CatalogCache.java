package org.yibao.settlement.catalog;

import org.springframework.stereotype.Component;
import org.yibao.settlement.ReferenceCacheProperties;
import org.yibao.web.cache.ReferenceCache;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The reimbursement catalog (医保目录) as a settlement reads it: every entry of an item code, kept in
 * memory for a few seconds ({@code yibao.settlement.reference-cache.ttl}) so that a pre-settlement and
 * its settlement, and the next bills with the same items, do not read the same entries again (issue 26:
 * three statements a bill, twice). Every import of this instance drops what is kept, at once and when its
 * transaction ends; another instance serves the entries it holds until they expire (see
 * {@link ReferenceCache}).
 */
@Component
public class CatalogCache {

    /** Item codes kept at most: the national catalog has about 100,000 drug and service codes in use. */
    static final long MAXIMUM_CODES = 100_000;

    private final CatalogStore store;
    private final ReferenceCache<String, List<CatalogStore.Dated>> entries;

    CatalogCache(CatalogStore store, ReferenceCacheProperties properties) {
        this.store = store;
        this.entries = new ReferenceCache<>(properties.ttl(), MAXIMUM_CODES);
    }

    /** As {@link CatalogStore#find}: the entries of these codes in force on a date; unknown codes are absent. */
    public Map<String, CatalogItem> find(Collection<String> codes, LocalDate on) {
        return CatalogStore.inForce(entries.getAll(codes, store::entriesOf), on);
    }

    /** The catalog is being changed in the current transaction (an import of entries or terms). */
    void changing() {
        entries.changedEverything();
    }
}
