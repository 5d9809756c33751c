package org.yibao.contracts.events;

import org.yibao.contracts.EventType;
import org.yibao.contracts.IntegrationEvent;
import org.yibao.contracts.Topics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recommended catalog of volume-based-procurement products was published, for example the 两病
 * catalog (63 drugs chosen from 392). A later version of the same catalog replaces the earlier one as
 * a whole; its items count from its effective date.
 *
 * @param catalogCode stable name of the catalog, e.g. {@code LIANGBING}
 * @param items       the catalog's products by reimbursement-catalog item code
 */
@EventType(name = "VbpCatalogPublished", version = 1, topic = Topics.VBP_CATALOGS)
public record VbpCatalogPublished(
        String catalogCode,
        int version,
        String name,
        String regionCode,
        LocalDate effectiveFrom,
        List<Item> items,
        Instant publishedAt) implements IntegrationEvent {

    public VbpCatalogPublished {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One product of the catalog. */
    public record Item(String itemCode, String genericName) {
    }

    @Override
    public String partitionKey() {
        return catalogCode;
    }
}
