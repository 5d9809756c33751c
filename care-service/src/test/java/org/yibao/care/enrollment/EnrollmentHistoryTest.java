package org.yibao.care.enrollment;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.EnrollmentStatus;
import org.yibao.contracts.events.Scheme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What was true on a day, from a person's enrollment facts (the rule care payments pay by). */
class EnrollmentHistoryTest {

    private static final String PERSON = "500116194001010011";

    private static EnrollmentFact fact(Scheme scheme, int year, String from, String region, EnrollmentStatus status) {
        return new EnrollmentFact(PERSON, scheme, year, LocalDate.parse(from), region, status, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aResidentWhoDoesNotEnrolForTheNextYearIsNotEnrolledInIt() {
        // enrolled for 2026 only: no fact for 2027 (a resident who does not enrol produces no event)
        EnrollmentHistory history = new EnrollmentHistory(PERSON,
                List.of(fact(Scheme.RESIDENT, 2026, "2026-01-01", "500116", EnrollmentStatus.ACTIVE)));

        assertThat(history.enrolledIn("500116", LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(history.enrolledIn("500116", LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(history.regionOn(LocalDate.parse("2027-01-15"))).isEmpty();
    }

    @Test
    void anEnrollmentEndedMidMonthCoversTheDaysBeforeItsEnd() {
        EnrollmentHistory history = new EnrollmentHistory(PERSON, List.of(
                fact(Scheme.EMPLOYEE, 2026, "2026-01-01", "500116", EnrollmentStatus.ACTIVE),
                fact(Scheme.EMPLOYEE, 2026, "2026-11-20", "500116", EnrollmentStatus.TERMINATED)));

        assertThat(history.enrolledIn("500116", LocalDate.parse("2026-11-19"))).isTrue();
        assertThat(history.enrolledIn("500116", LocalDate.parse("2026-11-20"))).isFalse();
        assertThat(history.enrolledIn("500116", LocalDate.parse("2026-12-01"))).isFalse();
        // a day before the year's first fact: not enrolled
        assertThat(new EnrollmentHistory(PERSON, List.of(fact(Scheme.EMPLOYEE, 2026, "2026-03-01", "500116", EnrollmentStatus.ACTIVE)))
                .enrolledIn("500116", LocalDate.parse("2026-02-28"))).isFalse();
    }

    @Test
    void anotherSchemeStillActiveKeepsThePersonEnrolledAndTheRegionCounts() {
        EnrollmentHistory history = new EnrollmentHistory(PERSON, List.of(
                fact(Scheme.EMPLOYEE, 2026, "2026-01-01", "500116", EnrollmentStatus.ACTIVE),
                fact(Scheme.EMPLOYEE, 2026, "2026-06-01", "500116", EnrollmentStatus.SUSPENDED),
                fact(Scheme.RESIDENT, 2026, "2026-05-01", "411700", EnrollmentStatus.ACTIVE)));

        assertThat(history.regionOn(LocalDate.parse("2026-04-30"))).contains("500116");
        // both schemes in force on 05-10: the later fact's region
        assertThat(history.regionOn(LocalDate.parse("2026-05-10"))).contains("411700");
        assertThat(history.enrolledIn("500116", LocalDate.parse("2026-05-10"))).isTrue();
        // from 06-01 enrolled, but only in 411700: not in 500116
        assertThat(history.regionOn(LocalDate.parse("2026-06-01"))).contains("411700");
        assertThat(history.enrolledIn("500116", LocalDate.parse("2026-06-01"))).isFalse();
    }
}
