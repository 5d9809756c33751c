package org.yibao.city.model;

import org.yibao.contracts.events.AuditRule;

import java.util.List;

/**
 * Clean look-alikes the generator plants beside the fraud: care that has the outward shape of a pattern and is
 * allowed (national policy or plain medicine). Whatever the smart audit flags on them is a false positive.
 */
public enum Trap {
    /**
     * 计划性分次治疗: colon cancer (C18.7) chemotherapy cycles, each a 3-day admission (Z51.1 main, 99.25), 14 days
     * apart at one hospital: readmissions within days for the same disease, exempt as planned staged treatment.
     */
    PLANNED_CHEMOTHERAPY(AuditRule.SPLIT_HOSPITALISATION),
    /**
     * 长处方: a stable hypertensive or diabetic patient's 12-week prescription (84 days' supply, national policy
     * allows up to 12 weeks) at their chronic-disease centre, renewed as it runs out.
     */
    LONG_PRESCRIPTION(AuditRule.EXCESSIVE_SUPPLY, AuditRule.EXCESSIVE_QUANTITY),
    /**
     * An emergency readmission (COPD or heart failure decompensating again days after discharge, admitted through
     * the emergency department at night): a readmission for the same disease, exempt as an emergency.
     */
    EMERGENCY_READMISSION(AuditRule.SPLIT_HOSPITALISATION),
    /**
     * Two departments the same day at one hospital for two different complaints (dermatology and orthopaedics, ...),
     * each with its own registration, doctor and diagnosis, no exam repeated: not one visit split.
     */
    TWO_DEPARTMENTS_SAME_DAY(AuditRule.SPLIT_BILLING);

    private final List<AuditRule> resembles;

    Trap(AuditRule... resembles) {
        this.resembles = List.of(resembles);
    }

    /** The kinds of violation the trap looks like. */
    public List<AuditRule> resembles() {
        return resembles;
    }
}
