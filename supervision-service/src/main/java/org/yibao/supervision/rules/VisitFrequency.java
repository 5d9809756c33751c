package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 频繁就诊: more than {@code maxVisits} bills of the given visit types within {@code windowDays}
 * (ending on the service date) at {@code minInstitutions} or more institutions. The bill that goes
 * over the count is in violation, and every later one in the window.
 */
@Component
class VisitFrequency implements RuleType<VisitFrequency.Params> {

    record Params(Set<VisitType> visitTypes, int windowDays, int maxVisits, int minInstitutions) {
        Params {
            if (visitTypes == null || visitTypes.isEmpty()) {
                throw new IllegalArgumentException("visitTypes must list at least one visit type");
            }
            if (windowDays < 1 || windowDays > 90) {
                throw new IllegalArgumentException("windowDays must be 1 to 90");
            }
            if (maxVisits < 1) {
                throw new IllegalArgumentException("maxVisits must be 1 or more");
            }
            if (minInstitutions < 1) {
                throw new IllegalArgumentException("minInstitutions must be 1 or more");
            }
            visitTypes = Set.copyOf(visitTypes);
        }
    }

    @Override
    public String name() {
        return "VISIT_FREQUENCY";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public int historyDays(Params p) {
        return p.windowDays();
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        if (!p.visitTypes().contains(c.visitType())) {
            return List.of();
        }
        List<ClaimFacts> window = Stream.concat(in.history().stream(), Stream.of(c))
                .filter(o -> p.visitTypes().contains(o.visitType()) && !o.serviceDate().isAfter(c.serviceDate())
                        && o.serviceDate().isAfter(c.serviceDate().minusDays(p.windowDays())))
                .toList();
        long institutions = window.stream().map(ClaimFacts::institution).distinct().count();
        if (window.size() <= p.maxVisits() || institutions < p.minInstitutions()) {
            return List.of();
        }
        List<String> others = window.stream().filter(o -> o != c).map(ClaimFacts::settlementId).toList();
        return List.of(Hit.whole(c, others, window.size() + " visits at " + institutions + " institutions within " + p.windowDays()
                + " days up to " + c.serviceDate() + " (more than " + p.maxVisits() + "; frequent visits)"));
    }
}
