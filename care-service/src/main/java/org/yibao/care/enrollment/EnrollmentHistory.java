package org.yibao.care.enrollment;

import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.Scheme;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's enrollment facts (pure: no I/O), answering what was true on a day: under each scheme, the fact
 * in force on a day is the latest of that day's year effective on or before it; the person is enrolled in a
 * region on the day when some scheme's fact in force is ACTIVE there. A year with no fact is a year not
 * enrolled (a resident who does not enrol for the next year produces no event, and is not enrolled then).
 */
public record EnrollmentHistory(String personId, List<EnrollmentFact> facts) {

    public EnrollmentHistory {
        facts = List.copyOf(facts);
    }

    /** The region of the person's enrollment on a day (the latest ACTIVE fact in force); empty when not enrolled. */
    public Optional<String> regionOn(LocalDate day) {
        return inForceOn(day).stream().filter(f -> f.status() == EnrollmentStatus.ACTIVE)
                .max(Comparator.comparing(EnrollmentFact::effectiveFrom).thenComparing(f -> f.scheme().name()))
                .map(EnrollmentFact::regionCode);
    }

    /** Whether the person is enrolled in {@code regionCode} on the day under some scheme. */
    public boolean enrolledIn(String regionCode, LocalDate day) {
        return inForceOn(day).stream().anyMatch(f -> f.status() == EnrollmentStatus.ACTIVE && f.regionCode().equals(regionCode));
    }

    private List<EnrollmentFact> inForceOn(LocalDate day) {
        return Arrays.stream(Scheme.values())
                .map(scheme -> facts.stream()
                        .filter(f -> f.scheme() == scheme && f.year() == day.getYear() && !f.effectiveFrom().isAfter(day))
                        .max(Comparator.comparing(EnrollmentFact::effectiveFrom)))
                .flatMap(Optional::stream).toList();
    }
}
