package org.yibao.city.model;

/**
 * The fraud patterns the generator plants, each named by the smart-audit rule that should find it.
 * The bill a pattern plants is the one the rule should flag.
 */
public enum FraudPattern {
    /** 分解住院: readmitted days after discharge for the same disease */
    SPLIT_HOSPITALISATION,
    /** an admission at a second hospital on the same day */
    TWO_PLACES_AT_ONCE,
    /** 挂床住院: an admission billed for laboratory tests only */
    TESTS_ONLY_ADMISSION,
    /** 过度诊疗: a drug line far above any prescription */
    EXCESSIVE_QUANTITY,
    /** 分解收费: the same item charged twice on one bill */
    REPEATED_CHARGING,
    /** a class A item billed above the catalog's price ceiling */
    PRICE_ABOVE_CEILING,
    /** 冒名就医: treatment billed for a person after their death */
    CLAIM_AFTER_DEATH
}
