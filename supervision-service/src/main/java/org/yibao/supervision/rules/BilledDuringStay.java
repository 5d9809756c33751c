package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VisitType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 住院期间门诊/购药结算: a bill of the given visit types served on a day strictly inside one of the
 * person's inpatient stays (after the admission's date, before the discharge's: the visit that led to
 * the admission and a purchase on the way home are not counted), at any institution or, with
 * {@code sameInstitutionOnly}, at the stay's. The bill is in violation, the stay named. Found from
 * either side: a stay settled at discharge flags the bills already kept inside it; a bill arriving
 * later is flagged against the stays kept. Stays without an admission time (version-1 claims) have
 * no inside.
 */
@Component
class BilledDuringStay implements RuleType<BilledDuringStay.Params> {

    /** @param visitTypes the bills' visit types judged (not INPATIENT) */
    record Params(Set<VisitType> visitTypes, boolean sameInstitutionOnly) {
        Params {
            if (visitTypes == null || visitTypes.isEmpty() || visitTypes.contains(VisitType.INPATIENT)) {
                throw new IllegalArgumentException("visitTypes must list outpatient or pharmacy visit types (not INPATIENT)");
            }
            visitTypes = Set.copyOf(visitTypes);
        }
    }

    @Override
    public String name() {
        return "BILLED_DURING_STAY";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public int historyDays(Params p) {
        return 120;
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        List<Hit> hits = new ArrayList<>();
        if (c.isInpatient()) {
            for (ClaimFacts bill : in.history()) {
                if (p.visitTypes().contains(bill.visitType()) && inside(bill, c, p)) {
                    hits.add(hit(bill, c));
                }
            }
        } else if (p.visitTypes().contains(c.visitType())) {
            for (ClaimFacts stay : in.history()) {
                if (stay.isInpatient() && inside(c, stay, p)) {
                    hits.add(hit(c, stay));
                }
            }
        }
        return hits;
    }

    private static boolean inside(ClaimFacts bill, ClaimFacts stay, Params p) {
        return stay.admittedAt() != null && bill.serviceDate().isAfter(stay.stayStart()) && bill.serviceDate().isBefore(stay.stayEnd())
                && (!p.sameInstitutionOnly() || bill.institution().equals(stay.institution()));
    }

    private static Hit hit(ClaimFacts bill, ClaimFacts stay) {
        return Hit.whole(bill, List.of(stay.settlementId()), bill.visitType() + " bill at " + bill.institution() + " on "
                + bill.serviceDate() + ", while an inpatient at " + stay.institution() + " from " + stay.stayStart() + " to "
                + stay.stayEnd() + " (billed during a stay)");
    }
}
