package org.yibao.settlement.mapping;

import org.yibao.contracts.events.ItemCategory;

/**
 * The national list types (目录类别) an institution gives its items, against the catalog's categories:
 * 101 西药中成药 and 103 医疗机构制剂 are drugs, 102 中药饮片 herbal pieces, 2xx medical services, 3xx
 * consumables (the same reading as the catalog's imports; ASSUMPTION for the codes beyond 101/102/201/301).
 */
final class ListTypes {

    private ListTypes() {
    }

    /** Whether an item of this category may be mapped under this list type. */
    static boolean fits(String listType, ItemCategory category) {
        return switch (category) {
            case TCM_HERBAL -> listType.equals("102");
            case DRUG -> listType.startsWith("1") && !listType.equals("102");
            case SERVICE -> listType.startsWith("2");
            case CONSUMABLE -> listType.startsWith("3");
        };
    }

    /** The category in words with its list type. */
    static String describe(ItemCategory category) {
        return switch (category) {
            case DRUG -> "a drug (101)";
            case TCM_HERBAL -> "a herbal piece (102)";
            case SERVICE -> "a medical service (201)";
            case CONSUMABLE -> "a consumable (301)";
        };
    }
}
