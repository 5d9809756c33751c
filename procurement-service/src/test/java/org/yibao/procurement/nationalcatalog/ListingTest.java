package org.yibao.procurement.nationalcatalog;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.ItemClass;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListingTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final CatalogEntry AMLODIPINE = new CatalogEntry("X1", JAN, "苯磺酸氨氯地平片", ItemClass.A, null);

    @Test
    void onceACatalogIsReceivedOnlyTheCodesItListsAreAdmitted() {
        Listing listing = new Listing(true, Map.of("X1", AMLODIPINE));

        assertThat(listing.admits("X1")).isTrue();
        assertThat(listing.admits("X2")).isFalse();
        assertThat(listing.entry("X1")).contains(AMLODIPINE);
        assertThat(listing.entry("X2")).isEmpty();
    }

    @Test
    void beforeAnyCatalogIsReceivedEveryCodeIsAdmittedAndNoneIsShown() {
        Listing nothingYet = new Listing(false, Map.of());

        assertThat(nothingYet.admits("X2")).isTrue();
        assertThat(nothingYet.entry("X2")).isEmpty();
    }

    @Test
    void anEntryHoldsFromItsBeginDateToItsEndDateInclusive() {
        CatalogEntry ending = new CatalogEntry("X1", JAN, null, ItemClass.B, LocalDate.of(2026, 6, 30));

        assertThat(ending.holdsOn(JAN.minusDays(1))).isFalse();
        assertThat(ending.holdsOn(JAN)).isTrue();
        assertThat(ending.holdsOn(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(ending.holdsOn(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(AMLODIPINE.holdsOn(LocalDate.of(2099, 1, 1))).isTrue();
    }
}
