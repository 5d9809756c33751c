package org.yibao.assistance.identity;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.AssistanceCategory;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** When a merge is announced as AssistanceIdentityChanged: a real change of category or period, not of sources. */
class IdentityChangeTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final AssistanceCategory LOW = AssistanceCategory.MINIMUM_LIVING;

    @Test
    void aNewPersonWithACategoryIsAChangeAndOneWithoutIsNot() {
        assertThat(FeedService.identityChanged(merge(LOW, JAN, null, "civil-affairs", false, null, null, null, null))).isTrue();
        assertThat(FeedService.identityChanged(merge(null, null, null, "", false, null, null, null, null))).isFalse();
    }

    @Test
    void aKnownPersonChangesWithCategoryOrPeriodButNotWithSourcesAlone() {
        assertThat(FeedService.identityChanged(merge(LOW, JAN, null, "civil-affairs,veterans-affairs", true, LOW, JAN, null,
                "civil-affairs"))).isFalse();
        assertThat(FeedService.identityChanged(merge(AssistanceCategory.EXTREME_POVERTY, JAN, null, "civil-affairs", true, LOW,
                JAN, null, "civil-affairs"))).isTrue();
        assertThat(FeedService.identityChanged(merge(LOW, JAN, LocalDate.of(2026, 6, 30), "civil-affairs", true, LOW, JAN, null,
                "civil-affairs"))).isTrue();
        assertThat(FeedService.identityChanged(merge(null, null, null, "", true, LOW, JAN, null, "civil-affairs"))).isTrue();
    }

    private static FeedStore.Merge merge(AssistanceCategory category, LocalDate from, LocalDate to, String sources, boolean known,
                                         AssistanceCategory before, LocalDate beforeFrom, LocalDate beforeTo, String beforeSources) {
        return new FeedStore.Merge("11010519491231002X", "110105", category, from, to, sources, known, before, beforeFrom,
                beforeTo, beforeSources);
    }
}
