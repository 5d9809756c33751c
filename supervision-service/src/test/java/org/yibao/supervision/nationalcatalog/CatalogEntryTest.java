package org.yibao.supervision.nationalcatalog;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.CatalogChanged;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogEntryTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    @Test
    void anEntryHoldsFromItsBeginDateToItsEndDateInclusive() {
        CatalogEntry ending = entry(LocalDate.of(2026, 6, 30), List.of());

        assertThat(ending.holdsOn(FROM.minusDays(1))).isFalse();
        assertThat(ending.holdsOn(FROM)).isTrue();
        assertThat(ending.holdsOn(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(ending.holdsOn(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(entry(null, List.of()).holdsOn(LocalDate.of(2099, 1, 1))).isTrue();
    }

    @Test
    void theCeilingIsTheLevelsOwnWhereStatedElseTheGeneralOne() {
        CatalogEntry entry = entry(null, List.of());

        assertThat(entry.ceilingAt(Optional.of(InstitutionLevel.LEVEL_3))).contains(Money.of("8.00"));
        assertThat(entry.ceilingAt(Optional.of(InstitutionLevel.LEVEL_1))).contains(Money.of("10.00"));
        assertThat(entry.ceilingAt(Optional.empty())).contains(Money.of("10.00"));
        assertThat(new CatalogEntry("X", FROM, null, ItemClass.A, null, null, Map.of(), List.of())
                .ceilingAt(Optional.of(InstitutionLevel.LEVEL_1))).isEmpty();
    }

    @Test
    void aDiagnosesConditionIsMetByADiagnosisStartingWithOneOfItsPrefixesInAnyCase() {
        CatalogEntry.Restriction diabetes = new CatalogEntry.Restriction("DIAGNOSES", " e10, E11 ,", "限糖尿病患者");

        assertThat(diabetes.diagnosisPrefixes()).containsExactly("E10", "E11");
        assertThat(diabetes.metBy(List.of("I10", "e11.900"))).isTrue();
        assertThat(diabetes.metBy(List.of("I10", "E1"))).isFalse();
        assertThat(diabetes.metBy(List.of())).isFalse();
        assertThat(new CatalogEntry.Restriction("INPATIENT_ONLY", null, "限住院").diagnosisPrefixes()).isEmpty();
    }

    @Test
    void aPartKeepsPerCodeAndBeginDateTheEntryOfTheHighestVersion() {
        CatalogChanged.Entry v3 = event("X1", FROM, 3);
        CatalogChanged.Entry v2 = event("X1", FROM, 2);
        CatalogChanged.Entry otherDay = event("X1", FROM.plusDays(1), 1);
        CatalogChanged.Entry v5 = event("X2", FROM, 5);

        assertThat(CatalogPart.newestPerKey(List.of(v2, otherDay, v3, v5, event("X2", FROM, 4))))
                .containsExactly(v3, otherDay, v5);
    }

    private static CatalogEntry entry(LocalDate validTo, List<CatalogEntry.Restriction> restrictions) {
        return new CatalogEntry("X", FROM, "名称", ItemClass.B, validTo, Money.of("10.00"),
                Map.of(InstitutionLevel.LEVEL_3, Money.of("8.00")), restrictions);
    }

    private static CatalogChanged.Entry event(String code, LocalDate from, long ver) {
        return new CatalogChanged.Entry(code, from, ver, false, "名称", null, ItemClass.A, null, null, null, null, false, null);
    }
}
