package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 分解收费 across bills (分解就诊): a bill of the given visit types at an institution where the person
 * already has another bill of those types within {@code windowDays} (0 = the same day) for a diagnosis
 * of the same ICD-10 category — one visit split into several settlements. The bill under audit is in
 * violation for the lines whose items the other bills already charged (the repeated consultation, the
 * repeated exam), or its whole amount when it repeats none. Bills for unrelated diagnoses (two
 * departments, two complaints) are not one visit; the first bill of the visit is not flagged.
 */
@Component
class SameDayBills implements RuleType<SameDayBills.Params> {

    record Params(Set<VisitType> visitTypes, int windowDays) {
        Params {
            if (visitTypes == null || visitTypes.isEmpty()) {
                throw new IllegalArgumentException("visitTypes must list at least one visit type");
            }
            if (windowDays < 0 || windowDays > 30) {
                throw new IllegalArgumentException("windowDays must be 0 to 30");
            }
            visitTypes = Set.copyOf(visitTypes);
        }
    }

    @Override
    public String name() {
        return "SAME_DAY_BILLS";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public int historyDays(Params p) {
        return p.windowDays() + 1;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        if (!p.visitTypes().contains(c.visitType()) || c.diagnoses().isEmpty()) {
            return List.of();
        }
        List<ClaimFacts> earlier = in.history().stream()
                .filter(o -> p.visitTypes().contains(o.visitType()) && o.institution().equals(c.institution())
                        && !o.serviceDate().isAfter(c.serviceDate()) && !o.serviceDate().isBefore(c.serviceDate().minusDays(p.windowDays()))
                        && o.diagnosisCategories().stream().anyMatch(c.diagnosisCategories()::contains))
                .toList();
        if (earlier.isEmpty()) {
            return List.of();
        }
        Set<String> charged = new HashSet<>();
        earlier.forEach(o -> o.lines().forEach(l -> charged.add(l.itemCode())));
        List<Integer> repeated = new ArrayList<>();
        List<Money> amounts = new ArrayList<>();
        for (ClaimFacts.Line l : c.lines()) {
            if (charged.contains(l.itemCode())) {
                repeated.add(l.no());
                amounts.add(l.amount());
            }
        }
        List<String> others = earlier.stream().map(ClaimFacts::settlementId).toList();
        String evidence = "bill " + (earlier.size() + 1) + " at " + c.institution() + " within " + (p.windowDays() == 0 ? "the same day"
                : p.windowDays() + " days") + " for " + c.diagnosisCategories() + " (bills " + others + ")";
        if (repeated.isEmpty()) {
            return List.of(Hit.whole(c, others, evidence + " (split billing)"));
        }
        return List.of(new Hit(c, repeated, others, Money.sum(amounts), evidence + "; lines " + repeated
                + " repeat items already charged (split billing)"));
    }
}
