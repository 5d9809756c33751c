package org.yibao.supervision.rules;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.supervision.nationalcatalog.CatalogEntry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.supervision.rules.Bills.DAY;
import static org.yibao.supervision.rules.Bills.bill;
import static org.yibao.supervision.rules.Bills.classed;
import static org.yibao.supervision.rules.Bills.input;
import static org.yibao.supervision.rules.Bills.line;
import static org.yibao.supervision.rules.Bills.priced;

/** The rule types that judge one bill, each at its boundaries. */
class SingleBillTypesTest {

    @Test
    void lineQuantityFindsALineAboveTheMostAndNotOneAtIt() {
        ClaimFacts c = bill("S-1", VisitType.PHARMACY, "P1", DAY, List.of(), priced("XN02BEA006A001010100015", "300", "0.08"),
                priced("XN02BEA006A001010100016", "300.0001", "0.08"));
        List<Hit> hits = new LineQuantity().check(input(c).build(), new LineQuantity.Params(new BigDecimal("300")));

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.lines()).containsExactly(2);
            assertThat(h.amount()).isEqualTo(Money.of("24.00"));
        });
        assertThatThrownBy(() -> new LineQuantity.Params(BigDecimal.ZERO)).hasMessageContaining("maxQuantity");
    }

    @Test
    void repeatedItemFindsTheSecondLineOfAnItem() {
        ClaimFacts c = bill("S-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("I10"), line("S250101001", "20.00"),
                line("S110200001", "10.00"), line("S250101001", "20.00"));
        assertThat(new RepeatedItem().check(input(c).build(), new RepeatedItem.Params()))
                .extracting(h -> h.lines() + " " + h.amount()).containsExactly("[3] 20.00");
    }

    @Test
    void panelComponentFindsAComponentBesideItsPanelOnTheBillOrTheSameDaysOtherBill() {
        ClaimFacts withComponent = bill("S-2", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("D64.9"), line("S250101001", "20.00"),
                line("S250101003", "5.00"));
        assertThat(new PanelComponent().check(input(withComponent).build(), new PanelComponent.Params(false)))
                .extracting(h -> h.lines() + " " + h.amount()).containsExactly("[2] 5.00");

        ClaimFacts panelEarlier = bill("S-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("D64.9"), line("S250101001", "20.00"));
        ClaimFacts componentLater = bill("S-3", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("D64.9"), line("S250101003", "5.00"));
        ClaimFacts elsewhere = bill("S-4", VisitType.GENERAL_OUTPATIENT, "H2", DAY, List.of("D64.9"), line("S250101003", "5.00"));
        assertThat(new PanelComponent().check(input(componentLater, panelEarlier).build(), new PanelComponent.Params(true)))
                .extracting(Hit::related).containsExactly(List.of("S-1"));
        assertThat(new PanelComponent().check(input(componentLater, panelEarlier).build(), new PanelComponent.Params(false))).isEmpty();
        assertThat(new PanelComponent().check(input(elsewhere, panelEarlier).build(), new PanelComponent.Params(true))).isEmpty();
    }

    @Test
    void sexAndAgeSpecificItemsFollowTheResidentId() {
        ClaimFacts man = bill("S-1", Bills.MAN, VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("N94.6"), line("S311400001", "50.00"));
        ClaimFacts woman = bill("S-2", Bills.WOMAN, VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("N94.6"), line("S311400001", "50.00"));
        assertThat(new SexSpecificItem().check(input(man).build(), new SexSpecificItem.Params(null))).hasSize(1);
        assertThat(new SexSpecificItem().check(input(woman).build(), new SexSpecificItem.Params(null))).isEmpty();

        String baby = "441702202508010023"; // born 2025-08-01
        ClaimFacts neonatal = bill("S-3", baby, VisitType.INPATIENT, "H1", LocalDate.of(2026, 7, 31), List.of("P59.9"), line("S311600001", "80.00"));
        ClaimFacts oneYearOld = bill("S-4", baby, VisitType.INPATIENT, "H1", LocalDate.of(2026, 8, 1), List.of("P59.9"), line("S311600001", "80.00"));
        ClaimFacts twoYearsOld = bill("S-5", baby, VisitType.INPATIENT, "H1", LocalDate.of(2027, 8, 1), List.of("P59.9"),
                line("S311600001", "80.00"));
        assertThat(new AgeSpecificItem().check(input(neonatal).build(), new AgeSpecificItem.Params())).isEmpty();
        assertThat(new AgeSpecificItem().check(input(oneYearOld).build(), new AgeSpecificItem.Params())).as("aged 1: within 0-1").isEmpty();
        assertThat(new AgeSpecificItem().check(input(twoYearsOld).build(), new AgeSpecificItem.Params())).hasSize(1);
        assertThat(new AgeSpecificItem().check(input(man).build(), new AgeSpecificItem.Params())).isEmpty();
    }

    @Test
    void sexSpecificItemsAreAlsoKnownByTheirNameOnTheBillOrInTheCatalog() {
        ClaimFacts.Line psa = new ClaimFacts.Line(1, "S250700123", "前列腺特异性抗原(化学发光法)", org.yibao.contracts.events.ItemCategory.SERVICE,
                ItemClass.A, BigDecimal.ONE, org.yibao.contracts.money.Price.of("45.00"), Money.of("45.00"), Money.ZERO, null);
        ClaimFacts woman = new ClaimFacts("S-1", Bills.WOMAN, "H1", "441700", 2026, VisitType.GENERAL_OUTPATIENT, DAY, null, null, false, null,
                List.of("R10.4"), List.of(), Money.of("45.00"), List.of(psa));
        ClaimFacts man = new ClaimFacts("S-2", Bills.MAN, "H1", "441700", 2026, VisitType.GENERAL_OUTPATIENT, DAY, null, null, false, null,
                List.of("N40"), List.of(), Money.of("45.00"), List.of(psa));
        assertThat(new SexSpecificItem().check(input(woman).build(), new SexSpecificItem.Params(null))).singleElement()
                .satisfies(h -> assertThat(h.evidence()).contains("male patients"));
        assertThat(new SexSpecificItem().check(input(man).build(), new SexSpecificItem.Params(null))).isEmpty();

        ClaimFacts.Line noName = new ClaimFacts.Line(1, "ZB02AA0001", null, org.yibao.contracts.events.ItemCategory.DRUG, ItemClass.A,
                BigDecimal.ONE, org.yibao.contracts.money.Price.of("30.00"), Money.of("30.00"), Money.ZERO, null);
        ClaimFacts unnamed = new ClaimFacts("S-3", Bills.MAN, "P1", "441700", 2026, VisitType.PHARMACY, DAY, null, null, false, null,
                List.of(), List.of(), Money.of("30.00"), List.of(noName));
        CatalogEntry named = new CatalogEntry("ZB02AA0001", DAY.minusYears(1), "妇科千金片", ItemClass.A, null, null, Map.of(), List.of());
        assertThat(new SexSpecificItem().check(input(unnamed).build(), new SexSpecificItem.Params(null))).as("no name known").isEmpty();
        assertThat(new SexSpecificItem().check(input(unnamed).catalog(named).build(), new SexSpecificItem.Params(null))).hasSize(1);
        assertThat(new SexSpecificItem().check(input(unnamed).catalog(named).build(),
                new SexSpecificItem.Params(SexSpecificItem.Match.CODE))).as("an entry judging codes only").isEmpty();
        assertThat(new SexSpecificItem().check(input(man).build(), new SexSpecificItem.Params(SexSpecificItem.Match.NAME))).isEmpty();
        ClaimFacts gynaecology = bill("S-4", Bills.MAN, VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("N94.6"), line("S311400001", "50.00"));
        assertThat(new SexSpecificItem().check(input(gynaecology).build(), new SexSpecificItem.Params(SexSpecificItem.Match.NAME)))
                .as("an entry judging names only").isEmpty();
        assertThat(new SexSpecificItem().check(input(gynaecology).build(), new SexSpecificItem.Params(SexSpecificItem.Match.CODE))).hasSize(1);
    }

    @Test
    void drugIndicationNeedsADiagnosisInRangeAndRefusesAContraindication() {
        DrugIndication rule = new DrugIndication();
        ClaimFacts diabetic = bill("S-1", VisitType.CHRONIC_OUTPATIENT, "H1", DAY, List.of("E11.900"), priced("XA10BAE045A001010100008", "90", "0.10"));
        ClaimFacts hypertensive = bill("S-2", VisitType.CHRONIC_OUTPATIENT, "H1", DAY, List.of("I10"), priced("XA10BAE045A001010100008", "90", "0.10"));
        ClaimFacts noDiagnosis = bill("S-3", VisitType.PHARMACY, "P1", DAY, List.of(), priced("XA10BAE045A001010100008", "90", "0.10"));
        ClaimFacts endStageKidney = bill("S-4", VisitType.CHRONIC_OUTPATIENT, "H1", DAY, List.of("E11.2", "N18.5"),
                priced("XA10BAE045A001010100008", "90", "0.10"));

        assertThat(rule.check(input(diabetic).build(), new DrugIndication.Params(false))).isEmpty();
        assertThat(rule.check(input(hypertensive).build(), new DrugIndication.Params(false))).extracting(Hit::amount)
                .containsExactly(Money.of("9.00"));
        assertThat(rule.check(input(noDiagnosis).build(), new DrugIndication.Params(false))).isEmpty();
        assertThat(rule.check(input(noDiagnosis).build(), new DrugIndication.Params(true))).hasSize(1);
        assertThat(rule.check(input(endStageKidney).build(), new DrugIndication.Params(false))).singleElement()
                .satisfies(h -> assertThat(h.evidence()).contains("contraindicated"));
    }

    @Test
    void catalogRestrictionReadsTheEntryInForce() {
        CatalogEntry restricted = new CatalogEntry("XA10BHS072A001010100011", DAY.minusYears(1), "磷酸西格列汀片", ItemClass.B, null,
                null, Map.of(), List.of(new CatalogEntry.Restriction("DIAGNOSES", "E11", "限2型糖尿病"),
                new CatalogEntry.Restriction("INPATIENT_ONLY", null, "限住院")));
        ClaimFacts outpatient = bill("S-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("E10.9"), priced("XA10BHS072A001010100011", "30", "2.80"));
        ClaimFacts stay = bill("S-2", VisitType.INPATIENT, "H1", DAY, List.of("E11.9"), priced("XA10BHS072A001010100011", "30", "2.80"));

        assertThat(new CatalogRestriction().check(input(outpatient).catalog(restricted).build(), new CatalogRestriction.Params("DIAGNOSES")))
                .hasSize(1);
        assertThat(new CatalogRestriction().check(input(outpatient).catalog(restricted).build(), new CatalogRestriction.Params("INPATIENT_ONLY")))
                .hasSize(1);
        assertThat(new CatalogRestriction().check(input(stay).catalog(restricted).build(), new CatalogRestriction.Params("DIAGNOSES"))).isEmpty();
        assertThat(new CatalogRestriction().check(input(stay).catalog(restricted).build(), new CatalogRestriction.Params("INPATIENT_ONLY"))).isEmpty();
        assertThat(new CatalogRestriction().check(input(outpatient).build(), new CatalogRestriction.Params("DIAGNOSES"))).as("not in the copy").isEmpty();
        assertThatThrownBy(() -> new CatalogRestriction.Params("ANYWHERE")).hasMessageContaining("restriction");
        // after settlement: a line the patient paid whole cost the funds nothing; one the funds paid part of is found for that part
        ClaimFacts selfPaid = bill("S-3", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("E10.9"),
                classed("XA10BHS072A001010100011", ItemClass.B, "30", "2.80", "84.00"));
        ClaimFacts partly = bill("S-4", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("E10.9"),
                classed("XA10BHS072A001010100011", ItemClass.B, "30", "2.80", "8.40"));
        assertThat(new CatalogRestriction().check(input(selfPaid).catalog(restricted).build(), new CatalogRestriction.Params("DIAGNOSES"))).isEmpty();
        assertThat(new CatalogRestriction().check(input(partly).catalog(restricted).build(), new CatalogRestriction.Params("DIAGNOSES")))
                .extracting(Hit::amount).containsExactly(Money.of("75.60"));
    }

    @Test
    void catalogRestrictionsOfPersonTypeLevelAndDaysOfSupply() {
        CatalogEntry terms = new CatalogEntry("XC10AAA198A001010100017", DAY.minusYears(1), "阿托伐他汀钙片", ItemClass.B, null, null, Map.of(),
                List.of(new CatalogEntry.Restriction("RETIREES_ONLY", null, "限退休人员"),
                        new CatalogEntry.Restriction("MIN_LEVEL", "LEVEL_2", "限二级及以上医疗机构"),
                        new CatalogEntry.Restriction("MAX_DAYS_SUPPLY", "1,30", "限30天用量")));
        ClaimFacts resident = new ClaimFacts("S-1", Bills.MAN, "H1", "441700", 2026, VisitType.GENERAL_OUTPATIENT, DAY, null, null, false,
                PersonType.RESIDENT, List.of("E78.0"), List.of(), Money.of("18.00"), List.of(priced("XC10AAA198A001010100017", "60", "0.30").numbered(1)));
        ClaimFacts retiree = new ClaimFacts("S-2", Bills.MAN, "H1", "441700", 2026, VisitType.GENERAL_OUTPATIENT, DAY, null, null, false,
                PersonType.EMPLOYEE_RETIRED, List.of("E78.0"), List.of(), Money.of("9.00"), List.of(priced("XC10AAA198A001010100017", "30", "0.30").numbered(1)));

        assertThat(new CatalogRestriction().check(input(resident).catalog(terms).build(), new CatalogRestriction.Params("RETIREES_ONLY"))).hasSize(1);
        assertThat(new CatalogRestriction().check(input(retiree).catalog(terms).build(), new CatalogRestriction.Params("RETIREES_ONLY"))).isEmpty();
        assertThat(new CatalogRestriction().check(input(resident).catalog(terms).level("H1", InstitutionLevel.LEVEL_1).build(),
                new CatalogRestriction.Params("MIN_LEVEL"))).hasSize(1);
        assertThat(new CatalogRestriction().check(input(resident).catalog(terms).build(), new CatalogRestriction.Params("MIN_LEVEL")))
                .as("level not known").isEmpty();
        assertThat(new CatalogRestriction().check(input(resident).catalog(terms).build(), new CatalogRestriction.Params("MAX_DAYS_SUPPLY")))
                .singleElement().satisfies(h -> assertThat(h.evidence()).contains("at most 30 units"));
        assertThat(new CatalogRestriction().check(input(retiree).catalog(terms).build(), new CatalogRestriction.Params("MAX_DAYS_SUPPLY"))).isEmpty();
    }

    @Test
    void itemRestrictionByVisitTypeLevelAndPersonType() {
        ClaimFacts bedOutpatient = bill("S-1", VisitType.GENERAL_OUTPATIENT, "H1", DAY, List.of("J18.9"), line("S120100001", "40.00"));
        ClaimFacts pciAtLevel1 = bill("S-2", VisitType.INPATIENT, "H1", DAY, List.of("I21.0"), line("S330000001", "3500.00"));
        assertThat(new ItemRestriction().check(input(bedOutpatient).build(), new ItemRestriction.Params())).hasSize(1);
        assertThat(new ItemRestriction().check(input(pciAtLevel1).level("H1", InstitutionLevel.LEVEL_1).build(), new ItemRestriction.Params()))
                .singleElement().satisfies(h -> assertThat(h.evidence()).contains("LEVEL_2 or above"));
        assertThat(new ItemRestriction().check(input(pciAtLevel1).level("H1", InstitutionLevel.LEVEL_2).build(), new ItemRestriction.Params())).isEmpty();
        assertThat(new ItemRestriction().check(input(pciAtLevel1).build(), new ItemRestriction.Params())).as("level not known").isEmpty();

        var retireesOnly = new org.yibao.supervision.knowledge.Knowledge("t", DAY, true, "test", List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(new org.yibao.supervision.knowledge.Knowledge.Restriction("XL04", "x", Set.of(), null,
                Set.of(PersonType.EMPLOYEE_RETIRED))), List.of(), List.of());
        ClaimFacts active = new ClaimFacts("S-3", Bills.MAN, "H1", "441700", 2026, VisitType.PHARMACY, DAY, null, null, false,
                PersonType.EMPLOYEE_ACTIVE, List.of(), List.of(), Money.of("1.00"), List.of(priced("XL04AXS001", "1", "1.00").numbered(1)));
        assertThat(new ItemRestriction().check(input(active).knowledge(retireesOnly).build(), new ItemRestriction.Params())).hasSize(1);
    }

    @Test
    void priceAboveCeilingForEveryClassAtTheLevelsCeiling() {
        CatalogEntry ceiling = new CatalogEntry("XC10AAA198A001010100017", DAY.minusYears(1), "阿托伐他汀钙片", ItemClass.C, null,
                Money.of("0.30"), Map.of(InstitutionLevel.LEVEL_3, Money.of("0.35")), List.of());
        ClaimFacts c = bill("S-1", VisitType.PHARMACY, "H1", DAY, List.of(), classed("XC10AAA198A001010100017", ItemClass.C, "30", "0.333333", "0.00"));
        // (0.333333 - 0.30) x 30 = 0.99999 -> 1.00 at level 2; at level 3 the ceiling 0.35 is not exceeded
        assertThat(new PriceAboveCeiling().check(input(c).catalog(ceiling).level("H1", InstitutionLevel.LEVEL_2).build(),
                new PriceAboveCeiling.Params(null))).extracting(Hit::amount).containsExactly(Money.of("1.00"));
        assertThat(new PriceAboveCeiling().check(input(c).catalog(ceiling).level("H1", InstitutionLevel.LEVEL_3).build(),
                new PriceAboveCeiling.Params(null))).isEmpty();
        assertThat(new PriceAboveCeiling().check(input(c).catalog(ceiling).build(), new PriceAboveCeiling.Params(Set.of(ItemClass.A, ItemClass.B))))
                .as("class C not judged").isEmpty();
        ClaimFacts notInCopy = bill("S-2", VisitType.PHARMACY, "H1", DAY, List.of(), classed("XZZ", ItemClass.A, "1", "5.00", "1.20"));
        assertThat(new PriceAboveCeiling().check(input(notInCopy).build(), new PriceAboveCeiling.Params(null)))
                .extracting(Hit::amount).containsExactly(Money.of("1.20"));
    }

    @Test
    void claimAfterDeathAndTestsOnlyAdmission() {
        ClaimFacts c = bill("S-1", VisitType.INPATIENT, "H1", DAY, List.of("R50.9"), line("S250101001", "20.00"), line("S250301001", "60.00"));
        assertThat(new ClaimAfterDeath().check(input(c).death(DAY.minusDays(1)).build(), new ClaimAfterDeath.Params())).hasSize(1);
        assertThat(new ClaimAfterDeath().check(input(c).death(DAY).build(), new ClaimAfterDeath.Params())).isEmpty();
        assertThat(new TestsOnlyAdmission().check(input(c).build(), new TestsOnlyAdmission.Params(List.of("S25"))))
                .extracting(Hit::amount).containsExactly(Money.of("80.00"));
        ClaimFacts treated = bill("S-2", VisitType.INPATIENT, "H1", DAY, List.of("R50.9"), line("S250101001", "20.00"), line("S120100001", "40.00"));
        assertThat(new TestsOnlyAdmission().check(input(treated).build(), new TestsOnlyAdmission.Params(List.of("S25")))).isEmpty();
        assertThatThrownBy(() -> new TestsOnlyAdmission.Params(List.of())).hasMessageContaining("testItemPrefixes");
        // a real stay bills its bed: beds, consultations and tests (laboratory, a CT) are still no treatment
        TestsOnlyAdmission.Params withKeep = new TestsOnlyAdmission.Params(List.of("S22", "S25"), List.of("S1201", "S1102"));
        ClaimFacts bedAndTests = bill("S-3", VisitType.INPATIENT, "H1", DAY, List.of("R50.9"), priced("S120100001", "3", "40.00"),
                line("S250101001", "20.00"), line("S220800001", "150.00"));
        ClaimFacts bedOnly = bill("S-4", VisitType.INPATIENT, "H1", DAY, List.of("R50.9"), priced("S120100001", "3", "40.00"));
        ClaimFacts bedTestsAndDrug = bill("S-5", VisitType.INPATIENT, "H1", DAY, List.of("J18.9"), priced("S120100001", "3", "40.00"),
                line("S250101001", "20.00"), priced("XJ01CAA044A001010100014", "18", "0.20"));
        assertThat(new TestsOnlyAdmission().check(input(bedAndTests).build(), withKeep)).extracting(Hit::amount)
                .containsExactly(Money.of("290.00"));
        assertThat(new TestsOnlyAdmission().check(input(bedAndTests).build(), new TestsOnlyAdmission.Params(List.of("S25")))).isEmpty();
        assertThat(new TestsOnlyAdmission().check(input(bedOnly).build(), withKeep)).as("no test: not this rule").isEmpty();
        assertThat(new TestsOnlyAdmission().check(input(bedTestsAndDrug).build(), withKeep)).as("treated").isEmpty();
    }

    @Test
    void procedureBoundConsumableNeedsItsProcedureOrItem() {
        ClaimFacts hip = bill("S-1", VisitType.INPATIENT, "H1", DAY, List.of("S72.0"), line("C0604010000000000000022", "7000.00"));
        assertThat(new ProcedureBoundItem().check(input(hip).build(), new ProcedureBoundItem.Params())).hasSize(1);
        ClaimFacts replaced = Bills.with(hip, null, null, List.of("81.5101"), false);
        assertThat(new ProcedureBoundItem().check(input(replaced).build(), new ProcedureBoundItem.Params())).isEmpty();
    }
}
