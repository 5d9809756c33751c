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
}
