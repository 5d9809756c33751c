package org.yibao.city.expect;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region policy pack (统筹区医保待遇政策包) as the simulator reads it for itself, from the same YAML file
 * the platform ships ({@link PolicyPackFile} reads it; nothing of settlement-service's code is used), so
 * that its expectation of every bill is independent of the platform's adjudication.
 *
 * @param priorSelfPayRatio the class B share paid first (先行自付)
 * @param catastrophic      大病保险, or null when the pack has none
 * @param supplementary     补充保险, or null when the pack has none
 * @param assistance        医疗救助 by category (empty: none)
 * @param zeroPayRules      how many zero-pay (两病) rules the pack has: the simulator's calculation does not model them
 */
public record PolicyPack(String id, int version, String regionCode, Scheme scheme, LocalDate effectiveFrom,
                         BigDecimal priorSelfPayRatio, Map<VisitType, Visit> visits, Catastrophic catastrophic,
                         Supplementary supplementary, Map<AssistanceCategory, Assistance> assistance, int zeroPayRules) {

    public enum DeductibleBasis { PER_ADMISSION, PER_YEAR }

    /**
     * The rules of one visit type.
     *
     * @param capPool          the pool whose annual cap and yearly deductible visit types naming it share
     * @param deductible       起付线 by person type then level; a deductible the pack gives by level alone is
     *                         listed under every person type
     * @param ratio            报销比例 by person type then level
     * @param tiltRatio        the ratio an assistance category gets instead (empty: none)
     * @param annualCap        年度最高支付限额, or null when there is none
     * @param outOfArea        the rules outside the region, or null: such a visit needs a manual claim
     * @param fixedPayment     a delivery's fixed payment (定额支付) by kind of delivery (its name) then level; empty
     *                         for a visit paid by ratio
     */
    public record Visit(String capPool, DeductibleBasis deductibleBasis, Map<PersonType, Map<InstitutionLevel, Money>> deductible,
                        Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio, Map<AssistanceCategory, BigDecimal> tiltRatio,
                        AnnualCap annualCap, boolean requiresCertification, OutOfArea outOfArea,
                        Map<String, Map<InstitutionLevel, Money>> fixedPayment) {

        public Money deductible(PersonType type, InstitutionLevel level) {
            return deductible.getOrDefault(type, Map.of()).get(level);
        }

        public BigDecimal ratio(PersonType type, InstitutionLevel level) {
            return ratio.getOrDefault(type, Map.of()).get(level);
        }
    }

    /** An annual cap: one amount for everyone, or by person type, and for a type by employment tier. */
    public record AnnualCap(Money everyone, Map<PersonType, Money> byType, Map<PersonType, Map<EmploymentTier, Money>> byTier) {

        /** The person's cap, or null when the pack states none for them. */
        public Money of(PersonType type, EmploymentTier tier) {
            if (everyone != null) {
                return everyone;
            }
            if (byType.containsKey(type)) {
                return byType.get(type);
            }
            Map<EmploymentTier, Money> tiers = byTier.get(type);
            return tiers == null || tier == null ? null : tiers.get(tier);
        }
    }

    public record OutOfArea(Money deductible, BigDecimal filedRatioCut, BigDecimal unfiledRatioCut) {
    }

    /** 大病保险: the bands are widths above the threshold (the last one open). */
    public record Catastrophic(Money threshold, List<Band> bands, Money annualCap, Map<AssistanceCategory, Tilt> tilts) {
    }

    /** @param width null for the last, open-ended band */
    public record Band(Money width, BigDecimal ratio) {
    }

    /**
     * A category's catastrophic terms: a threshold of its own or a factor of the usual one, a ratio
     * instead of the bands' or points added to each, and whether the annual cap applies.
     */
    public record Tilt(Money threshold, BigDecimal thresholdFactor, BigDecimal ratio, BigDecimal ratioBonus, boolean noCap) {
    }

    /**
     * @param countsDeductible whether the deductible counts towards the threshold (the pack's default: it does)
     * @param eligible         the categories it is for (empty: everyone of the scheme)
     */
    public record Supplementary(Money threshold, BigDecimal ratio, Money annualCap, boolean countsDeductible,
                                Set<AssistanceCategory> eligible) {
    }

    /** @param ratioByVisit a visit type's own ratio (e.g. outpatient assistance at 10%), replacing {@code ratio} */
    public record Assistance(BigDecimal ratio, Money annualLimit, Map<VisitType, BigDecimal> ratioByVisit) {

        public BigDecimal ratioFor(VisitType type) {
            return ratioByVisit.getOrDefault(type, ratio);
        }
    }
}
