package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.supervision.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 超限定就医方式/级别/人群: an item the knowledge base restricts to visit types, to institutions of at
 * least a level, or to person types, billed outside them. A level or person type not known (an
 * institution not registered, a version-1 claim) is not judged.
 */
@Component
class ItemRestriction implements RuleType<ItemRestriction.Params> {

    record Params() {
    }

    @Override
    public String name() {
        return "ITEM_RESTRICTION";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        Optional<InstitutionLevel> level = in.level();
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts.Line l : c.lines()) {
            for (Knowledge.Restriction r : in.knowledge().restrictionsOf(l.itemCode())) {
                String why = null;
                if (!r.visitTypes().isEmpty() && !r.visitTypes().contains(c.visitType())) {
                    why = "is restricted to " + r.visitTypes() + " visits; this bill is " + c.visitType();
                } else if (r.minLevel() != null && level.isPresent() && RuleInput.rank(level.get()) < RuleInput.rank(r.minLevel())) {
                    why = "is restricted to institutions of " + r.minLevel() + " or above; " + c.institution() + " is " + level.get();
                } else if (!r.personTypes().isEmpty() && c.personType() != null && !r.personTypes().contains(c.personType())) {
                    why = "is restricted to " + r.personTypes() + "; the patient is " + c.personType();
                }
                if (why != null) {
                    hits.add(Hit.line(c, l, l.amount(), Hit.where(l) + " (" + r.name() + ") " + why + " (restricted item)"));
                    break;
                }
            }
        }
        return hits;
    }

}
