package org.yibao.settlement.policy;

import tools.jackson.databind.annotation.JsonDeserialize;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
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
 * A policy-pack file as it is written (YAML), bound by Jackson: one record per mapping of the file,
 * with the file's own key names. Shapes only; what must hold across fields (a deductible for every
 * ratio, the last catastrophic band open-ended, ...) is checked when {@link PolicyPackReader} turns
 * this into a {@link PolicyPack}. Its published JSON Schema is {@code schemas/policy-pack.schema.json}.
 * Money is written quoted ({@code "200.00"}, yuan, at most 2 decimals), ratios as numbers from 0 to 1.
 */
record PolicyPackFile(String id, Integer version, Region region, Scheme scheme, LocalDate effectiveFrom,
                      Ratio priorSelfPayRatio, Map<VisitType, Visit> visits, Catastrophic catastrophic,
                      Supplementary supplementary, Map<AssistanceCategory, Share> assistance, List<ZeroPay> zeroPay,
                      MaternityLeave maternityLeave) {

    /** A ratio from 0 to 1 (0.60 = 60%), kept exactly as written. */
    @JsonDeserialize(using = PackValues.RatioDeserializer.class)
    record Ratio(BigDecimal value) {
    }

    /** The pooling region: its 6-digit administrative division code and name. */
    record Region(String code, String name) {
    }

    /** One visit type's rules. */
    record Visit(String capPool, DeductibleBasis deductibleBasis, Deductible deductible,
                 Map<PersonType, Map<InstitutionLevel, Ratio>> ratio, Map<AssistanceCategory, Ratio> tiltRatio,
                 AnnualCap annualCap, Boolean requiresCertification, OutOfArea outOfArea,
                 Map<DeliveryKind, Map<InstitutionLevel, Money>> fixedPayment) {
    }

    /**
     * A deductible (起付线) by institution level for every person type ({@code LEVEL_2: "400.00"}), or
     * by person type and then level ({@code EMPLOYEE_RETIRED: { LEVEL_2: "100.00" }}). A file that mixes
     * the two keeps both here, and the reader refuses it naming the level.
     */
    @JsonDeserialize(using = PackValues.DeductibleDeserializer.class)
    record Deductible(Map<InstitutionLevel, Money> byLevel, Map<PersonType, Map<InstitutionLevel, Money>> byPersonType) {
    }

    /**
     * An annual cap (年度最高支付限额): one amount for everyone, or by person type, each one amount or
     * by employment tier.
     */
    @JsonDeserialize(using = PackValues.AnnualCapDeserializer.class)
    record AnnualCap(Money everyone, Map<PersonType, TierCap> byPersonType) {
    }

    /** One person type's cap: one amount, or one per employment tier. */
    record TierCap(Money all, Map<EmploymentTier, Money> byTier) {
    }

    /** Out-of-area rules (异地就医): ratio cuts with and without a filing, and the deductible there. */
    record OutOfArea(Money deductible, Ratio filedRatioCut, Ratio unfiledRatioCut) {
    }

    /** Catastrophic illness insurance (大病保险). */
    record Catastrophic(Money threshold, List<Band> bands, Money annualCap, Map<AssistanceCategory, Tilt> tilts) {
    }

    record Band(Money width, Ratio ratio) {
    }

    /** A category's tilt: exactly one of threshold or thresholdFactor; a ratio or a ratioBonus. */
    record Tilt(Money threshold, Ratio thresholdFactor, Ratio ratio, Ratio ratioBonus, Boolean noCap) {
    }

    /** Supplementary insurance (补充保险). */
    record Supplementary(Money threshold, Ratio ratio, Money annualCap, Boolean countsDeductible,
                         Set<AssistanceCategory> eligibleCategories) {
    }

    /** Medical assistance (医疗救助) for one category; a visit type may have a ratio of its own. */
    record Share(Ratio ratio, Money annualLimit, Map<VisitType, Ratio> ratioByVisit) {
    }

    /** Maternity leave (产假) the maternity allowance (生育津贴) pays, in days. */
    record MaternityLeave(Integer baseDays, Integer difficultDeliveryDays, Integer perExtraBabyDays,
                          Integer miscarriageBefore4MonthsDays, Integer miscarriageFrom4MonthsDays, Integer regionDays) {
    }

    /** A rule under which the fund pays listed items in full (e.g. the 两病 VBP catalog). */
    record ZeroPay(String name, String catalog, List<String> diseases, ItemClass itemClass, Boolean vbpOnly,
                   List<VisitType> visitTypes, String capPool) {
    }
}
