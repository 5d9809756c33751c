package org.yibao.city.expect;

import org.junit.jupiter.api.Test;
import org.yibao.city.catalog.CatalogEntry;
import org.yibao.city.catalog.Category;
import org.yibao.city.catalog.Restriction;
import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Institution;
import org.yibao.city.model.Item;
import org.yibao.city.model.Person;
import org.yibao.city.model.Roster;
import org.yibao.contracts.events.AssistanceCategory;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.ItemClass;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulator's own calculation on bills worked out by hand from the Zhumadian packs' numbers
 * (zhumadian-2021-resident.yml, zhumadian-2021-employee.yml); the arithmetic is in the comments.
 */
class BillCalculatorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 5, 12);
    private static final Money ZERO = Money.ZERO;

    private final BillCalculator calculator = new BillCalculator(PolicyPacks.city());

    @Test
    void theCitysPacksAreReadAsWritten() {
        PolicyPack resident = PolicyPackFile.resource("zhumadian-2021-resident");
        assertThat(resident.scheme()).isEqualTo(Scheme.RESIDENT);
        assertThat(resident.regionCode()).isEqualTo("411700");
        assertThat(resident.priorSelfPayRatio()).isEqualByComparingTo("0.10");
        PolicyPack.Visit outpatient = resident.visits().get(VisitType.GENERAL_OUTPATIENT);
        assertThat(outpatient.capPool()).isEqualTo("outpatient");
        assertThat(outpatient.deductible(PersonType.RESIDENT, InstitutionLevel.LEVEL_3)).isEqualTo(Money.of("1000.00"));
        assertThat(outpatient.ratio(PersonType.RESIDENT, InstitutionLevel.LEVEL_2)).isEqualByComparingTo("0.60");
        assertThat(outpatient.annualCap().of(PersonType.RESIDENT, null)).isEqualTo(Money.of("2400.00"));
        assertThat(resident.visits().get(VisitType.CHRONIC_OUTPATIENT).requiresCertification()).isTrue();
        assertThat(resident.visits().get(VisitType.CHRONIC_OUTPATIENT).tiltRatio())
                .containsEntry(AssistanceCategory.LIFTED_OUT_OF_POVERTY, new BigDecimal("0.85"));
        assertThat(resident.catastrophic().bands()).extracting(PolicyPack.Band::width).containsExactly(Money.of("50000.00"), null);
        assertThat(resident.catastrophic().tilts().get(AssistanceCategory.MINIMUM_LIVING).threshold()).isEqualTo(Money.of("5500.00"));
        assertThat(resident.assistance().get(AssistanceCategory.EXTREME_POVERTY).ratio()).isEqualByComparingTo("1.00");

        PolicyPack employee = PolicyPackFile.resource("zhumadian-2021-employee");
        PolicyPack.Visit pharmacy = employee.visits().get(VisitType.PHARMACY);
        assertThat(pharmacy.annualCap().of(PersonType.EMPLOYEE_RETIRED, EmploymentTier.INDIVIDUAL_TIER_1)).isEqualTo(Money.of("1200.00"));
        assertThat(pharmacy.deductible(PersonType.EMPLOYEE_ACTIVE, InstitutionLevel.UNGRADED)).isEqualTo(Money.of("200.00"));
        // a deductible given by level alone is everyone's
        assertThat(employee.visits().get(VisitType.INPATIENT).deductible(PersonType.EMPLOYEE_RETIRED, InstitutionLevel.LEVEL_3))
                .isEqualTo(Money.of("700.00"));
        assertThat(employee.supplementary().countsDeductible()).isFalse();
        assertThat(employee.catastrophic()).isNull();
        // issue 22: maternity insurance; a delivery is paid by its fixed amount by kind and level (定额支付)
        assertThat(employee.visits().get(VisitType.DELIVERY).fixedPayment().get("CAESAREAN").get(InstitutionLevel.LEVEL_2))
                .isEqualTo(Money.of("3500.00"));
        assertThat(employee.visits().get(VisitType.PRENATAL_CARE).annualCap().of(PersonType.EMPLOYEE_ACTIVE, null))
                .isEqualTo(Money.of("600.00"));
    }

    @Test
    void anAssistanceRatioOfAVisitTypeReplacesTheCategorysRatio() {
        String yaml = """
                id: x
                version: 1
                region: { code: "410400", name: x }
                scheme: RESIDENT
                effectiveFrom: 2020-01-01
                priorSelfPayRatio: 0.10
                visits:
                  INPATIENT:
                    capPool: inpatient
                    deductibleBasis: PER_ADMISSION
                    deductible: { LEVEL_1: "200.00" }
                    ratio: { RESIDENT: { LEVEL_1: 0.90 } }
                assistance:
                  MINIMUM_LIVING: { ratio: 0.70, annualLimit: "30000.00", ratioByVisit: { GENERAL_OUTPATIENT: 0.10 } }
                """;
        PolicyPack.Assistance share = PolicyPackFile.read("x.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .assistance().get(AssistanceCategory.MINIMUM_LIVING);

        // seed (Pingdingshan 2020): outpatient assistance 10% of the costs, inpatient 70% of what remains
        assertThat(share.ratioFor(VisitType.GENERAL_OUTPATIENT)).isEqualByComparingTo("0.10");
        assertThat(share.ratioFor(VisitType.INPATIENT)).isEqualByComparingTo("0.70");
    }

    @Test
    void aKeyTheSimulatorDoesNotKnowIsRefusedNamingItsPath() {
        String yaml = """
                id: x
                version: 1
                region: { code: "411700", name: x }
                scheme: RESIDENT
                effectiveFrom: 2021-01-01
                priorSelfPayRatio: 0.10
                visits:
                  INPATIENT:
                    capPool: inpatient
                    deductibleBasis: PER_ADMISSION
                    deductible: { LEVEL_1: "200.00" }
                    ratio: { RESIDENT: { LEVEL_1: 0.90 } }
                    copay: 0.05
                """;
        assertThatThrownBy(() -> PolicyPackFile.read("x.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("x.yml: visits.INPATIENT.copay");
    }

    @Test
    void aResidentsOutpatientBillsShareTheYearlyDeductibleOfTheirPool() {
        Insured resident = resident(null);
        YearToDate year = new YearToDate();
        // level 3: 30.00 (A) + 150.00 CT (B) + 10 x 12.00 thalidomide (C) + 24 x 0.20 amoxicillin (A) = 304.80
        // full self-pay 120.00; prior self-pay 150.00 x 10% = 15.00; scope 304.80 - 120.00 - 15.00 = 169.80
        // level-3 deductible 1000.00, none used: all 169.80 is deductible, the fund pays nothing
        Layers first = bill(calculator.expect(resident, visit(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.LEVEL_3,
                line(Item.SENIOR_CONSULTATION, 1), line(Item.CT, 1), line(Item.THALIDOMIDE, 10), line(Item.AMOXICILLIN, 24)), year), year);
        assertThat(first).isEqualTo(layers("304.80", "120.00", "15.00", "169.80", "169.80", "0.00", "0.00", "0.00", "0.00", "304.80"));

        // community: 10.00 + 20.00 + 150.00 CT (B) + 20 x 0.08 = 181.60; prior self-pay 15.00; scope 166.60
        // deductible 200.00 less 169.80 used = 30.20; fund (166.60 - 30.20) x 65% = 136.40 x 0.65 = 88.66; cash 181.60 - 88.66 = 92.94
        Layers second = bill(calculator.expect(resident, visit(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.COMMUNITY,
                line(Item.CONSULTATION, 1), line(Item.BLOOD_TEST, 1), line(Item.CT, 1), line(Item.PARACETAMOL, 20)), year), year);
        assertThat(second).isEqualTo(layers("181.60", "0.00", "15.00", "166.60", "30.20", "88.66", "0.00", "0.00", "0.00", "92.94"));
        assertThat(year.deductibleUsed("outpatient")).isEqualTo(Money.of("200.00"));
        assertThat(year.fundPaid("outpatient")).isEqualTo(Money.of("88.66"));
    }

    @Test
    void theFundStopsAtWhatRemainsOfThePoolsAnnualCap() {
        Insured resident = resident(null);
        YearToDate year = new YearToDate();
        year.add(new YearToDate.Delta("outpatient", Money.of("200.00"), "outpatient", Money.of("2390.00"), ZERO, ZERO, ZERO, ZERO, ZERO));
        // the second bill above again, deductible all used: 166.60 x 65% = 108.29, but 2400.00 - 2390.00 = 10.00 remain
        // cash 181.60 - 10.00 = 171.60
        Layers capped = bill(calculator.expect(resident, visit(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.COMMUNITY,
                line(Item.CONSULTATION, 1), line(Item.BLOOD_TEST, 1), line(Item.CT, 1), line(Item.PARACETAMOL, 20)), year), year);
        assertThat(capped).isEqualTo(layers("181.60", "0.00", "15.00", "166.60", "0.00", "10.00", "0.00", "0.00", "0.00", "171.60"));
    }

    @Test
    void anAmountAboveThePriceCeilingIsFullSelfPayAndEveryLayerRoundsHalfUpOnce() {
        Insured resident = resident(null);
        YearToDate year = new YearToDate();
        year.add(new YearToDate.Delta("outpatient", Money.of("200.00"), "outpatient", ZERO, ZERO, ZERO, ZERO, ZERO, ZERO));
        // consultation billed at 25.00 against its 10.00 ceiling: 15.00 full self-pay, 10.00 in scope;
        // 12 x 0.20 amoxicillin 2.40; scope 12.40, no deductible left: fund 12.40 x 0.65 = 8.06, cash 27.40 - 8.06 = 19.34
        Encounter aboveCeiling = visit(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.COMMUNITY,
                new Encounter.Line(Item.CONSULTATION, BigDecimal.ONE, Money.of("25.00")), line(Item.AMOXICILLIN, 12));
        assertThat(bill(calculator.expect(resident, aboveCeiling, year), year))
                .isEqualTo(layers("27.40", "15.00", "0.00", "12.40", "0.00", "8.06", "0.00", "0.00", "0.00", "19.34"));
        // 0.20 + 2 x 0.15 = 0.50 in scope: 0.50 x 0.65 = 0.325 -> 0.33 half up (0.32 half even); cash 0.17
        assertThat(bill(calculator.expect(resident, visit(VisitType.GENERAL_OUTPATIENT, InstitutionLevel.COMMUNITY,
                line(Item.AMOXICILLIN, 1), line(Item.METOPROLOL, 2)), year), year))
                .isEqualTo(layers("0.50", "0.00", "0.00", "0.50", "0.00", "0.33", "0.00", "0.00", "0.00", "0.17"));
    }

    // three entries of a synthetic catalog, written out by hand
    private static final CatalogEntry GASTRIC = entry("XA02BCX001A002010110001", ItemClass.B, "1.50", Map.of(), "0.20",
            new Restriction(Restriction.Kind.DIAGNOSES, "K21,K25,K29", "限消化性溃疡患者"));
    private static final CatalogEntry SCAN = entry("S215000001", ItemClass.A, "120.00", Map.of(InstitutionLevel.LEVEL_2, Money.of("110.40")),
            null);
    private static final CatalogEntry HEART = entry("ZA12BAM038B001011216172", ItemClass.B, "40.00", Map.of(), "0.30",
            new Restriction(Restriction.Kind.MIN_LEVEL, "LEVEL_2", "限二级及以上医疗机构使用"));

    private static CatalogEntry entry(String code, ItemClass itemClass, String ceiling, Map<InstitutionLevel, Money> levels, String ratio,
                                      Restriction... restrictions) {
        return new CatalogEntry(code, "synthetic " + code, Category.WESTERN_MEDICINE, itemClass, LocalDate.of(2025, 1, 1), null,
                Money.of(ceiling), Money.of(ceiling), levels, ratio == null ? null : new BigDecimal(ratio), false, List.of(restrictions),
                List.of(), 1);
    }

    private static Item item(CatalogEntry e) {
        return new Item(e.code(), e.name(), e.listPrice(), false, null, null, e.itemClass(), e.ceiling());
    }

    @Test
    void aSyntheticItemIsPricedByItsOwnRatioItsLevelsCeilingAndItsConditions() {
        BillCalculator synthetic = new BillCalculator(PolicyPacks.city(), CatalogTerms.of(List.of(GASTRIC, SCAN, HEART)));
        Insured resident = resident(null);
        YearToDate year = new YearToDate();
        year.add(new YearToDate.Delta("outpatient", Money.of("1000.00"), "outpatient", ZERO, ZERO, ZERO, ZERO, ZERO, ZERO));
        // level 2, gastritis (K29): 14 x 1.50 gastric (B, own 20%, condition met) = 21.00; CT (B, the pack's 10%) 150.00;
        // scan billed at its general 120.00 against level 2's own 110.40: 9.60 above, full self-pay; 2 x 40.00 heart (B,
        // own 30%, level 2 and above: met) = 80.00. Total 371.00, full 9.60, prior 4.20 + 15.00 + 24.00 = 43.20,
        // scope 318.20, no deductible left: fund 318.20 x 60% = 190.92, cash 371.00 - 190.92 = 180.08
        Encounter gastritis = new Encounter("S1", null, DAY, Roster.hospitals(InstitutionLevel.LEVEL_2).get(0),
                VisitType.GENERAL_OUTPATIENT, List.of("K29"), List.of(line(item(GASTRIC), 14), line(Item.CT, 1), line(item(SCAN), 1),
                line(item(HEART), 2)), null, false);
        Expectation.Bill b = (Expectation.Bill) synthetic.expect(resident, gastritis, year);
        assertThat(b.layers()).isEqualTo(layers("371.00", "9.60", "43.20", "318.20", "0.00", "190.92", "0.00", "0.00", "0.00", "180.08"));
        assertThat(b.rules()).contains("a line from the synthetic catalog", "a class B line at its own ratio", "a class B line",
                "a price above the ceiling");

        // a community centre, back pain (M54): the gastric drug's diagnoses and the injection's level are not met, both
        // self-paid whole: full 21.00 + 80.00 = 101.00; prior 15.00 (CT); scope 135.00; fund x 65% = 87.75; cash 163.25
        Encounter backPain = new Encounter("S2", null, DAY, Roster.hospitals(InstitutionLevel.COMMUNITY).get(0),
                VisitType.GENERAL_OUTPATIENT, List.of("M54"), List.of(line(item(GASTRIC), 14), line(Item.CT, 1), line(item(HEART), 2)),
                null, false);
        Expectation.Bill outside = (Expectation.Bill) synthetic.expect(resident, backPain, year);
        assertThat(outside.layers()).isEqualTo(layers("251.00", "101.00", "15.00", "135.00", "0.00", "87.75", "0.00", "0.00", "0.00",
                "163.25"));
        assertThat(outside.rules()).contains("a line outside its restricted-payment condition (DIAGNOSES)",
                "a line outside its restricted-payment condition (MIN_LEVEL)");
        // the same bill by a calculator that does not know the synthetic catalog differs: the conditions are data
        assertThat(bill(calculator.expect(resident, backPain, year), new YearToDate()).fullSelfPay()).isEqualTo(ZERO);
    }

    @Test
    void eachKindOfConditionIsReadAsTheBureauWritesIt() {
        Item drug = item(GASTRIC);
        Insured active = new Insured("x", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER, "411702", null, Set.of());
        Insured retired = new Insured("x", Scheme.EMPLOYEE, PersonType.EMPLOYEE_RETIRED, EmploymentTier.EMPLOYER, "411702", null, Set.of());
        Encounter atCommunity = new Encounter("R", null, DAY, Roster.hospitals(InstitutionLevel.COMMUNITY).get(0),
                VisitType.GENERAL_OUTPATIENT, List.of("k25.1"), List.of(line(drug, 20), line(drug, 11)), null, false);
        Encounter stay = new Encounter("R", null, DAY, Roster.hospitals(InstitutionLevel.LEVEL_3).get(0), VisitType.INPATIENT,
                List.of(), List.of(line(drug, 30)), null, false);
        Encounter pharmacy = new Encounter("R", null, DAY, Roster.pharmacies().get(0), VisitType.PHARMACY, List.of(),
                List.of(line(drug, 10)), null, false);
        Restriction diagnoses = new Restriction(Restriction.Kind.DIAGNOSES, "K21, K25", "d");
        assertThat(CatalogTerms.holds(diagnoses, drug, atCommunity, active)).as("a prefix of a lower-case code").isTrue();
        assertThat(CatalogTerms.holds(diagnoses, drug, stay, active)).as("a bill without diagnoses").isFalse();
        Restriction level2 = new Restriction(Restriction.Kind.MIN_LEVEL, "LEVEL_2", "l");
        assertThat(CatalogTerms.holds(level2, drug, stay, active)).isTrue();
        assertThat(CatalogTerms.holds(level2, drug, atCommunity, active)).isFalse();
        assertThat(CatalogTerms.holds(new Restriction(Restriction.Kind.MIN_LEVEL, "COMMUNITY", "l"), drug, pharmacy, active))
                .as("an ungraded pharmacy is below every level").isFalse();
        Restriction retirees = new Restriction(Restriction.Kind.RETIREES_ONLY, null, "r");
        assertThat(CatalogTerms.holds(retirees, drug, stay, retired)).isTrue();
        assertThat(CatalogTerms.holds(retirees, drug, stay, active)).isFalse();
        Restriction inpatients = new Restriction(Restriction.Kind.INPATIENT_ONLY, null, "i");
        assertThat(CatalogTerms.holds(inpatients, drug, stay, active)).isTrue();
        assertThat(CatalogTerms.holds(inpatients, drug, atCommunity, active)).isFalse();
        // every line of the item on the bill counts: 20 + 11 = 31 units against 1 a day for 30 days
        assertThat(CatalogTerms.holds(new Restriction(Restriction.Kind.MAX_DAYS_SUPPLY, "1,30", "m"), drug, atCommunity, active)).isFalse();
        assertThat(CatalogTerms.holds(new Restriction(Restriction.Kind.MAX_DAYS_SUPPLY, "1,30", "m"), drug, stay, active)).isTrue();
        assertThat(CatalogTerms.holds(new Restriction(Restriction.Kind.MAX_DAYS_SUPPLY, "1.5,20", "m"), drug, stay, active)).isTrue();
    }

    @Test
    void aLowIncomeStayGetsTheTiltedCatastrophicBandsAndAssistanceWithinItsLimit() {
        Insured poor = resident(AssistanceCategory.MINIMUM_LIVING);
        YearToDate year = new YearToDate();
        year.add(new YearToDate.Delta(null, ZERO, "chronic", ZERO, Money.of("5000.00"), ZERO, ZERO, ZERO, Money.of("29900.00")));
        // level 2 stay: beds 10 x 40.00 = 400.00, blood 2 x 20.00 = 40.00, CT 2 x 150.00 = 300.00 (B), infusion sets
        // 10 x 3.50 = 35.00, syringes 20 x 0.60 = 12.00, PCI 3500.00 (B), stents 2 x 800.00 = 1600.00 (B), aspirin
        // 10 x 0.12 = 1.20: total 5888.20; class B 5400.00 -> prior self-pay 540.00; scope 5348.20
        // deductible 400.00 (level 2, per admission); fund (5348.20 - 400.00) x 75% = 4948.20 x 0.75 = 3711.15
        // self-pay in scope 5348.20 - 3711.15 = 1637.05; the year's 5000.00 becomes 6637.05; 低保's threshold 5500.00,
        // first band at 60% + 5 points: (6637.05 - 5500.00) x 0.65 = 1137.05 x 0.65 = 739.0825 -> 739.08 (no cap)
        // assistance 70% of 1637.05 - 739.08 = 897.97 -> 628.58, but only 30000.00 - 29900.00 = 100.00 remain
        // cash 5888.20 - 3711.15 - 739.08 - 100.00 = 1337.97
        Layers stay = bill(calculator.expect(poor, visit(VisitType.INPATIENT, InstitutionLevel.LEVEL_2, line(Item.BED, 10),
                line(Item.BLOOD_TEST, 2), line(Item.CT, 2), line(Item.INFUSION_SET, 10), line(Item.SYRINGE, 20), line(Item.PCI, 1),
                line(Item.STENT, 2), line(Item.ASPIRIN, 10)), year), year);
        assertThat(stay).isEqualTo(layers("5888.20", "0.00", "540.00", "5348.20", "400.00", "3711.15", "739.08", "0.00", "100.00",
                "1337.97"));
        assertThat(year.catastrophicBase()).isEqualTo(Money.of("6637.05"));
        assertThat(year.assistancePaid()).isEqualTo(Money.of("30000.00"));
    }

    @Test
    void theCatastrophicBandsAreWidthsAboveTheThreshold() {
        PolicyPack.Catastrophic c = PolicyPackFile.resource("zhumadian-2021-resident").catastrophic();
        YearToDate year = new YearToDate();
        year.add(new YearToDate.Delta(null, ZERO, "inpatient", ZERO, Money.of("60000.00"), ZERO, ZERO, ZERO, ZERO));
        // no tilt: threshold 15000.00, 60% up to 15000 + 50000 = 65000, 70% above; 60000.00 -> 70000.00 crosses at 65000:
        // 5000.00 x 0.60 + 5000.00 x 0.70 = 3000.00 + 3500.00 = 6500.00
        assertThat(BillCalculator.catastrophic(c, null, year, Money.of("10000.00"))).isEqualTo(Money.of("6500.00"));
        // 特困 (threshold 5500.00, so the first band ends at 55500): all 10000.00 above 55500 at 70% + 5 = 7500.00
        assertThat(BillCalculator.catastrophic(c, AssistanceCategory.EXTREME_POVERTY, year, Money.of("10000.00")))
                .isEqualTo(Money.of("7500.00"));
    }

    @Test
    void anEmployeesStayCrossesTheSupplementaryThresholdWithoutItsDeductible() {
        Insured employee = new Insured("x", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER, "411702", null, Set.of());
        YearToDate year = new YearToDate();
        year.add(new YearToDate.Delta(null, ZERO, "inpatient", ZERO, ZERO, Money.of("11000.00"), ZERO, ZERO, ZERO));
        // level 3: hip 7000.00 (B), beds 10 x 40.00 = 400.00, CT 150.00 (B), special beds 2 x 200.00 = 400.00 (C): 7950.00
        // full self-pay 400.00; prior self-pay 7150.00 x 10% = 715.00; scope 7950.00 - 400.00 - 715.00 = 6835.00
        // deductible 700.00; fund 6135.00 x 76% (active, level 3) = 4662.60; self-pay less the deductible
        // 6135.00 - 4662.60 = 1472.40; 11000.00 -> 12472.40 is 472.40 above 12000.00: x 90% = 425.16
        // cash 7950.00 - 4662.60 - 425.16 = 2862.24
        Layers stay = bill(calculator.expect(employee, visit(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, line(Item.HIP, 1),
                line(Item.BED, 10), line(Item.CT, 1), line(Item.SPECIAL_BED, 2)), year), year);
        assertThat(stay).isEqualTo(layers("7950.00", "400.00", "715.00", "6835.00", "700.00", "4662.60", "0.00", "425.16", "0.00",
                "2862.24"));
        assertThat(year.supplementaryBase()).isEqualTo(Money.of("12472.40"));
    }

    @Test
    void pharmacyPurchasesShareTheEmployeeOutpatientDeductible() {
        Insured employee = new Insured("x", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER, "411702", null, Set.of());
        YearToDate year = new YearToDate();
        year.add(new YearToDate.Delta("outpatient", Money.of("190.00"), "outpatient", ZERO, ZERO, ZERO, ZERO, ZERO, ZERO));
        // 30 x 0.30 atorvastatin (B) = 9.00, 30 x 0.30 amlodipine = 9.00: 18.00; prior self-pay 0.90; scope 17.10
        // 200.00 - 190.00 = 10.00 of the deductible left; fund (17.10 - 10.00) x 60% = 4.26; cash 18.00 - 4.26 = 13.74
        Encounter purchase = new Encounter("T", null, DAY, Roster.pharmacies().get(0), VisitType.PHARMACY, List.of(),
                List.of(line(Item.ATORVASTATIN, 30), line(Item.AMLODIPINE, 30)), null, false);
        assertThat(bill(calculator.expect(employee, purchase, year), year))
                .isEqualTo(layers("18.00", "0.00", "0.90", "17.10", "10.00", "4.26", "0.00", "0.00", "0.00", "13.74"));
    }

    @Test
    void chronicCareNeedsACertificationAndTiltsTheRatioForThoseLiftedOutOfPoverty() {
        Insured lifted = new Insured("x", Scheme.RESIDENT, PersonType.RESIDENT, null, "411702",
                AssistanceCategory.LIFTED_OUT_OF_POVERTY, Set.of("N18"));
        YearToDate year = new YearToDate();
        // dialysis 10 x 400.00 + blood 20.00 + syringes 10 x 0.60 = 4026.00, all class A, no deductible;
        // fund 4026.00 x 85% (tilt) = 3422.10; self-pay 603.90 is below the 5500.00 threshold;
        // assistance 603.90 x 70% = 422.73; cash 4026.00 - 3422.10 - 422.73 = 181.17
        Encounter dialysis = visit(VisitType.CHRONIC_OUTPATIENT, InstitutionLevel.LEVEL_2, line(Item.DIALYSIS, 10),
                line(Item.BLOOD_TEST, 1), line(Item.SYRINGE, 10));
        dialysis = new Encounter("C", null, DAY, dialysis.institution(), VisitType.CHRONIC_OUTPATIENT, List.of("N18"), dialysis.lines(),
                null, false);
        assertThat(bill(calculator.expect(lifted, dialysis, year), year))
                .isEqualTo(layers("4026.00", "0.00", "0.00", "4026.00", "0.00", "3422.10", "0.00", "0.00", "422.73", "181.17"));

        Insured uncertified = new Insured("x", Scheme.RESIDENT, PersonType.RESIDENT, null, "411702", null, Set.of("I10"));
        assertThat(calculator.expect(uncertified, dialysis, new YearToDate())).isInstanceOf(Expectation.Refusal.class);
    }

    @Test
    void aReversalTakesTheBillBackExactly() {
        Insured resident = resident(AssistanceCategory.EXTREME_POVERTY);
        YearToDate year = new YearToDate();
        Expectation.Bill stay = (Expectation.Bill) calculator.expect(resident, visit(VisitType.INPATIENT, InstitutionLevel.LEVEL_3,
                line(Item.BED, 12), line(Item.CT, 2), line(Item.HIP, 1)), year);
        year.add(stay.delta());
        assertThat(year.fundPaid("inpatient").isPositive()).isTrue();
        assertThat(year.assistancePaid().isPositive()).isTrue();
        year.takeBack(stay.delta());
        assertThat(List.of(year.fundPaid("inpatient"), year.catastrophicBase(), year.supplementaryBase(), year.catastrophicPaid(),
                year.supplementaryPaid(), year.assistancePaid())).containsOnly(ZERO);
        // and the same bill again is expected exactly as before
        assertThat(calculator.expect(resident, visit(VisitType.INPATIENT, InstitutionLevel.LEVEL_3, line(Item.BED, 12),
                line(Item.CT, 2), line(Item.HIP, 1)), year)).isEqualTo(stay);
    }

    @Test
    void aPersonsIdentitiesMergeByTheDocumentedPriority() {
        CityGenerator city = new CityGenerator(new CityParameters(7, 20_000, 2026, DAY, 0.01));
        Person p = city.persons().filter(x -> x.category() == AssistanceCategory.LIFTED_OUT_OF_POVERTY).findFirst().orElseThrow();
        List<CityGenerator.FeedRecord> feeds = new ArrayList<>(city.feedRecords(p));
        assertThat(Insured.of(p, feeds).category()).isEqualTo(AssistanceCategory.LIFTED_OUT_OF_POVERTY);
        // civil affairs also lists them as 低保: 低保 ranks before 脱贫
        feeds.add(new CityGenerator.FeedRecord("civil-affairs", "CIV-1", p, AssistanceCategory.MINIMUM_LIVING));
        assertThat(Insured.of(p, feeds).category()).isEqualTo(AssistanceCategory.MINIMUM_LIVING);
    }

    private static Insured resident(AssistanceCategory category) {
        return new Insured("x", Scheme.RESIDENT, PersonType.RESIDENT, null, "411702", category, Set.of());
    }

    private static Encounter visit(VisitType type, InstitutionLevel level, Encounter.Line... lines) {
        Institution at = Roster.hospitals(level).get(0);
        return new Encounter("T", null, DAY, at, type, List.of("J06"), List.of(lines), null, false);
    }

    private static Encounter.Line line(Item item, int quantity) {
        return new Encounter.Line(item, BigDecimal.valueOf(quantity), item.price());
    }

    /** The expected bill, added to the year as the simulator does after the platform settles it. */
    private static Layers bill(Expectation e, YearToDate year) {
        assertThat(e).isInstanceOf(Expectation.Bill.class);
        Expectation.Bill b = (Expectation.Bill) e;
        year.add(b.delta());
        return b.layers();
    }

    private static Layers layers(String total, String full, String prior, String scope, String deductible, String fund,
                                 String catastrophic, String supplementary, String assistance, String cash) {
        return new Layers(Money.of(total), Money.of(full), Money.of(prior), Money.of(scope), Money.of(deductible), Money.of(fund),
                Money.of(catastrophic), Money.of(supplementary), Money.of(assistance), ZERO, Money.of(cash));
    }
}
