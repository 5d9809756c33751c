package org.yibao.city.model;

import org.yibao.contracts.events.AuditRule;

/**
 * The fraud patterns the generator plants, each with the kind of violation (smart-audit rule kind) that should find
 * it. The bill a pattern marks as planted is the improper claim the audit should flag; the bills that only make up
 * the pattern with it are marked as accompanying it ({@link Encounter#accompanies()}).
 *
 * <p>The first seven are the city's original patterns. The others (issue 21) are drawn from fund-supervision
 * practice (国家医保局飞行检查 findings, the national rule library's fraud types, the 2023-2024 supervision notices),
 * with real ICD-10 and ICD-9-CM-3 codes and usual daily doses, and generated independently of any rule's
 * parameters: the numbers (counts, intervals, distances) are drawn from what such fraud looks like, not tuned to
 * a threshold.
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
    CLAIM_AFTER_DEATH(AuditRule.CLAIM_AFTER_DEATH),

    /**
     * 分解收费 across bills: one outpatient visit (M54.5, J06.9, K29.7 or R51) split into 2-4 same-day general
     * outpatient bills at one hospital, one doctor and department: a consultation on each, the same exam (CT or
     * complete blood count) on the first and again on later ones, the drugs spread over them. The first bill
     * accompanies; each later one is planted.
     */
    SPLIT_VISIT(AuditRule.SPLIT_BILLING),
    /**
     * 住院期间门诊/购药: a 6-14 day stay (J18.9, N39.0 or I63.9) and, on days strictly inside it, 1-3 outpatient bills
     * at the same hospital or one nearby (within 40 km) or pharmacy purchases; the stay, settled at discharge after
     * them, accompanies.
     */
    BILLED_DURING_STAY(AuditRule.BILLED_DURING_STAY),
    /**
     * 超量开药 over time (倒卖药品): 3-6 pharmacy purchases of a chronic drug (amlodipine 5 mg, metformin 0.5 g,
     * atorvastatin 20 mg, metoprolol 25 mg) of 30-84 days' supply each, 3-12 days apart, at one or several
     * pharmacies; days of supply sent on some lines and not others. The first purchase accompanies.
     */
    EXCESSIVE_SUPPLY(AuditRule.EXCESSIVE_SUPPLY),
    /**
     * 频繁就诊 (doctor shopping, 挂名刷卡): 5-7 general outpatient visits on distinct days of one week at 3-5
     * hospitals, for minor complaints. The first three accompany; the fourth and later are planted.
     */
    FREQUENT_VISITS(AuditRule.FREQUENT_VISITS),
    /**
     * 不合理使用耗材/串换: a coronary drug-eluting stent (or an artificial hip) on a stay with neither the disease
     * (no I20-I25; no S72, M16 or M87) nor the intervention (no PCI line, no procedure code 36.06/36.07 or 81.5x).
     */
    CONSUMABLE_WITHOUT_PROCEDURE(AuditRule.ITEM_WITHOUT_PROCEDURE),
    /**
     * 超限定就医方式: an item restricted to inpatients at a general outpatient visit: an injection the catalog
     * restricts to inpatients (限住院患者使用), or inpatient bed days (住院床位费).
     */
    INPATIENT_ITEM_AT_OUTPATIENT(AuditRule.ITEM_RESTRICTION),
    /**
     * 串换项目 by sex: a prostate-specific antigen test billed for a woman, or a gynaecological patent medicine for
     * a man.
     */
    ITEM_FOR_THE_OTHER_SEX(AuditRule.ITEM_SWITCHING),
    /**
     * 超适应症: insulin for a person with no diabetes (a cold, back pain, gastritis, hypertension), or an oral
     * targeted cancer drug (L01XE) with no cancer diagnosis: drugs that leave the hospital for resale.
     */
    DRUG_OUTSIDE_INDICATION(AuditRule.ITEM_DIAGNOSIS_MISMATCH),
    /**
     * 同时段两地住院: two stays at two hospitals over overlapping days, the second admitted strictly after the first
     * and before its discharge (never the same admission day). The later admission is planted; the other stay
     * accompanies.
     */
    OVERLAPPING_STAYS(AuditRule.TWO_PLACES_AT_ONCE),
    /**
     * 异地同日就诊 (冒用医保凭证): two bills the same day at institutions in different counties more than 100 km apart
     * (Biyang and Xincai, Xiping and Xincai, ...). The first accompanies; the second is planted.
     */
    DISTANT_SAME_DAY(AuditRule.DISTANT_SAME_DAY);

    /** The city's original seven patterns (whose figures the report also gives together, as it always did). */
    public static final java.util.List<FraudPattern> ORIGINAL = java.util.List.of(SPLIT_HOSPITALISATION, TWO_PLACES_AT_ONCE,
            TESTS_ONLY_ADMISSION, EXCESSIVE_QUANTITY, REPEATED_CHARGING, PRICE_ABOVE_CEILING, CLAIM_AFTER_DEATH);

    /** The patterns of issue 21. */
    public static final java.util.List<FraudPattern> FROM_PRACTICE = java.util.Arrays.stream(values())
            .filter(p -> !ORIGINAL.contains(p)).toList();

    private final AuditRule rule;

    FraudPattern(AuditRule rule) {
        this.rule = rule;
    }

    /** The kind of violation that should flag the planted bill. */
    public AuditRule rule() {
        return rule;
    }

    public boolean original() {
        return ORIGINAL.contains(this);
    }
}
