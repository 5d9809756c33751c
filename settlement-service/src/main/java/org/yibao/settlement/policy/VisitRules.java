package org.yibao.settlement.policy;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.DeliveryKind;
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
 * @param fixedPayment          maternity insurance's fixed payment (定额支付) for a delivery, yuan, by kind of
 *                              delivery and institution level; when it is set the visit has no deductible and
 *                              no ratio: the fund pays the fixed amount, at most the policy scope
 */
public record VisitRules(
        String capPool,
        DeductibleBasis deductibleBasis,
        Map<PersonType, Map<InstitutionLevel, Money>> deductible,
        Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio,
        Map<AssistanceCategory, BigDecimal> tiltRatio,
        Map<PersonType, Map<EmploymentTier, Money>> annualCap,
        boolean requiresCertification,
        Optional<OutOfAreaRules> outOfArea,
        Map<DeliveryKind, Map<InstitutionLevel, Money>> fixedPayment) {

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
        fixedPayment = Map.copyOf(fixedPayment);
    }

    /** Rules paid by ratio, with no fixed payment. */
    public VisitRules(String capPool, DeductibleBasis deductibleBasis, Map<PersonType, Map<InstitutionLevel, Money>> deductible,
                      Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio, Map<AssistanceCategory, BigDecimal> tiltRatio,
                      Map<PersonType, Map<EmploymentTier, Money>> annualCap, boolean requiresCertification,
                      Optional<OutOfAreaRules> outOfArea) {
        this(capPool, deductibleBasis, deductible, ratio, tiltRatio, annualCap, requiresCertification, outOfArea, Map.of());
    }

    /** Whether the visit is paid by a fixed amount per kind of delivery (定额支付) rather than by ratio. */
    public boolean paidByFixedAmount() {
        return !fixedPayment.isEmpty();
    }

    /** The fixed payment for a kind of delivery at a level, if the pack states one. */
    public Optional<Money> fixedPaymentFor(DeliveryKind kind, InstitutionLevel level) {
        return Optional.ofNullable(fixedPayment.get(kind)).map(byLevel -> byLevel.get(level));
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
