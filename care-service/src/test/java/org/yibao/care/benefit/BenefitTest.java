package org.yibao.care.benefit;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A benefit's days and levels: validity, an early end, the level of each day. */
class BenefitTest {

    private static Benefit benefit(String endedOn) {
        return new Benefit(UUID.randomUUID(), "500116194001010011", "500116", CareSetting.HOME, null, LocalDate.parse("2023-03-01"),
                LocalDate.parse("2025-02-28"), LocalDate.parse("2024-03-01"), endedOn == null ? null : LocalDate.parse(endedOn), null,
                List.of(new LevelFrom(LocalDate.parse("2023-04-16"), CareLevel.LEVEL_5), new LevelFrom(LocalDate.parse("2023-03-01"),
                        CareLevel.LEVEL_3)));
    }

    @Test
    void aReassessmentsLevelAppliesFromItsDay() {
        Benefit b = benefit(null);

        assertThat(b.levelOn(LocalDate.parse("2023-04-15"))).isEqualTo(CareLevel.LEVEL_3);
        assertThat(b.levelOn(LocalDate.parse("2023-04-16"))).isEqualTo(CareLevel.LEVEL_5);
        assertThatThrownBy(() -> b.levelOn(LocalDate.parse("2023-02-28"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEarlyEndIsTheLastDayCovered() {
        Benefit running = benefit(null);
        Benefit ended = benefit("2023-05-10");

        assertThat(running.lastDay()).isEqualTo(LocalDate.parse("2025-02-28"));
        assertThat(ended.lastDay()).isEqualTo(LocalDate.parse("2023-05-10"));
        assertThat(ended.covers(LocalDate.parse("2023-05-10"))).isTrue();
        assertThat(ended.covers(LocalDate.parse("2023-05-11"))).isFalse();
        assertThat(ended.covers(LocalDate.parse("2023-02-28"))).isFalse();
        assertThat(ended.overlaps(LocalDate.parse("2023-05-01"), LocalDate.parse("2023-05-31"))).isTrue();
        assertThat(ended.overlaps(LocalDate.parse("2023-06-01"), LocalDate.parse("2023-06-30"))).isFalse();
        // an end after the validity changes nothing
        assertThat(benefit("2026-01-01").lastDay()).isEqualTo(LocalDate.parse("2025-02-28"));
    }
}
