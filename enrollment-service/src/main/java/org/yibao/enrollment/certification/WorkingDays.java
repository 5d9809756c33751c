package org.yibao.enrollment.certification;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working-day arithmetic for decision deadlines. ASSUMPTION: Monday to Friday; public holidays and
 * the State Council's swapped working weekends are not modelled (a holiday calendar would be data).
 */
final class WorkingDays {

    private WorkingDays() {
    }

    static LocalDate after(LocalDate start, int workingDays) {
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The working days left from {@code today} to {@code deadline}, on the same calendar as {@link #after}:
     * n when the deadline is the n-th working day after today ({@code left(d, after(d, n)) == n}), 0 on the
     * deadline itself; negative once it has passed: minus the working days since the deadline, and at least
     * -1 (a deadline on Friday is overdue on Saturday).
     */
    static int left(LocalDate today, LocalDate deadline) {
        if (!deadline.isBefore(today)) {
            return between(today, deadline);
        }
        return -Math.max(1, between(deadline, today));
    }

    /** The working days after {@code from} up to and including {@code to}. */
    private static int between(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return counted;
    }
}
