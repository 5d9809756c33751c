package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * 分解住院: a readmission within {@code withinDays} of the person's previous discharge (0 = readmitted
 * the day of discharge), with a diagnosis of the same ICD-10 category; the readmission's whole claim
 * is in violation and the earlier stay is named. Stays are their admission and discharge dates
 * (ClaimSettled v2); a stay kept without them is its service date, and then a readmission on the same
 * service date is not one. Whichever of the two stays arrives second finds it (a late earlier stay
 * flags the later one). A transfer (转院: discharged and admitted at another institution the same day) is
 * a referral, not a split stay. Planned staged treatment is exempted by the entry (Exemption.PLANNED_TREATMENT).
 */
@Component
class SplitHospitalisation implements RuleType<SplitHospitalisation.Params> {

    /** @param withinDays days from one discharge to the next admission, 1 to 90 */
    record Params(int withinDays) {
        Params {
            if (withinDays < 1 || withinDays > 90) {
                throw new IllegalArgumentException("withinDays must be 1 to 90");
            }
        }
    }

    @Override
    public String name() {
        return "SPLIT_HOSPITALISATION";
    }

    @Override
    public Class<Params> parameters() {
        return Params.class;
    }

    @Override
    public int historyDays(Params p) {
        return p.withinDays() + 90; // a long stay's service date (its discharge) lies far from the next admission
    }

    @Override
    public List<Hit> check(RuleInput in, Params p) {
        ClaimFacts c = in.claim();
        if (!c.isInpatient()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts other : in.history()) {
            if (!other.isInpatient()) {
                continue;
            }
            boolean otherFirst = isBefore(other, c);
            ClaimFacts earlier = otherFirst ? other : c;
            ClaimFacts later = otherFirst ? c : other;
            if (!isBefore(earlier, later)) {
                continue;
            }
            long gap = ChronoUnit.DAYS.between(earlier.stayEnd(), later.stayStart());
            List<String> related = later.diagnosisCategories().stream().filter(earlier.diagnosisCategories()::contains).toList();
            boolean transfer = gap == 0 && !earlier.institution().equals(later.institution());
            if (gap >= 0 && gap <= p.withinDays() && !related.isEmpty() && !transfer) {
                hits.add(Hit.whole(later, List.of(earlier.settlementId()), "readmitted on " + later.stayStart() + ", " + gap
                        + " days after the discharge of " + earlier.stayEnd() + " from " + earlier.institution()
                        + ", with related diagnoses " + related));
            }
        }
        return hits;
    }

    /** Whether stay {@code a} ended before stay {@code b} began (same-day service dates without stay times are not). */
    private static boolean isBefore(ClaimFacts a, ClaimFacts b) {
        if (a.admittedAt() != null && b.admittedAt() != null) {
            return a.dischargedAt() != null && !a.dischargedAt().isAfter(b.admittedAt());
        }
        return a.stayEnd().isBefore(b.stayStart());
    }
}
