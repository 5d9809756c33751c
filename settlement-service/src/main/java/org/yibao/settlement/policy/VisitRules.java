package org.yibao.settlement.policy;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * How the basic fund pays one kind of visit.
 *
 * @param capPool               the name of the annual cap this visit type draws on; visit types that
 *                              share a name share the cap and the yearly deductible
 * @param deductibleBasis       per admission or per year
 * @param deductible            起付线 by person type and institution level
 * @param ratio                 reimbursement ratio by person type and institution level
 * @param tiltRatio             a higher ratio for an assistance category (倾斜), replacing the ratio above
 * @param annualCap             the most the basic fund pays from this pool in a year, by person type and
 *                              employment tier; a person type absent here has no cap
 * @param requiresCertification whether the person needs a chronic/special-disease certification in
 *                              force for one of the bill's diagnoses (门诊慢特病)
 * @param outOfArea             rules for treatment outside the region; empty means such a visit is
 *                              not settled directly
 */
public record VisitRules(
        String capPool,
        DeductibleBasis deductibleBasis,
        Map<PersonType, Map<InstitutionLevel, Money>> deductible,
        Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio,
        Map<AssistanceCategory, BigDecimal> tiltRatio,
        Map<PersonType, Map<EmploymentTier, Money>> annualCap,
        boolean requiresCertification,
        Optional<OutOfAreaRules> outOfArea) {

    /**
     * ASSUMPTION: an employee enrollment that does not say its tier (announced before tiers were
     * carried) is treated as employer-enrolled, the most common case.
     */
    static final EmploymentTier DEFAULT_TIER = EmploymentTier.EMPLOYER;

    public VisitRules {
        deductible = Map.copyOf(deductible);
        ratio = Map.copyOf(ratio);
        tiltRatio = Map.copyOf(tiltRatio);
        annualCap = Map.copyOf(annualCap);
    }

    public Optional<Money> deductibleFor(PersonType personType, InstitutionLevel level) {
        return Optional.ofNullable(deductible.get(personType)).map(byLevel -> byLevel.get(level));
    }

    public Optional<Money> annualCapFor(PersonType personType, Optional<EmploymentTier> tier) {
        return Optional.ofNullable(annualCap.get(personType)).map(byTier -> byTier.get(tier.orElse(DEFAULT_TIER)));
    }

    public Optional<BigDecimal> ratioFor(PersonType personType, InstitutionLevel level, Optional<AssistanceCategory> category) {
        Map<InstitutionLevel, BigDecimal> byLevel = ratio.get(personType);
        if (byLevel == null || !byLevel.containsKey(level)) {
            return Optional.empty();
        }
        BigDecimal base = byLevel.get(level);
        return Optional.of(category.map(tiltRatio::get).filter(t -> t.compareTo(base) > 0).orElse(base));
    }
}
