package org.yibao.procurement.catalog;

import org.yibao.contracts.events.VbpCatalogPublished;

import java.util.List;

/** A recommended catalog's version as published (the event) and its items as the answer shows them. */
record Publication(VbpCatalogPublished published, List<CatalogItem> items) {

    Publication {
        items = List.copyOf(items);
    }
}
