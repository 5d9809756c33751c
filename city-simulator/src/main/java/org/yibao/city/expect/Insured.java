package org.yibao.city.expect;

import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.Person;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the simulated city knows of an insured person on a bill's date, as it told the platform:
 * the enrollment it imported, the assistance identity its departments' feeds give, the chronic
 * disease the bureau certified from the first of the year. The city files no remote-treatment filings.
 *
 * @param regionCode        the person's county (the insured place)
 * @param category          the merged assistance identity, or null
 * @param certifiedDiseases ICD-10 codes certified for chronic outpatient care
 */
public record Insured(String personId, Scheme scheme, PersonType type, EmploymentTier tier, String regionCode,
                      AssistanceCategory category, Set<String> certifiedDiseases) {

    /**
     * The order in which one person's identities from several departments merge into one, the most
     * protective first (ADR 0009: 特困 > 低保 > 脱贫不稳定 > 易返贫致贫监测 > 边缘易致贫 > 突发严重困难 > 低保边缘 > 脱贫).
     */
    static final List<AssistanceCategory> PRIORITY = List.of(AssistanceCategory.EXTREME_POVERTY,
            AssistanceCategory.MINIMUM_LIVING, AssistanceCategory.LIFTED_UNSTABLE, AssistanceCategory.POVERTY_MONITORED,
            AssistanceCategory.EDGE_OF_POVERTY, AssistanceCategory.SUDDEN_HARDSHIP, AssistanceCategory.MINIMUM_LIVING_MARGINAL,
            AssistanceCategory.LIFTED_OUT_OF_POVERTY);

    public static Insured of(Person p, List<CityGenerator.FeedRecord> feeds) {
        AssistanceCategory category = feeds.stream().map(CityGenerator.FeedRecord::category)
                .min(Comparator.comparingInt(PRIORITY::indexOf)).orElse(null);
        return new Insured(p.id().value(), p.scheme(), p.type(), p.tier(), p.county(), category,
                p.chronic() == null ? Set.of() : Set.of(p.chronic().icd10));
    }

    /** Whether a certification in force covers one of the diagnoses (a certified I10 covers I10 and I10.x). */
    public boolean certifiedFor(List<String> diagnoses) {
        return diagnoses.stream().anyMatch(d -> certifiedDiseases.stream().anyMatch(d::startsWith));
    }

    public String describe() {
        return scheme + " " + type + (tier == null ? "" : " " + tier) + (category == null ? "" : " " + category)
                + (certifiedDiseases.isEmpty() ? "" : " certified " + certifiedDiseases);
    }
}
