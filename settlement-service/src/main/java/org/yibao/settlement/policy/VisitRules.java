package org.yibao.settlement.policy;

import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * How the basic fund pays one kind of visit.
 *
 * @param capPool         the name of the annual cap this visit type draws on; visit types that
 *                        share a name share the cap and the yearly deductible
 * @param deductibleBasis per admission or per year
 * @param deductible      起付线 by institution level
 * @param ratio           reimbursement ratio by person type and institution level
 * @param tiltRatio       a higher ratio for an assistance category (倾斜), replacing the ratio above
 * @param annualCap       the most the basic fund pays from this pool in a year; empty means no cap
 */
public record VisitRules(
        String capPool,
        DeductibleBasis deductibleBasis,
        Map<InstitutionLevel, Money> deductible,
        Map<PersonType, Map<InstitutionLevel, BigDecimal>> ratio,
        Map<AssistanceCategory, BigDecimal> tiltRatio,
        Optional<Money> annualCap) {

    public VisitRules {
        deductible = Map.copyOf(deductible);
        ratio = Map.copyOf(ratio);
        tiltRatio = Map.copyOf(tiltRatio);
    }

    public Optional<Money> deductibleAt(InstitutionLevel level) {
        return Optional.ofNullable(deductible.get(level));
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
