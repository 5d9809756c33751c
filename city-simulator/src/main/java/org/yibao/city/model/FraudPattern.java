package org.yibao.city.model;

import org.yibao.contracts.events.AuditRule;

/**
 * The fraud patterns the generator plants, each with the smart-audit rule that should find it.
 * The bill a pattern plants is the one the rule should flag.
 */
public enum FraudPattern {
    /** 分解住院: readmitted days after discharge for the same disease */
    SPLIT_HOSPITALISATION(AuditRule.SPLIT_HOSPITALISATION),
    /** an admission at a second hospital on the same day */
    TWO_PLACES_AT_ONCE(AuditRule.TWO_PLACES_AT_ONCE),
    /** 挂床住院: an admission billed for laboratory tests only */
    TESTS_ONLY_ADMISSION(AuditRule.TESTS_ONLY_ADMISSION),
    /** 过度诊疗: a drug line far above any prescription */
    EXCESSIVE_QUANTITY(AuditRule.EXCESSIVE_QUANTITY),
    /** 分解收费: the same item charged twice on one bill */
    REPEATED_CHARGING(AuditRule.REPEATED_CHARGING),
    /** a class A item billed above the catalog's price ceiling */
    PRICE_ABOVE_CEILING(AuditRule.PRICE_ABOVE_CEILING),
    /** 冒名就医: treatment billed for a person after their death */
    CLAIM_AFTER_DEATH(AuditRule.CLAIM_AFTER_DEATH);

    private final AuditRule rule;

    FraudPattern(AuditRule rule) {
        this.rule = rule;
    }

    /** The smart-audit rule that should flag the planted bill. */
    public AuditRule rule() {
        return rule;
    }
}
