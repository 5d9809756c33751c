package org.yibao.supervision.nationalcatalog;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.ItemClass;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemHistoryTest {

    private static final CatalogEntry OPEN_2025 = entry(LocalDate.of(2025, 1, 1), null);
    private static final CatalogEntry ENDS_JUNE_2026 = entry(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));

    @Test
    void theEntryInForceIsTheLatestBegunByTheDayUnlessItHasEnded() {
        ItemHistory history = new ItemHistory(List.of(ENDS_JUNE_2026, OPEN_2025));

        assertThat(history.inForceOn(LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(history.inForceOn(LocalDate.of(2025, 1, 1))).contains(OPEN_2025);
        assertThat(history.inForceOn(LocalDate.of(2025, 12, 31))).contains(OPEN_2025);
        assertThat(history.inForceOn(LocalDate.of(2026, 1, 1))).contains(ENDS_JUNE_2026);
        assertThat(history.inForceOn(LocalDate.of(2026, 6, 30))).contains(ENDS_JUNE_2026);
        assertThat(history.inForceOn(LocalDate.of(2026, 7, 1))).as("the 2025 entry does not come back").isEmpty();
    }

    @Test
    void aCodeTheCatalogDoesNotListHasNothingInForce() {
        assertThat(new ItemHistory(List.of()).inForceOn(LocalDate.of(2026, 1, 1))).isEmpty();
    }

    private static CatalogEntry entry(LocalDate from, LocalDate to) {
        return new CatalogEntry("X1", from, "某药", ItemClass.B, to, null, Map.of(), List.of());
    }
}
