package org.yibao.procurement.catalog;

import org.yibao.contracts.events.ItemClass;

/**
 * An item of a recommended catalog as its publication answers it: a selected product's code and generic
 * name, beside the national reimbursement catalog's (医保目录) name and class of the code on the catalog's
 * effectiveFrom, each null where procurement's copy of the national catalog does not list it.
 */
public record CatalogItem(String itemCode, String genericName, String nationalName, ItemClass itemClass) {
}
