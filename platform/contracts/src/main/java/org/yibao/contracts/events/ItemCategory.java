package org.yibao.contracts.events;

/** What kind of item a catalog entry is (目录类别, by the national catalog's list_type). */
public enum ItemCategory {
    /** Western and Chinese patent medicines, hospital preparations (西药中成药, 医疗机构制剂: list_type 101, 103). */
    DRUG,
    /** Medical consumables (医用耗材: list_type 301). */
    CONSUMABLE,
    /** Medical service items (医疗服务项目: list_type 201). */
    SERVICE,
    /** Chinese herbal pieces (中药饮片: list_type 102). */
    TCM_HERBAL
}
