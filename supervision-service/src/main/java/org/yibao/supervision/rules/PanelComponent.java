package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.supervision.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 分解收费 (项目内涵): a component of a panel billed beside the panel (the knowledge base's contents), on
 * the same bill or, with {@code sameDayAtInstitution}, on another bill of the same day at the same
 * institution. The component's line is in violation.
 */
@Component
class PanelComponent implements RuleType<PanelComponent.Params> {

    /** @param sameDayAtInstitution also look at the person's other bills that day at the institution */
    record Params(boolean sameDayAtInstitution) {
    }

    /** Overcharging the patient is a violation too, whoever pays the line. */
    @Override
    public boolean concernsSelfPay() {
        return true;
    }

    @Override
    public String name() {
        return "PANEL_COMPONENT";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public int historyDays(Params p) {
        return p.sameDayAtInstitution() ? 1 : 0;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        List<ClaimFacts> sameVisit = new ArrayList<>(List.of(c));
        if (p.sameDayAtInstitution()) {
            in.history().stream().filter(o -> o.serviceDate().equals(c.serviceDate()) && o.institution().equals(c.institution()))
                    .forEach(sameVisit::add);
        }
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts.Line l : c.lines()) {
            for (ClaimFacts other : sameVisit) {
                for (ClaimFacts.Line panelLine : other.lines()) {
                    Optional<Knowledge.Panel> panel = in.knowledge().panel(panelLine.itemCode());
                    if (panel.isPresent() && panel.get().components().contains(l.itemCode())) {
                        String onBill = other == c ? "line " + panelLine.no() : "bill " + other.settlementId() + " of the same day";
                        hits.add(new Hit(c, List.of(l.no()), other == c ? List.of() : List.of(other.settlementId()), l.amount(),
                                Hit.where(l) + " is part of the panel " + panelLine.itemCode() + " (" + panel.get().name()
                                        + ") billed on " + onBill + " (split charging)"));
                    }
                }
            }
        }
        return hits.stream().collect(java.util.stream.Collectors.toMap(h -> h.lines().get(0), h -> h, (a, b) -> a,
                java.util.LinkedHashMap::new)).values().stream().toList();
    }
}
