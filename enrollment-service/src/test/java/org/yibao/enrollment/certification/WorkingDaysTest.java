package org.yibao.enrollment.certification;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision deadline (ten working days, Monday to Friday) on dates counted by hand on a calendar,
 * not recomputed the way the code computes it (issue 19, item 5).
 */
class WorkingDaysTest {

    @Test
    void tenWorkingDaysFromAMondayEndOnTheMondayTwoWeeksLater() {
        // applied Mon 30 Nov 2026: Dec 1-4 (4), Dec 7-11 (9), Mon Dec 14 is the tenth
        assertThat(WorkingDays.after(LocalDate.of(2026, 11, 30), 10)).isEqualTo(LocalDate.of(2026, 12, 14));
    }

    @Test
    void aWeekendApplicationCountsFromTheNextMonday() {
        // applied Sat 5 Dec 2026: Dec 7-11 (5), Dec 14-18 (10): Fri Dec 18
        assertThat(WorkingDays.after(LocalDate.of(2026, 12, 5), 10)).isEqualTo(LocalDate.of(2026, 12, 18));
        // applied Fri 4 Dec 2026: one working day later is Mon Dec 7, not Sat Dec 5
        assertThat(WorkingDays.after(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void acrossTheYearsEnd() {
        // applied Thu 24 Dec 2026: Dec 25, 28-31 (5), Jan 1 2027 is a Friday (6; holidays are not modelled),
        // Jan 4-7 (10): Thu 7 Jan 2027
        assertThat(WorkingDays.after(LocalDate.of(2026, 12, 24), 10)).isEqualTo(LocalDate.of(2027, 1, 7));
    }

    @Test
    void theWorkingDaysLeftCountDownToTheDeadlineAndBelowZeroAfterIt() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        LocalDate deadline = LocalDate.of(2026, 12, 14); // ten working days after Mon 30 Nov
        assertThat(WorkingDays.left(monday, deadline)).isEqualTo(10);
        assertThat(WorkingDays.left(LocalDate.of(2026, 12, 5), deadline)).isEqualTo(6); // Sat 5 Dec: Dec 7-11, 14
        assertThat(WorkingDays.left(LocalDate.of(2026, 12, 11), deadline)).isEqualTo(1);
        assertThat(WorkingDays.left(deadline, deadline)).isZero();
        assertThat(WorkingDays.left(LocalDate.of(2026, 12, 15), deadline)).isEqualTo(-1);
        assertThat(WorkingDays.left(LocalDate.of(2026, 12, 21), deadline)).isEqualTo(-5); // Dec 15-18, 21
        // a Friday deadline is overdue on Saturday: at least one day late though no working day passed
        assertThat(WorkingDays.left(LocalDate.of(2026, 12, 19), LocalDate.of(2026, 12, 18))).isEqualTo(-1);
        assertThat(WorkingDays.left(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 18))).isEqualTo(-1);
    }

    @Test
    void theWorkingDaysLeftAgreeWithTheDeadlineTheyWereSetBy() {
        for (LocalDate day = LocalDate.of(2026, 12, 1); day.isBefore(LocalDate.of(2027, 1, 15)); day = day.plusDays(1)) {
            for (int n = 1; n <= 12; n++) {
                assertThat(WorkingDays.left(day, WorkingDays.after(day, n))).as(day + " + " + n).isEqualTo(n);
            }
        }
    }
}
