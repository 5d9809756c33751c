package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.supervision.institution.Institution;
import org.yibao.supervision.institution.InstitutionService;
import org.yibao.supervision.knowledge.KnowledgeBase;
import org.yibao.supervision.nationalcatalog.NationalCatalogService;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Gathers what the rules read around a claim ({@link RuleInput}): the person's kept claims within the
 * entries' history window before and after the service date, the knowledge base and catalog in force
 * that day, the institutions' levels and places as supervision registered them, a registered death.
 */
@Component
public class RuleInputs {

    private final ClaimHistoryStore history;
    private final KnowledgeBase knowledge;
    private final NationalCatalogService catalog;
    private final InstitutionService institutions;

    RuleInputs(ClaimHistoryStore history, KnowledgeBase knowledge, NationalCatalogService catalog, InstitutionService institutions) {
        this.history = history;
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.institutions = institutions;
    }

    /** The input of the entries for a claim at a stage; the history read is the entries' widest window. */
    public RuleInput around(ClaimFacts claim, Stage stage, List<RuleEntry> entries) {
        return around(claim, stage, entries, null);
    }

    /**
     * As {@link #around(ClaimFacts, Stage, List)}, with the history of the claims kept before {@code keptBefore}
     * (a backtest judges a claim by what the live audit knew when it arrived); all when null.
     */
    public RuleInput around(ClaimFacts claim, Stage stage, List<RuleEntry> entries, java.time.Instant keptBefore) {
        int days = RuleEngine.historyDays(entries);
        LocalDate day = claim.serviceDate();
        List<ClaimFacts> others = days == 0 ? List.of()
                : history.claimsOf(claim.personId(), claim.settlementId(), day.minusDays(days), day.plusDays(days), day, keptBefore);
        // the rules may ask for the same institution many times: InstitutionService keeps it in memory
        java.util.function.Function<String, Optional<Institution>> institution = institutions::find;
        return new RuleInput(claim, others, knowledge.inForce(day),
                catalog.inForce(claim.lines().stream().map(ClaimFacts.Line::itemCode).toList(), day),
                code -> institution.apply(code).map(Institution::level),
                code -> institution.apply(code).filter(i -> i.latitude() != null && i.longitude() != null)
                        .map(i -> new RuleInput.GeoPoint(i.latitude().doubleValue(), i.longitude().doubleValue())),
                history.dateOfDeath(claim.personId()), stage);
    }

    /** The level of an institution, when registered. */
    public Optional<InstitutionLevel> level(String code) {
        return institutions.find(code).map(Institution::level);
    }
}
