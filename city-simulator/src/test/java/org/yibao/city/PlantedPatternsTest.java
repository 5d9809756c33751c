package org.yibao.city;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.catalog.Restriction;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Formulary;
import org.yibao.city.model.FraudPattern;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Item;
import org.yibao.city.model.Person;
import org.yibao.city.model.Roster;
import org.yibao.city.model.Trap;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.identity.ResidentId;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21's planted patterns and clean look-alikes have the shape they claim, in a seeded city: same-day bills at
 * one institution, bills inside a stay's span, supply beyond the window, stays that overlap, places far apart.
 */
class PlantedPatternsTest {

    private static final CityParameters CITY = new CityParameters(42, 20_000, 2025, LocalDate.of(2025, 12, 31), 0.03);
    private static final int PERSONS = 6_000;

    private static CityGenerator generator;
    /** Each person's year, for the persons around whom something of issue 21 was planted. */
    private static final Map<FraudPattern, List<List<Encounter>>> BY_PATTERN = new EnumMap<>(FraudPattern.class);
    private static final Map<Trap, List<List<Encounter>>> BY_TRAP = new EnumMap<>(Trap.class);
    private static final List<List<Encounter>> ALL = new ArrayList<>();

    @BeforeAll
    static void generate() {
        generator = new CityGenerator(CITY);
        for (int i = 0; i < PERSONS; i++) {
            List<Encounter> year = generator.encounters(generator.person(i));
            ALL.add(year);
            year.stream().map(Encounter::pattern).filter(p -> p != null && !p.original()).distinct()
                    .forEach(p -> BY_PATTERN.computeIfAbsent(p, k -> new ArrayList<>()).add(year));
            year.stream().map(Encounter::trap).filter(t -> t != null).distinct()
                    .forEach(t -> BY_TRAP.computeIfAbsent(t, k -> new ArrayList<>()).add(year));
        }
    }

    private static List<Encounter> of(List<Encounter> year, FraudPattern p) {
        return year.stream().filter(e -> e.pattern() == p).toList();
    }

    private static List<Encounter> of(List<Encounter> year, Trap t) {
        return year.stream().filter(e -> e.trap() == t).toList();
    }

    private static List<List<Encounter>> persons(FraudPattern p) {
        assertThat(BY_PATTERN.get(p)).as("%s planted in the sample", p).isNotEmpty();
        return BY_PATTERN.get(p);
    }

    private static List<List<Encounter>> persons(Trap t) {
        assertThat(BY_TRAP.get(t)).as("%s planted in the sample", t).isNotEmpty();
        return BY_TRAP.get(t);
    }

    private static boolean has(Encounter e, Item item) {
        return e.lines().stream().anyMatch(l -> l.item().equals(item));
    }

    private static boolean hasAny(Encounter e, List<Item> items) {
        return e.lines().stream().anyMatch(l -> items.contains(l.item()));
    }

    private static int nights(Encounter stay) {
        return (int) ChronoUnit.DAYS.between(stay.facts().admittedAt().toLocalDate(), stay.facts().dischargedAt().toLocalDate());
    }

    @Test
    void everyPatternAndLookAlikeIsPlantedAndEveryPersonHasAtMostOne() {
        assertThat(BY_PATTERN.keySet()).containsExactlyInAnyOrderElementsOf(FraudPattern.FROM_PRACTICE);
        assertThat(BY_TRAP.keySet()).containsExactlyInAnyOrder(Trap.values());
        for (List<Encounter> year : ALL) {
            Set<Object> kinds = new HashSet<>();
            year.stream().filter(e -> !e.honest()).forEach(e -> kinds.add(e.pattern() != null ? e.pattern() : e.trap()));
            assertThat(kinds).as("patterns around one person").hasSizeLessThanOrEqualTo(1);
            year.stream().filter(e -> !e.honest()).forEach(e -> assertThat(e.reversed()).isFalse());
        }
    }

    @Test
    void everyStayHasItsAdmissionAndDischargeAndEveryBillItsDoctor() {
        for (List<Encounter> year : ALL) {
            for (Encounter e : year) {
                if (e.visitType() == VisitType.INPATIENT) {
                    assertThat(e.facts().dischargedAt().toLocalDate()).isEqualTo(e.date());
                    assertThat(e.facts().admittedAt()).isBefore(e.facts().dischargedAt());
                    // a stay without bed days (the original tests-only admission) is one night
                    int bedDays = e.lines().stream().filter(l -> l.item().code().startsWith("S1201")).findFirst()
                            .map(l -> l.quantity().intValue()).orElse(1);
                    assertThat(nights(e)).as("%s nights = bed days", e.messageId()).isEqualTo(bedDays).isPositive();
                    assertThat(e.facts().admittedAt().toLocalDate()).isAfterOrEqualTo(CITY.firstDay());
                    if (!e.facts().emergency()) {
                        assertThat(e.facts().admittedAt().getHour()).as("a planned admission in the morning").isBetween(8, 11);
                    }
                    if (has(e, Item.STENT) && e.planted() == null) {
                        assertThat(e.facts().procedureCodes()).contains("36.07", "00.66");
                        assertThat(e.diagnoses().get(0)).startsWith("I25");
                    }
                } else {
                    assertThat(e.facts().admittedAt()).isNull();
                    assertThat(e.facts().dischargedAt()).isNull();
                }
                assertThat(e.facts().doctorCode()).matches("D\\d{13}");
                assertThat(e.facts().departmentCode() == null).isEqualTo(e.institution().isPharmacy());
                e.lines().forEach(l -> assertThat(l.doctorCode()).isEqualTo(e.facts().doctorCode()));
                if (e.honest() && e.visitType() == VisitType.CHRONIC_OUTPATIENT) {
                    e.lines().stream().filter(l -> l.daysOfSupply() != null).forEach(l -> assertThat(l.daysOfSupply())
                            .as("a long prescription is at most 12 weeks").isLessThanOrEqualTo(84));
                }
            }
        }
    }

    @Test
    void honestBillsMakeNoPatternByChance() {
        for (List<Encounter> year : ALL) {
            List<Encounter> stays = year.stream().filter(e -> e.visitType() == VisitType.INPATIENT).toList();
            Map<LocalDate, Long> perDay = year.stream().filter(e -> e.visitType() != VisitType.INPATIENT)
                    .collect(Collectors.groupingBy(Encounter::date, Collectors.counting()));
            for (Encounter e : year) {
                if (!e.honest() || e.visitType() == VisitType.INPATIENT) {
                    continue;
                }
                for (Encounter stay : stays) {
                    assertThat(e.date().isBefore(stay.facts().admittedAt().toLocalDate()) || e.date().isAfter(stay.date()))
                            .as("honest %s on a day of stay %s", e.messageId(), stay.messageId()).isTrue();
                }
                assertThat(perDay.get(e.date())).as("another bill the day of honest %s", e.messageId()).isEqualTo(1L);
            }
        }
    }

    @Test
    void aSplitVisitIsSameDayBillsAtOneHospitalWithTheExamRepeated() {
        for (List<Encounter> year : persons(FraudPattern.SPLIT_VISIT)) {
            List<Encounter> bills = of(year, FraudPattern.SPLIT_VISIT);
            assertThat(bills).hasSizeBetween(2, 4);
            assertThat(bills.stream().filter(e -> e.planted() == null)).as("the first accompanies").hasSize(1);
            assertThat(bills.get(0).planted()).as("the first sent is the accompanying one").isNull();
            assertThat(bills).extracting(Encounter::date).containsOnly(bills.get(0).date());
            assertThat(bills).extracting(Encounter::institution).containsOnly(bills.get(0).institution());
            assertThat(bills).extracting(Encounter::visitType).containsOnly(VisitType.GENERAL_OUTPATIENT);
            assertThat(bills).extracting(Encounter::diagnoses).containsOnly(bills.get(0).diagnoses());
            assertThat(bills).extracting(e -> e.facts().doctorCode()).containsOnly(bills.get(0).facts().doctorCode());
            assertThat(bills).allMatch(e -> hasAny(e, List.of(Item.CONSULTATION, Item.SENIOR_CONSULTATION)));
            Item exam = bills.get(0).diagnoses().get(0).matches("M54.*|R51.*") ? Item.CT : Item.BLOOD_TEST;
            assertThat(bills.stream().filter(e -> has(e, exam)).count()).as("the same exam again").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void billsDuringAStayFallStrictlyInsideItAndAreSettledBeforeIt() {
        for (List<Encounter> year : persons(FraudPattern.BILLED_DURING_STAY)) {
            List<Encounter> bills = of(year, FraudPattern.BILLED_DURING_STAY);
            Encounter stay = bills.stream().filter(e -> e.visitType() == VisitType.INPATIENT).findFirst().orElseThrow();
            assertThat(stay.planted()).isNull();
            assertThat(nights(stay)).isBetween(6, 14);
            List<Encounter> inside = bills.stream().filter(e -> e != stay).toList();
            assertThat(inside).hasSizeBetween(1, 3).allSatisfy(e -> {
                assertThat(e.planted()).isEqualTo(FraudPattern.BILLED_DURING_STAY);
                assertThat(e.visitType()).isIn(VisitType.GENERAL_OUTPATIENT, VisitType.PHARMACY);
                assertThat(e.date()).isAfter(stay.facts().admittedAt().toLocalDate()).isBefore(stay.date());
                assertThat(year.indexOf(e)).as("sent before the stay's bill").isLessThan(year.indexOf(stay));
                assertThat(e.institution().kmTo(stay.institution())).as("nearby").isLessThanOrEqualTo(40);
            });
        }
    }

    @Test
    void excessiveSupplyBuysFarMoreDaysThanTheWindowHas() {
        boolean withDays = false;
        boolean withoutDays = false;
        for (List<Encounter> year : persons(FraudPattern.EXCESSIVE_SUPPLY)) {
            List<Encounter> bills = of(year, FraudPattern.EXCESSIVE_SUPPLY);
            assertThat(bills).hasSizeBetween(3, 6).allMatch(e -> e.visitType() == VisitType.PHARMACY && e.lines().size() == 1);
            Item drug = bills.get(0).lines().get(0).item();
            assertThat(drug).isIn(Item.AMLODIPINE, Item.ATORVASTATIN, Item.METOPROLOL, Item.METFORMIN);
            assertThat(bills).allMatch(e -> e.lines().get(0).item().equals(drug));
            int perDay = drug == Item.METFORMIN || drug == Item.METOPROLOL ? 2 : 1;
            LocalDate start = bills.get(0).date();
            long bought = 0;
            for (Encounter e : bills) {
                long elapsed = ChronoUnit.DAYS.between(start, e.date());
                if (e != bills.get(0)) {
                    assertThat(e.planted()).isEqualTo(FraudPattern.EXCESSIVE_SUPPLY);
                    assertThat(bought - elapsed).as("days still on hand at purchase %s", e.messageId()).isGreaterThanOrEqualTo(14);
                    assertThat(elapsed).isPositive();
                }
                Encounter.Line line = e.lines().get(0);
                bought += line.quantity().intValue() / perDay;
                if (line.daysOfSupply() != null) {
                    assertThat(line.daysOfSupply()).isEqualTo(line.quantity().intValue() / perDay);
                    withDays = true;
                } else {
                    withoutDays = true;
                }
            }
            long window = ChronoUnit.DAYS.between(start, bills.get(bills.size() - 1).date()) + 1;
            assertThat(bought).as("days' supply bought against the window's %s days", window).isGreaterThan(2 * window);
        }
        assertThat(withDays).as("some purchases state their days of supply").isTrue();
        assertThat(withoutDays).as("and some do not").isTrue();
    }

    @Test
    void frequentVisitsAreManyVisitsAtSeveralHospitalsInOneWeek() {
        for (List<Encounter> year : persons(FraudPattern.FREQUENT_VISITS)) {
            List<Encounter> bills = of(year, FraudPattern.FREQUENT_VISITS);
            assertThat(bills).hasSizeBetween(5, 7).allMatch(e -> e.visitType() == VisitType.GENERAL_OUTPATIENT);
            assertThat(bills.stream().map(Encounter::date).distinct()).hasSize(bills.size());
            assertThat(ChronoUnit.DAYS.between(bills.get(0).date(), bills.get(bills.size() - 1).date())).isLessThanOrEqualTo(6);
            assertThat(bills.stream().map(Encounter::institution).distinct().count()).isBetween(3L, 5L);
            assertThat(bills.stream().filter(e -> e.planted() == null)).hasSize(3);
            assertThat(bills.subList(3, bills.size())).allMatch(e -> e.planted() == FraudPattern.FREQUENT_VISITS);
        }
    }

    @Test
    void aConsumableWithoutItsProcedureHasNeitherTheDiseaseNorTheIntervention() {
        for (List<Encounter> year : persons(FraudPattern.CONSUMABLE_WITHOUT_PROCEDURE)) {
            Encounter stay = of(year, FraudPattern.CONSUMABLE_WITHOUT_PROCEDURE).get(0);
            assertThat(stay.visitType()).isEqualTo(VisitType.INPATIENT);
            assertThat(stay.planted()).isEqualTo(FraudPattern.CONSUMABLE_WITHOUT_PROCEDURE);
            assertThat(hasAny(stay, List.of(Item.STENT, Item.HIP))).isTrue();
            assertThat(has(stay, Item.PCI)).isFalse();
            assertThat(stay.facts().procedureCodes()).isEmpty();
            assertThat(stay.diagnoses()).noneMatch(d -> d.matches("I2[0-5].*|S72.*|M16.*|M87.*"));
        }
    }

    @Test
    void restrictedSexSpecificAndOffIndicationItemsAreWhereTheyMustNotBe() {
        Formulary formulary = generator.formulary();
        for (List<Encounter> year : persons(FraudPattern.INPATIENT_ITEM_AT_OUTPATIENT)) {
            Encounter bill = of(year, FraudPattern.INPATIENT_ITEM_AT_OUTPATIENT).get(0);
            assertThat(bill.visitType()).isEqualTo(VisitType.GENERAL_OUTPATIENT);
            assertThat(bill.lines()).anyMatch(l -> l.item().equals(Item.BED) || inpatientOnly(formulary.entry(l.item())));
        }
        for (List<Encounter> year : persons(FraudPattern.ITEM_FOR_THE_OTHER_SEX)) {
            Encounter bill = of(year, FraudPattern.ITEM_FOR_THE_OTHER_SEX).get(0);
            boolean woman = bill.person().id().gender() == ResidentId.Gender.FEMALE;
            List<Item> wrong = formulary.items(woman ? Formulary.Use.PROSTATE_TEST : Formulary.Use.GYNAECOLOGICAL_MEDICINE);
            assertThat(hasAny(bill, wrong)).as("%s for a %s", bill.lines(), woman ? "woman" : "man").isTrue();
            wrong.forEach(item -> assertThat(woman ? item.name().startsWith("前列腺特异性抗原")
                    : Formulary.FEMALE_ONLY.stream().anyMatch(item.name()::startsWith)).as(item.name()).isTrue());
        }
        for (List<Encounter> year : persons(FraudPattern.DRUG_OUTSIDE_INDICATION)) {
            Encounter bill = of(year, FraudPattern.DRUG_OUTSIDE_INDICATION).get(0);
            if (has(bill, Item.INSULIN)) {
                assertThat(bill.diagnoses()).noneMatch(d -> d.matches("E1[0-4].*|O24.*"));
                assertThat(bill.person().chronic()).isNotEqualTo(Person.Chronic.DIABETES);
            } else {
                assertThat(hasAny(bill, formulary.items(Formulary.Use.TARGETED_CANCER_DRUG))).isTrue();
                assertThat(bill.diagnoses()).noneMatch(d -> d.startsWith("C"));
            }
        }
    }

    private static boolean inpatientOnly(CatalogEntry e) {
        return e != null && e.restrictions().stream().anyMatch(r -> r.kind() == Restriction.Kind.INPATIENT_ONLY);
    }

    @Test
    void overlappingStaysAreAdmittedAtTwoHospitalsOnDifferentDaysOverlapping() {
        for (List<Encounter> year : persons(FraudPattern.OVERLAPPING_STAYS)) {
            List<Encounter> stays = of(year, FraudPattern.OVERLAPPING_STAYS);
            assertThat(stays).hasSize(2).allMatch(e -> e.visitType() == VisitType.INPATIENT);
            Encounter first = stays.stream().filter(e -> e.planted() == null).findFirst().orElseThrow();
            Encounter second = stays.stream().filter(e -> e.planted() != null).findFirst().orElseThrow();
            assertThat(second.institution()).isNotEqualTo(first.institution());
            LocalDate in1 = first.facts().admittedAt().toLocalDate();
            LocalDate in2 = second.facts().admittedAt().toLocalDate();
            assertThat(in2).as("admitted strictly inside the first stay").isAfter(in1).isBefore(first.date());
            assertThat(year.stream().filter(e -> e.visitType() == VisitType.INPATIENT)).as("no other stay").hasSize(2);
        }
    }

    @Test
    void distantSameDayBillsAreInDifferentCountiesFarApart() {
        for (List<Encounter> year : persons(FraudPattern.DISTANT_SAME_DAY)) {
            List<Encounter> bills = of(year, FraudPattern.DISTANT_SAME_DAY);
            assertThat(bills).hasSize(2);
            assertThat(bills.get(0).date()).isEqualTo(bills.get(1).date());
            assertThat(bills.get(0).planted()).isNull();
            assertThat(bills.get(1).planted()).isEqualTo(FraudPattern.DISTANT_SAME_DAY);
            assertThat(bills.get(0).institution().regionCode()).isNotEqualTo(bills.get(1).institution().regionCode());
            assertThat(bills.get(0).institution().kmTo(bills.get(1).institution())).isGreaterThan(100);
        }
    }

    @Test
    void anOriginalSplitHospitalisationIsReadmittedDaysAfterTheDischargeNotDuringTheStay() {
        int seen = 0;
        for (List<Encounter> year : ALL) {
            List<Encounter> split = of(year, FraudPattern.SPLIT_HOSPITALISATION);
            if (split.isEmpty()) {
                continue;
            }
            seen++;
            assertThat(split).hasSize(2);
            Encounter first = split.get(0);
            Encounter again = split.get(1);
            assertThat(again.planted()).isEqualTo(FraudPattern.SPLIT_HOSPITALISATION);
            assertThat(again.institution()).isEqualTo(first.institution());
            assertThat(ChronoUnit.DAYS.between(first.date(), again.facts().admittedAt().toLocalDate())).isBetween(3L, 8L);
            assertThat(again.facts().emergency()).isFalse();
        }
        assertThat(seen).isPositive();
    }

    @Test
    void chemotherapyCyclesArePlannedThreeDayAdmissionsFourteenDaysApart() {
        for (List<Encounter> year : persons(Trap.PLANNED_CHEMOTHERAPY)) {
            List<Encounter> cycles = of(year, Trap.PLANNED_CHEMOTHERAPY);
            assertThat(cycles).hasSizeBetween(3, 6).allSatisfy(c -> {
                assertThat(c.visitType()).isEqualTo(VisitType.INPATIENT);
                assertThat(c.diagnoses()).containsExactly("Z51.1", "C18.7");
                assertThat(c.facts().procedureCodes()).containsExactly("99.25");
                assertThat(c.facts().emergency()).isFalse();
                assertThat(nights(c)).isEqualTo(2);
                assertThat(c.institution()).isEqualTo(cycles.get(0).institution());
                assertThat(hasAny(c, generator.formulary().items(Formulary.Use.CHEMOTHERAPY))).isTrue();
            });
            for (int k = 1; k < cycles.size(); k++) {
                assertThat(ChronoUnit.DAYS.between(cycles.get(k - 1).facts().admittedAt().toLocalDate(),
                        cycles.get(k).facts().admittedAt().toLocalDate())).isEqualTo(14);
            }
        }
    }

    @Test
    void longPrescriptionsAreTwelveWeeksRenewedAsTheyRunOut() {
        for (List<Encounter> year : persons(Trap.LONG_PRESCRIPTION)) {
            List<Encounter> bills = of(year, Trap.LONG_PRESCRIPTION);
            assertThat(bills).hasSizeGreaterThanOrEqualTo(4).allSatisfy(b -> {
                assertThat(b.visitType()).isEqualTo(VisitType.CHRONIC_OUTPATIENT);
                assertThat(b.institution()).isEqualTo(b.person().chronicCentre());
                assertThat(b.lines().stream().filter(l -> l.daysOfSupply() != null)).isNotEmpty()
                        .allSatisfy(l -> assertThat(l.daysOfSupply()).isEqualTo(84));
            });
            for (int k = 1; k < bills.size(); k++) {
                assertThat(ChronoUnit.DAYS.between(bills.get(k - 1).date(), bills.get(k).date())).isBetween(82L, 86L);
            }
            assertThat(year).as("no other chronic or pharmacy bill").noneMatch(e -> e.honest()
                    && (e.visitType() == VisitType.CHRONIC_OUTPATIENT || e.visitType() == VisitType.PHARMACY));
        }
    }

    @Test
    void anEmergencyReadmissionComesBackThroughTheEmergencyDepartmentDaysLater() {
        for (List<Encounter> year : persons(Trap.EMERGENCY_READMISSION)) {
            List<Encounter> stays = of(year, Trap.EMERGENCY_READMISSION);
            assertThat(stays).hasSize(2);
            assertThat(stays.get(0).facts().emergency()).isFalse();
            assertThat(stays.get(1).facts().emergency()).isTrue();
            assertThat(stays.get(1).diagnoses()).isEqualTo(stays.get(0).diagnoses());
            assertThat(ChronoUnit.DAYS.between(stays.get(0).date(), stays.get(1).facts().admittedAt().toLocalDate())).isBetween(3L, 12L);
            int hour = stays.get(1).facts().admittedAt().getHour();
            assertThat(hour >= 20 || hour < 6).as("admitted at night").isTrue();
        }
    }

    @Test
    void twoDepartmentsTheSameDayAreTwoComplaintsNotOneVisitSplit() {
        for (List<Encounter> year : persons(Trap.TWO_DEPARTMENTS_SAME_DAY)) {
            List<Encounter> bills = of(year, Trap.TWO_DEPARTMENTS_SAME_DAY);
            assertThat(bills).hasSize(2);
            Encounter a = bills.get(0);
            Encounter b = bills.get(1);
            assertThat(a.date()).isEqualTo(b.date());
            assertThat(a.institution()).isEqualTo(b.institution());
            assertThat(a.facts().departmentCode()).isNotEqualTo(b.facts().departmentCode());
            assertThat(a.facts().doctorCode()).isNotEqualTo(b.facts().doctorCode());
            assertThat(a.diagnoses()).doesNotContainAnyElementsOf(b.diagnoses());
            Predicate<Item> notConsultation = i -> !i.equals(Item.CONSULTATION) && !i.equals(Item.SENIOR_CONSULTATION);
            Set<Item> itemsA = a.lines().stream().map(Encounter.Line::item).filter(notConsultation).collect(Collectors.toSet());
            assertThat(b.lines()).as("no exam or drug repeated").noneMatch(l -> itemsA.contains(l.item()));
        }
    }

    @Test
    void theCountiesLieThirtyToOneHundredAndSixtyKilometresApart() {
        Map<String, Institution> seatOf = new LinkedHashMap<>();
        for (Institution i : Roster.INSTITUTIONS) {
            assertThat(i.latitude()).isBetween(32.3, 33.6);
            assertThat(i.longitude()).isBetween(113.2, 115.2);
            seatOf.putIfAbsent(i.regionCode(), i);
        }
        for (Institution a : seatOf.values()) {
            for (Institution b : seatOf.values()) {
                if (a != b) {
                    assertThat(a.kmTo(b)).as("%s to %s", a.name(), b.name()).isBetween(15.0, 170.0);
                }
            }
        }
        Institution biyang = Roster.byCode("H41172600001");
        Institution xincai = Roster.byCode("P41172900001");
        assertThat(biyang.kmTo(xincai)).isBetween(140.0, 160.0);
        assertThat(biyang.kmTo(biyang)).isZero();
    }

    @Test
    void theSmallCityOfTheEndToEndRunHasEveryPatternAndLookAlike() {
        CityGenerator small = new CityGenerator(new CityParameters(7, 600, 2026, LocalDate.of(2026, 11, 29), 0.04));
        Set<Object> planted = new HashSet<>();
        for (int i = 0; i < 600; i++) {
            small.encounters(small.person(i)).stream().filter(e -> !e.honest())
                    .forEach(e -> planted.add(e.pattern() != null ? e.pattern() : e.trap()));
        }
        System.out.println("planted in the 600-person city of seed 7: " + planted);
        assertThat(planted).containsAll(FraudPattern.FROM_PRACTICE).contains((Object[]) Trap.values());
    }
}
