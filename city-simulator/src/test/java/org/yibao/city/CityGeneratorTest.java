package org.yibao.city;

import org.junit.jupiter.api.Test;
import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Formulary;
import org.yibao.city.model.FraudPattern;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Item;
import org.yibao.city.model.Person;
import org.yibao.city.model.Roster;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CityGeneratorTest {

    private static final CityParameters CITY = new CityParameters(42, 20_000, 2025, LocalDate.of(2025, 12, 31), 0.01);

    @Test
    void theSameSeedGivesTheSameCityBillForBill() {
        CityGenerator a = new CityGenerator(CITY);
        CityGenerator b = new CityGenerator(CITY);
        for (int i = 0; i < 500; i++) {
            assertThat(b.person(i)).isEqualTo(a.person(i));
            assertThat(b.encounters(b.person(i))).isEqualTo(a.encounters(a.person(i)));
        }
        CityGenerator other = new CityGenerator(new CityParameters(43, 20_000, 2025, LocalDate.of(2025, 12, 31), 0.01));
        assertThat(other.person(0).id()).isNotEqualTo(a.person(0).id());
    }

    @Test
    void everyPersonHasADistinctValidIdMatchingTheirAge() {
        Set<String> ids = new HashSet<>();
        new CityGenerator(CITY).persons().forEach(p -> {
            assertThat(ResidentId.isValid(p.id().value())).isTrue();
            assertThat(ids.add(p.id().value())).as("duplicate %s", p.id()).isTrue();
            assertThat(p.age()).isBetween(0, 90);
            assertThat(Roster.COUNTIES.stream().map(Roster.County::code)).contains(p.id().regionCode());
        });
    }

    @Test
    void theCityLooksLikeAPrefectureCity() {
        List<Person> persons = new CityGenerator(CITY).persons().toList();
        double enrolled = persons.stream().filter(Person::enrolled).count() / (double) persons.size();
        double lowIncome = persons.stream().filter(Person::lowIncome).count() / (double) persons.size();
        double employees = persons.stream().filter(p -> p.scheme().name().equals("EMPLOYEE")).count() / (double) persons.size();
        assertThat(enrolled).isBetween(0.95, 0.98);
        assertThat(lowIncome).isBetween(0.06, 0.085);
        assertThat(employees).isBetween(0.04, 0.10);
        assertThat(persons.stream().filter(p -> p.lowIncome() && !p.enrolled())).as("low-income people are all enrolled").isEmpty();
    }

    @Test
    void honestBillsGiveTheAuditNothingToFindAndPlantedOnesAreMarked() {
        CityGenerator city = new CityGenerator(CITY);
        Set<FraudPattern> planted = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            Person p = city.person(i);
            List<Encounter> year = city.encounters(p);
            for (Encounter e : year) {
                assertThat(e.date()).isBetween(CITY.firstDay(), CITY.lastDay());
                if (e.planted() != null) {
                    planted.add(e.planted());
                }
                if (!e.honest()) {
                    continue;
                }
                assertThat(p.diedOn() == null || !e.date().isAfter(p.diedOn())).as("treated after death").isTrue();
                Set<String> codes = e.lines().stream().map(l -> l.item().code()).collect(Collectors.toSet());
                assertThat(codes).as("a code twice on %s", e.messageId()).hasSize(e.lines().size());
                assertThat(e.lines()).allSatisfy(l -> {
                    assertThat(l.quantity().intValue()).isLessThanOrEqualTo(300);
                    // at the ceiling of the institution's level (the item's price where the catalog states none by level)
                    assertThat(l.unitPrice()).isEqualTo(city.formulary().priceAt(l.item(), e.institution().level()));
                });
                if (e.visitType() == VisitType.INPATIENT) {
                    assertThat(codes).anyMatch(c -> !c.startsWith("S25"));
                    int stay = e.lines().stream().filter(l -> l.item().code().startsWith("S1201")).findFirst()
                            .orElseThrow().quantity().intValue();
                    assertThat(e.date().minusDays(stay)).as("admitted in the year").isAfterOrEqualTo(CITY.firstDay());
                }
            }
            List<Encounter> stays = year.stream().filter(e -> e.visitType() == VisitType.INPATIENT && e.honest()).toList();
            for (int k = 1; k < stays.size(); k++) {
                assertThat(stays.get(k).date()).isAfterOrEqualTo(stays.get(k - 1).date().plusDays(60));
            }
        }
        assertThat(planted).containsExactlyInAnyOrder(FraudPattern.values());
    }

    @Test
    void honestBillsDrawLinesFromTheSyntheticCatalogAndEveryInstitutionHasItsOwnCodes() {
        CityGenerator city = new CityGenerator(CITY);
        Formulary formulary = city.formulary();
        Map<Formulary.Use, Long> byUse = new EnumMap<>(Formulary.Use.class);
        long outsideDiagnoses = 0;
        long outsideLevel = 0;
        for (int i = 0; i < 5_000; i++) {
            for (Encounter e : city.encounters(city.person(i))) {
                for (Encounter.Line l : e.lines()) {
                    CatalogEntry entry = formulary.entry(l.item());
                    if (entry == null || !e.honest() && (e.pattern() == null || !e.pattern().original())) {
                        continue; // issue 21's patterns and the look-alikes bill from the catalog as they say (PlantedPatternsTest)
                    }
                    assertThat(e.planted()).as("planted bills stay as planted").isNull();
                    assertThat(entry.inForce(e.date())).isTrue();
                    assertThat(l.unitPrice()).isEqualTo(entry.priceAt(e.institution().level()));
                    assertThat(l.quantity().intValue()).isBetween(1, 300);
                    for (Formulary.Use use : Formulary.Use.values()) {
                        if (formulary.items(use).contains(l.item())) {
                            byUse.merge(use, 1L, Long::sum);
                        }
                    }
                    if (formulary.items(Formulary.Use.GASTRIC_OUTSIDE_ITS_CONDITION).contains(l.item())) {
                        assertThat(e.diagnoses()).containsExactly("M54");
                        outsideDiagnoses++;
                    }
                    if (formulary.items(Formulary.Use.HEART_INJECTION).contains(l.item())
                            && e.institution().level() == InstitutionLevel.LEVEL_1) {
                        outsideLevel++;
                    }
                }
            }
        }
        assertThat(byUse.keySet()).as("honest bills prescribe for every honest use").containsExactlyInAnyOrderElementsOf(Formulary.HONEST_USES);
        assertThat(outsideDiagnoses).isPositive();
        assertThat(outsideLevel).isPositive();
        // the picks: what each use says
        assertThat(formulary.items(Formulary.Use.RESPIRATORY)).allSatisfy(item -> {
            assertThat(formulary.entry(item).itemClass()).isEqualTo(ItemClass.B);
            assertThat(formulary.entry(item).selfPayRatio()).isNotNull();
        });
        assertThat(formulary.items(Formulary.Use.IMAGING)).allSatisfy(item -> assertThat(formulary.entry(item).levelCeilings()).isNotEmpty());
        assertThat(formulary.items(Formulary.Use.SELF_PAID)).allSatisfy(item -> assertThat(item.itemClass()).isEqualTo(ItemClass.C));
        // own codes: one per item an institution maps, none for the item off the catalog; a pharmacy maps medicines only
        for (Institution institution : Roster.INSTITUTIONS) {
            List<String> own = formulary.mappable(institution).stream().map(item -> formulary.ownCode(institution, item)).toList();
            assertThat(own).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).startsWith(institution.code() + "-"));
            assertThat(formulary.ownCode(institution, Item.GEFITINIB)).isNull();
            if (institution.isPharmacy()) {
                assertThat(formulary.mappable(institution)).allSatisfy(item -> assertThat(item.code()).matches("[XZT].*"));
            } else {
                assertThat(formulary.mappable(institution)).contains(Item.CONSULTATION, Item.STENT)
                        .containsAll(formulary.items(Formulary.Use.IMAGING));
            }
        }
    }

    @Test
    void everyInstitutionOfTheCityIsAClientOfTheLocalGateway() throws Exception {
        String clients = Files.readString(Path.of("").toAbsolutePath().getParent()
                .resolve("platform/security/src/main/resources/org/yibao/security/local-clients.yml"));
        Roster.INSTITUTIONS.forEach(i -> assertThat(clients).contains("id: " + i.clientId() + ", kind: "
                + (i.isPharmacy() ? "PHARMACY" : "HIS") + ", institution: " + i.code()));
        assertThat(clients).contains("id: city-bureau,");
    }
}
