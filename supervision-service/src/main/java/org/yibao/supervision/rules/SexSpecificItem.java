package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.supervision.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * 串换项目 (性别): an item the knowledge base gives to one sex only, billed for the other. An entry judges
 * the items the knowledge base names by code, by name, or both ({@code match}): a code is the catalog's
 * own, a name fragment may misfire on a longer name, so a library may refuse on codes and only warn on names.
 */
@Component
class SexSpecificItem implements RuleType<SexSpecificItem.Params> {

    /** How an entry matches the knowledge base's rows: by their code prefixes, their name fragments, or either. */
    enum Match { CODE, NAME, ANY }

    /** @param match CODE, NAME or ANY (the default) */
    record Params(Match match) {
        Params {
            match = match == null ? Match.ANY : match;
        }
    }

    @Override
    public String name() {
        return "SEX_SPECIFIC_ITEM";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts.Line l : in.claim().lines()) {
            String name = p.match() == Match.CODE ? null : in.nameOf(l);
            for (Knowledge.SexSpecific s : in.knowledge().sexSpecificOf(p.match() == Match.NAME ? "" : l.itemCode(), name)) {
                if (s.sex() != in.sex()) {
                    hits.add(Hit.line(in.claim(), l, l.amount(), Hit.where(l) + " (" + s.name() + ") is for " + s.sex().name().toLowerCase()
                            + " patients; it cannot be billed for a " + in.sex().name().toLowerCase() + " patient (item switching)"));
                    break;
                }
            }
        }
        return hits;
    }
}
