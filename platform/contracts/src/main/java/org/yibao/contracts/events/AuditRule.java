package org.yibao.contracts.events;

/**
 * The kinds of violation (违规行为) the smart audit (智能审核) and the real-time pre-check (事前事中审核)
 * find: what a {@link ViolationDetected} says was broken. Each entry of supervision's rule library
 * (规则库) names the kind its findings are; several entries may find the same kind (its own id is
 * ViolationDetected's ruleId). The JSON carries the constant's name; constants are only ever added.
 */
public enum AuditRule {

    /** 超量开药 (过度诊疗): a line's quantity is above the most one line may bill. */
    EXCESSIVE_QUANTITY,

    /** 重复收费 (分解收费): the same item is charged twice on one bill. */
    REPEATED_CHARGING,

    /** 串换项目: an item the patient cannot have been given, for their sex or their age. */
    ITEM_SWITCHING,

    /** 超限定适应症: an item that needs a diagnosis the bill does not have (insulin without diabetes). */
    ITEM_DIAGNOSIS_MISMATCH,

    /** 超限价收费: a class 甲 or 乙 line billed above the catalog's price ceiling in force at the institution's level. */
    PRICE_ABOVE_CEILING,

    /** 死亡后就医 (冒名就医): treatment billed for a person after their registered death. */
    CLAIM_AFTER_DEATH,

    /** 挂床住院/检查住院: an admission billed for tests only, with no treatment. */
    TESTS_ONLY_ADMISSION,

    /** 同时两地就医: one person an inpatient at two institutions on the same day. */
    TWO_PLACES_AT_ONCE,

    /** 分解住院: a readmission within days of a stay, with a related diagnosis. */
    SPLIT_HOSPITALISATION,

    /** 分解收费: one visit split into several bills, or a panel's component billed beside the panel. */
    SPLIT_BILLING,

    /** 住院期间门诊结算: an outpatient or pharmacy bill for a person who is an inpatient on that day. */
    BILLED_DURING_STAY,

    /** 超量开药 (累计): more days' supply of a drug bought over a window than the window's days allow. */
    EXCESSIVE_SUPPLY,

    /** 频繁就诊: more visits in a window than care explains (doctor shopping, 挂名就诊). */
    FREQUENT_VISITS,

    /** 不合理使用耗材/串换: a consumable or item without the procedure or item it belongs to. */
    ITEM_WITHOUT_PROCEDURE,

    /** 超限定就医方式/级别/人群: an item billed at a visit type, level or for a person type it is restricted from. */
    ITEM_RESTRICTION,

    /** 异地同日就诊: one person treated the same day at institutions too far apart to reach. */
    DISTANT_SAME_DAY
}
