package org.yibao.procurement.catalog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.VbpCatalogPublished;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.procurement.batch.BatchStore;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Recommended catalogs chosen from the selected products (e.g. the 两病 catalog, 63 of 392), published
 * as VbpCatalogPublished so settlement applies its zero-pay rule. Each publication is a new version
 * that replaces the previous one.
 */
@Service
class CatalogService {

    private final CatalogStore store;
    private final BatchStore batches;
    private final OutboxWriter outbox;
    private final Clock clock;

    CatalogService(CatalogStore store, BatchStore batches, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.batches = batches;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Publishes the next version of a catalog of selected products (each item once, in the order given),
     * recorded and put in the outbox together; 400 naming the first item that is no selected product.
     */
    @Transactional
    VbpCatalogPublished publish(String catalogCode, String name, String regionCode, LocalDate effectiveFrom, List<String> itemCodes) {
        List<VbpCatalogPublished.Item> items = new ArrayList<>();
        for (String code : itemCodes.stream().distinct().toList()) {
            String generic = batches.genericName(code)
                    .orElseThrow(() -> new InvalidRequestException("itemCodes", code + " is not a selected product of any batch"));
            items.add(new VbpCatalogPublished.Item(code, generic));
        }
        VbpCatalogPublished published = new VbpCatalogPublished(catalogCode, store.nextVersion(catalogCode), name, regionCode,
                effectiveFrom, items, clock.instant());
        try {
            store.insert(published);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("another version of " + catalogCode + " was published at the same time; publish again");
        }
        outbox.append(published);
        return published;
    }
}
