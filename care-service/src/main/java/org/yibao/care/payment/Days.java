package org.yibao.care.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Days written as runs for a message: "2026-11-20 to 2026-11-30, 2026-11-05". */
final class Days {

    private Days() {
    }

    static String describe(Collection<LocalDate> days) {
        List<String> runs = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        for (LocalDate day : new TreeSet<>(days)) {
            if (end != null && day.equals(end.plusDays(1))) {
                end = day;
                continue;
            }
            if (start != null) {
                runs.add(start.equals(end) ? start.toString() : start + " to " + end);
            }
            start = day;
            end = day;
        }
        if (start != null) {
            runs.add(start.equals(end) ? start.toString() : start + " to " + end);
        }
        return String.join(", ", runs);
    }
}
