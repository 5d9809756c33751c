package org.yibao.supervision.rules;

/**
 * Cases a rule entry may exempt from its findings: when the claim under audit, or the claim a finding
 * is about, is one of them, the entry finds nothing.
 */
public enum Exemption {
    /** 急诊抢救: an emergency visit or admission (ClaimSettled.emergency). */
    EMERGENCY,
    /** 分次治疗: planned staged treatment, by the knowledge base's planned-treatment diagnoses. */
    PLANNED_TREATMENT
}
