package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 异地同日就诊: bills of the given visit types on the same day at two institutions more than
 * {@code maxKilometres} apart (great-circle distance between their registered coordinates). The bill
 * under audit is in violation, the other named. Institutions without coordinates are not judged.
 */
@Component
class DistantSameDay implements RuleType<DistantSameDay.Params> {

    record Params(Set<VisitType> visitTypes, int maxKilometres) {
        Params {
            if (visitTypes == null || visitTypes.isEmpty()) {
                throw new IllegalArgumentException("visitTypes must list at least one visit type");
            }
            if (maxKilometres < 1) {
                throw new IllegalArgumentException("maxKilometres must be 1 or more");
            }
            visitTypes = Set.copyOf(visitTypes);
        }
    }

    @Override
    public String name() {
        return "DISTANT_SAME_DAY";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public int historyDays(Params p) {
        return 1;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        Optional<RuleInput.GeoPoint> here = in.places().apply(c.institution());
        if (!p.visitTypes().contains(c.visitType()) || here.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts o : in.history()) {
            if (!o.serviceDate().equals(c.serviceDate()) || !p.visitTypes().contains(o.visitType()) || o.institution().equals(c.institution())) {
                continue;
            }
            Optional<RuleInput.GeoPoint> there = in.places().apply(o.institution());
            if (there.isPresent()) {
                double km = here.get().kilometresTo(there.get());
                if (km > p.maxKilometres()) {
                    hits.add(Hit.whole(c, List.of(o.settlementId()), c.visitType() + " at " + c.institution() + " and "
                            + o.visitType() + " at " + o.institution() + " on " + c.serviceDate() + ", " + Math.round(km)
                            + " km apart (more than " + p.maxKilometres() + " km)"));
                    break;
                }
            }
        }
        return hits;
    }
}
