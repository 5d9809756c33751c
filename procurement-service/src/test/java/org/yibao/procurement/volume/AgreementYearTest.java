package org.yibao.procurement.volume;

import org.junit.jupiter.api.Test;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.InvalidRequestException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The share of an agreement year elapsed, against which completion is measured, worked out by hand. */
class AgreementYearTest {

    @Test
    void theElapsedShareCountsTodayOverTheDaysOfTheYear() {
        AgreementYear y2026 = new AgreementYear(2026);
        assertThat(y2026.elapsedPercent(LocalDate.of(2026, 1, 1)).toPlainString()).isEqualTo("0.27");   // 1 / 365 = 0.27397
        assertThat(y2026.elapsedPercent(LocalDate.of(2026, 3, 1)).toPlainString()).isEqualTo("16.44");  // 60 / 365 = 16.438
        assertThat(y2026.elapsedPercent(LocalDate.of(2026, 7, 2)).toPlainString()).isEqualTo("50.14");  // 183 / 365 = 50.137
        assertThat(y2026.elapsedPercent(LocalDate.of(2026, 12, 31)).toPlainString()).isEqualTo("100.00");
    }

    @Test
    void aLeapYearHas366Days() {
        assertThat(new AgreementYear(2028).elapsedPercent(LocalDate.of(2028, 3, 1)).toPlainString()).isEqualTo("16.67"); // 61 / 366 = 16.667
    }

    @Test
    void aPastYearIsWhollyElapsedAndAFutureOneNotAtAll() {
        assertThat(new AgreementYear(2025).elapsedPercent(LocalDate.of(2026, 1, 1)).toPlainString()).isEqualTo("100.00");
        assertThat(new AgreementYear(2027).elapsedPercent(LocalDate.of(2026, 12, 31)).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void aYearOutside2000To2100IsRefusedNamingTheYear() {
        assertThat(new AgreementYear(2000).value()).isEqualTo(2000);
        assertThat(new AgreementYear(2100).value()).isEqualTo(2100);
        for (int year : new int[] {1999, 2101}) {
            assertThatThrownBy(() -> new AgreementYear(year)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.problems()).containsExactly(new FieldProblem("year", "must be between 2000 and 2100")));
        }
    }
}
