package org.yibao.procurement.catalog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.events.VbpCatalogPublished;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.procurement.batch.BatchStore;
import org.yibao.procurement.nationalcatalog.CatalogEntry;
import org.yibao.procurement.nationalcatalog.Listing;
import org.yibao.procurement.nationalcatalog.NationalCatalogService;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Recommended catalogs chosen from the selected products (e.g. the 两病 catalog, 63 of 392), published
 * as VbpCatalogPublished so settlement applies its zero-pay rule. Each publication is a new version
 * that replaces the previous one. Its items must be listed by the national reimbursement catalog (医保目录,
 * procurement's copy of settlement's CatalogChanged) on the catalog's effectiveFrom.
 */
@Service
class CatalogService {

    private final CatalogStore store;
    private final BatchStore batches;
    private final NationalCatalogService nationalCatalog;
    private final OutboxWriter outbox;
    private final Clock clock;

    CatalogService(CatalogStore store, BatchStore batches, NationalCatalogService nationalCatalog, OutboxWriter outbox, Clock clock) {
        this.store = store;
        this.batches = batches;
        this.nationalCatalog = nationalCatalog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Publishes the next version of a catalog of selected products (each item once, in the order given),
     * recorded and put in the outbox together; 400 naming {@code itemCodes} for the first item that is no
     * selected product, or that the national reimbursement catalog does not list on {@code effectiveFrom}.
     * The second refusal applies only once procurement has received the national catalog (any
     * CatalogChanged): a procurement started before the catalog was distributed still publishes its
     * selected products, as it did before.
     */
    @Transactional
    Publication publish(String catalogCode, String name, String regionCode, LocalDate effectiveFrom, List<String> itemCodes) {
        List<String> codes = itemCodes.stream().distinct().toList();
        Listing national = nationalCatalog.listing(codes, effectiveFrom);
        List<VbpCatalogPublished.Item> items = new ArrayList<>();
        List<CatalogItem> shown = new ArrayList<>();
        for (String code : codes) {
            String generic = batches.genericName(code)
                    .orElseThrow(() -> new InvalidRequestException("itemCodes", code + " is not a selected product of any batch"));
            if (!national.admits(code)) {
                throw new InvalidRequestException("itemCodes", code + " is not in the national reimbursement catalog on " + effectiveFrom);
            }
            items.add(new VbpCatalogPublished.Item(code, generic));
            shown.add(new CatalogItem(code, generic, national.entry(code).map(CatalogEntry::name).orElse(null),
                    national.entry(code).map(CatalogEntry::itemClass).orElse(null)));
        }
        VbpCatalogPublished published = new VbpCatalogPublished(catalogCode, store.nextVersion(catalogCode), name, regionCode,
                effectiveFrom, items, clock.instant());
        try {
            store.insert(published);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("another version of " + catalogCode + " was published at the same time; publish again");
        }
        outbox.append(published);
        return new Publication(published, shown);
    }
}
