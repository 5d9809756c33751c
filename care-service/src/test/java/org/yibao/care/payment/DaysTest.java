package org.yibao.care.payment;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DaysTest {

    @Test
    void daysAreWrittenAsRuns() {
        assertThat(Days.describe(List.of(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-21")))).isEqualTo("2026-11-05, 2026-11-20 to 2026-11-22");
    }
}
