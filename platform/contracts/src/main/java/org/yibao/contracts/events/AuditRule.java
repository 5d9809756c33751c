package org.yibao.contracts.events;

/**
 * The rules of the smart audit (智能审核) and of the real-time pre-check (事前事中审核), by name: what
 * a {@link ViolationDetected} says was broken. The first five look at one bill, the others across a
 * person's claims (or at what is known of the person, such as a registered death). The JSON carries
 * the constant's name.
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
    SPLIT_HOSPITALISATION
}
