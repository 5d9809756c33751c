package org.yibao.city.expect;

import org.junit.jupiter.api.Test;
import org.yibao.city.model.Encounter;
import org.yibao.city.model.Item;
import org.yibao.city.model.Roster;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.events.EmploymentTier;
import org.yibao.contracts.events.InstitutionLevel;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulator's own calculation of issue 22's insurance on values worked out by hand from the city's files
 * (zhumadian-2021/2022 rates, zhumadian-2021-employee's maternity, 411700-2021 care policy and the Barthel scale):
 * an account's monthly credit, an account running out, a family's bills on one balance, a delivery's fixed
 * payment, a maternity allowance and a care month. The arithmetic is in the comments.
 */
class InsuranceCalculationTest {

    private static final Insured ACTIVE = new Insured("x", Scheme.EMPLOYEE, PersonType.EMPLOYEE_ACTIVE, EmploymentTier.EMPLOYER,
            "411702", null, Set.of());

    @Test
    void aMonthsCreditFollowsTheRatesFileInForce() {
        ContributionRates y2021 = ContributionRates.resource("zhumadian-2021");
        ContributionRates y2022 = ContributionRates.resource("zhumadian-2022");
        // 2021: individual 5,000 x 2% = 100.00 wholly, employer 5,000 x 8% = 400.00 x 30% = 120.00: 220.00
        assertThat(y2021.monthlyCredit(PersonType.EMPLOYEE_ACTIVE, Money.of("5000.00"))).isEqualTo(Money.of("220.00"));
        // 2022 on (国办发〔2021〕14号): the individual's alone; 3,333.30 x 2% = 66.666 -> 66.67
        assertThat(y2022.monthlyCredit(PersonType.EMPLOYEE_ACTIVE, Money.of("3333.30"))).isEqualTo(Money.of("66.67"));
        assertThat(y2022.monthlyCredit(PersonType.EMPLOYEE_RETIRED, null)).isEqualTo(Money.of("58.00"));
        assertThat(y2022.monthlyCredit(PersonType.RESIDENT, null)).isEqualTo(Money.ZERO);
        // the latest file not after the year is in force
        assertThat(ContributionRates.city(2026).fromYear()).isEqualTo(2022);
        assertThat(ContributionRates.city(2021).fromYear()).isEqualTo(2021);
        assertThat(y2022.wageBaseFloor()).isEqualTo(Money.of("3300.00"));
        assertThat(y2022.admits(Money.of("16500.01"))).isFalse();
    }

    @Test
    void aRatesFileWithAKeyTheReaderDoesNotKnowIsRefusedNamingIt() {
        String yaml = "region: \"411700\"\nfromYear: 2022\nwageBaseFloor: \"3300.00\"\nwageBaseCeiling: \"16500.00\"\nemployerRate: 0.08\n"
                + "individualRate: 0.02\nindividualToAccount: 1.00\nemployerToAccount: 0.00\nretireeMonthlyAllocation: \"58.00\"\n"
                + "bonus: 1\n";
        assertThatThrownBy(() -> ContributionRates.of(DataFile.read("x.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))))
                .hasMessageStartingWith("x.yml: bonus: is not a field");
    }

    @Test
    void anAccountPaysTheLeastOfAskedBalanceAndOwedUntilItRunsOut() {
        Accounts accounts = new Accounts();
        accounts.credit("h", Money.of("150.00"));
        // owes 100.00 of a 120.00 bill: pays 100.00, 50.00 left
        assertThat(accounts.pay("h", Money.of("120.00"), Money.of("100.00"), false)).isEqualTo(Money.of("100.00"));
        // owes 80.00: only 50.00 left, it runs out
        assertThat(accounts.pay("h", Money.of("80.00"), Money.of("80.00"), false)).isEqualTo(Money.of("50.00"));
        assertThat(accounts.pay("h", Money.of("30.00"), Money.of("30.00"), false)).isEqualTo(Money.ZERO);
        assertThat(accounts.of("h").balance()).isEqualTo(Money.ZERO);
        assertThat(accounts.of("h").payments()).isEqualTo(2);
        // a reversal of the second gives exactly its 50.00 back
        accounts.restore("h", Money.of("50.00"), false);
        assertThat(accounts.of("h").balance()).isEqualTo(Money.of("50.00"));
        assertThat(accounts.of("h").spent()).isEqualTo(Money.of("100.00"));
    }

    @Test
    void aFamilysBillsDrawOnOneBalanceInTheOrderTheyAreSent() {
        // 150.00 in the holder's account; the member's bill of 3 March owes 100.00, the holder's of 5 March 80.00.
        // In date order (how Treatment sends a family's bills): the member's 100.00, then the holder's 50.00.
        Accounts inOrder = new Accounts();
        inOrder.credit("holder", Money.of("150.00"));
        assertThat(inOrder.pay("holder", Money.of("100.00"), Money.of("100.00"), true)).isEqualTo(Money.of("100.00"));
        assertThat(inOrder.pay("holder", Money.of("80.00"), Money.of("80.00"), false)).isEqualTo(Money.of("50.00"));
        assertThat(inOrder.of("holder").paidForMembers()).isEqualTo(Money.of("100.00"));
        // the other order splits the same 150.00 differently (holder 80.00, member 70.00): why the order must be fixed
        Accounts otherOrder = new Accounts();
        otherOrder.credit("holder", Money.of("150.00"));
        assertThat(otherOrder.pay("holder", Money.of("80.00"), Money.of("80.00"), false)).isEqualTo(Money.of("80.00"));
        assertThat(otherOrder.pay("holder", Money.of("100.00"), Money.of("100.00"), true)).isEqualTo(Money.of("70.00"));
        assertThat(otherOrder.of("holder").paidForMembers()).isEqualTo(Money.of("70.00"));
    }

    @Test
    void theOwnCalculationPaysAFamilysBillsFromTheHoldersBalanceInTheOrderSentAndAReversalGivesItBack() {
        // the CI city's first family (an employee and the next person, an enrolled resident, bound to the account)
        org.yibao.city.model.CityGenerator generator = new org.yibao.city.model.CityGenerator(
                org.yibao.city.model.CityParameters.ofThisYear(7, 600, 0.04, LocalDate.of(2026, 12, 1)));
        org.yibao.city.model.Benefits benefits = new org.yibao.city.model.Benefits(generator);
        org.yibao.city.model.Person holder = generator.persons().filter(p -> benefits.memberOf(p) != null).findFirst().orElseThrow();
        org.yibao.city.model.Person member = benefits.memberOf(holder);
        OwnCalculation own = new OwnCalculation(new BillCalculator(PolicyPacks.city()), generator);
        own.accounts().credit(holder.id().value(), Money.of("150.00"));
        OwnCalculation.PersonYear holders = own.start(holder, holder.id().value());
        OwnCalculation.PersonYear members = own.start(member, holder.id().value());
        // outpatient bills of a class 丙 drug alone (12.00 a box): the funds pay nothing, all is owed. The member's of 3
        // March, 10 boxes (120.00), is sent first and paid 120.00 (30.00 left); the holder's of 5 March, 5 boxes
        // (60.00), gets the 30.00 left and pays 30.00 in cash
        Encounter first = selfPaid("M1", member, LocalDate.of(2026, 3, 3), 10);
        Expectation.Bill m = (Expectation.Bill) members.settled(first, "test", NONE, true);
        Expectation.Bill h = (Expectation.Bill) holders.settled(selfPaid("H1", holder, LocalDate.of(2026, 3, 5), 5), "test", NONE, true);
        assertThat(m.layers().personalAccount()).isEqualTo(Money.of("120.00"));
        assertThat(m.layers().cash()).isEqualTo(Money.ZERO);
        assertThat(h.layers().personalAccount()).isEqualTo(Money.of("30.00"));
        assertThat(h.layers().cash()).isEqualTo(Money.of("30.00"));
        assertThat(h.rules()).contains("an account payment stopped at the balance");
        assertThat(own.accounts().of(holder.id().value()).paidForMembers()).isEqualTo(Money.of("120.00"));
        // a bill that does not ask takes nothing
        Expectation.Bill cash = (Expectation.Bill) holders.settled(selfPaid("H2", holder, LocalDate.of(2026, 3, 9), 1), "test", NONE, false);
        assertThat(cash.layers().personalAccount()).isEqualTo(Money.ZERO);
        // the member's bill reversed: its 120.00 back, the account at 120.00
        members.reversed(first, m);
        assertThat(own.accounts().of(holder.id().value()).balance()).isEqualTo(Money.of("120.00"));
        assertThat(own.accounts().of(holder.id().value()).paidForMembers()).isEqualTo(Money.ZERO);
    }

    private static final Layers NONE = new Layers(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

    private static Encounter selfPaid(String id, org.yibao.city.model.Person p, LocalDate day, int boxes) {
        return new Encounter(id, p, day, Roster.hospitals(InstitutionLevel.LEVEL_2).get(0), VisitType.GENERAL_OUTPATIENT, List.of("J06"),
                List.of(line(Item.THALIDOMIDE, boxes)), null, false);
    }

    @Test
    void aDeliveryIsPaidItsFixedAmountAtMostItsPolicyScope() {
        BillCalculator calculator = new BillCalculator(PolicyPacks.city());
        LocalDate day = LocalDate.of(2026, 6, 10);
        // a miscarriage before 4 months at a community centre, 7 nights: bed 7 x 40.00 = 280.00, blood tests 3 x 20.00 =
        // 60.00, infusion sets 7 x 3.50 = 24.50, syringes 14 x 0.60 = 8.40: 372.90, all class A (scope 372.90); the fixed
        // amount there is 300.00 (below the scope): the fund pays 300.00, the person 72.90
        Encounter miscarriage = delivery(day, InstitutionLevel.COMMUNITY, "MISCARRIAGE_BEFORE_4_MONTHS", 7);
        Expectation.Bill m = (Expectation.Bill) calculator.expect(ACTIVE, miscarriage, new YearToDate());
        assertThat(m.layers().total()).isEqualTo(Money.of("372.90"));
        assertThat(m.layers().policyScope()).isEqualTo(Money.of("372.90"));
        assertThat(m.layers().basicFund()).isEqualTo(Money.of("300.00"));
        assertThat(m.layers().deductible()).isEqualTo(Money.ZERO);
        assertThat(m.layers().cash()).isEqualTo(Money.of("72.90"));
        assertThat(m.delta().capPool()).isEqualTo("maternity");
        assertThat(m.delta().catastrophicBase()).isEqualTo(Money.ZERO);
        // a natural birth at level 2, 3 nights: 120.00 + 60.00 + 10.50 + 3.60 = 194.10, below its 1,800.00: paid as billed
        Expectation.Bill n = (Expectation.Bill) calculator.expect(ACTIVE, delivery(day, InstitutionLevel.LEVEL_2, "NATURAL", 3),
                new YearToDate());
        assertThat(n.layers().basicFund()).isEqualTo(Money.of("194.10"));
        assertThat(n.layers().cash()).isEqualTo(Money.ZERO);
        // a caesarean has no fixed amount at a community centre: the simulator expects the refusal
        assertThat(calculator.expect(ACTIVE, delivery(day, InstitutionLevel.COMMUNITY, "CAESAREAN", 6), new YearToDate()))
                .isInstanceOf(Expectation.Refusal.class);
    }

    private static Encounter delivery(LocalDate discharged, InstitutionLevel level, String kind, int nights) {
        List<Encounter.Line> lines = List.of(line(Item.BED, nights), line(Item.BLOOD_TEST, 3), line(Item.INFUSION_SET, nights),
                line(Item.SYRINGE, nights * 2));
        LocalDateTime admitted = discharged.minusDays(nights).atTime(9, 0);
        return new Encounter("D", null, discharged, Roster.hospitals(level).get(0), VisitType.DELIVERY, List.of("O80"), lines, null,
                false, new Encounter.Facts(false, admitted, discharged.atTime(10, 0), List.of(), null, null, kind), null, null);
    }

    private static Encounter.Line line(Item item, int quantity) {
        return new Encounter.Line(item, BigDecimal.valueOf(quantity), item.price());
    }

    @Test
    void aMaternityAllowanceIsTheWageTimesTheLeaveDaysOverThirty() {
        Maternity leave = Maternity.city();
        // 98 days + Henan's 60 (the pack's regionDays)
        assertThat(leave.leaveDays("NATURAL", 1)).isEqualTo(158);
        // 98 + 15 difficult + 15 for the second baby + 60
        assertThat(leave.leaveDays("CAESAREAN", 2)).isEqualTo(188);
        assertThat(leave.leaveDays("MISCARRIAGE_BEFORE_4_MONTHS", 1)).isEqualTo(15);
        // 4,000.00 x 158 / 30 = 21,066.666... -> 21,066.67
        assertThat(Maternity.allowance(Money.of("4000.00"), 158)).isEqualTo(Money.of("21066.67"));
        // 3,310.00 x 15 / 30 = 1,655.00
        assertThat(Maternity.allowance(Money.of("3310.00"), 15)).isEqualTo(Money.of("1655.00"));
    }

    @Test
    void aCareMonthIsPricedByLevelAndSettingFromThePolicyFile() {
        CarePolicy policy = CarePolicy.city();
        assertThat(policy.region()).isEqualTo("411700");
        // the Barthel bands: 0 -> LEVEL_5, 1-20 -> LEVEL_4, 21-40 -> LEVEL_3, 41-60 -> LEVEL_2 (not eligible)
        assertThat(policy.level(0)).isEqualTo(CareLevel.LEVEL_5);
        assertThat(policy.level(20)).isEqualTo(CareLevel.LEVEL_4);
        assertThat(policy.level(40)).isEqualTo(CareLevel.LEVEL_3);
        assertThat(policy.eligible(CareLevel.LEVEL_2)).isFalse();
        // at home, level 4, 10 to 28 February 2026: 1,500.00 x 19 / 28 = 1,017.857... -> 1,017.86; the fund 80%:
        // 814.288 -> 814.29; the person 203.57
        CarePolicy.Month home = policy.price(CareSetting.HOME, CareLevel.LEVEL_4, LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 28));
        assertThat(home).isEqualTo(new CarePolicy.Month(19, Money.of("1017.86"), Money.of("814.29"), Money.of("203.57")));
        // a whole month at home is the monthly standard exactly: 1,200.00, the fund 960.00
        assertThat(policy.price(CareSetting.HOME, CareLevel.LEVEL_3, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).fundPaid())
                .isEqualTo(Money.of("960.00"));
        // in an institution, level 5, 13 days of July: 13 x 70.00 = 910.00, the fund 70%: 637.00, the person 273.00
        assertThat(policy.price(CareSetting.INSTITUTION, CareLevel.LEVEL_5, LocalDate.of(2026, 7, 19), LocalDate.of(2026, 7, 31)))
                .isEqualTo(new CarePolicy.Month(13, Money.of("910.00"), Money.of("637.00"), Money.of("273.00")));
    }
}
