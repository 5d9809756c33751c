package org.yibao.supervision.rules;

import org.springframework.stereotype.Component;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * 同时两地住院/重复住院: the person an inpatient twice over the same nights — at two institutions, or with
 * {@code sameInstitution} also twice at one (two admissions at once; the segments of one admission, settled
 * mid-stay, share their admission time and are one stay): two stays whose
 * spans (admission to discharge dates) share at least {@code minNights} nights, or, when neither
 * stay's admission is known, two stays with the same service date. Both stays are in doubt (which one
 * is the patient's real stay is the reviewer's to find): the claim under audit is found, and after
 * settlement the other stay too, each naming the other.
 */
@Component
class OverlappingStays implements RuleType<OverlappingStays.Params> {

    /**
     * @param minNights       nights two stays must share, 1 or more
     * @param sameInstitution also two stays at the same institution
     */
    record Params(int minNights, boolean sameInstitution) {
        Params {
            if (minNights < 1) {
                throw new IllegalArgumentException("minNights must be 1 or more");
            }
        }

        Params(int minNights) {
            this(minNights, false);
        }
    }

    @Override
    public String name() {
        return "OVERLAPPING_STAYS";
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
        if (!c.isInpatient()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (ClaimFacts other : in.history()) {
            boolean here = other.institution().equals(c.institution());
            boolean segment = here && c.admittedAt() != null && c.admittedAt().equals(other.admittedAt());
            if (!other.isInpatient() || (here && !p.sameInstitution()) || segment) {
                continue;
            }
            boolean spansKnown = c.admittedAt() != null || other.admittedAt() != null;
            long shared = ChronoUnit.DAYS.between(max(c.stayStart(), other.stayStart()), min(c.stayEnd(), other.stayEnd()));
            if ((spansKnown && shared >= p.minNights()) || (!spansKnown && c.serviceDate().equals(other.serviceDate()))) {
                String evidence = "inpatient at " + c.institution() + " from " + c.stayStart() + " to " + c.stayEnd() + " and at "
                        + other.institution() + " from " + other.stayStart() + " to " + other.stayEnd()
                        + (spansKnown ? " (" + shared + " nights at both)" : "");
                hits.add(Hit.whole(c, List.of(other.settlementId()), evidence));
                hits.add(Hit.whole(other, List.of(c.settlementId()), evidence));
            }
        }
        return hits;
    }

    private static java.time.LocalDate max(java.time.LocalDate a, java.time.LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static java.time.LocalDate min(java.time.LocalDate a, java.time.LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
