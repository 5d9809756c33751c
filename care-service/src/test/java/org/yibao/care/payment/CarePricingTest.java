package org.yibao.care.payment;

import org.junit.jupiter.api.Test;
import org.yibao.care.benefit.Benefit;
import org.yibao.care.benefit.LevelFrom;
import org.yibao.care.policy.AssessmentScales;
import org.yibao.care.policy.CarePolicies;
import org.yibao.care.policy.CarePolicy;
import org.yibao.contracts.events.CareLevel;
import org.yibao.contracts.events.CareSetting;
import org.yibao.contracts.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A care level's month, worked by hand with Jiangjin's 2023 policy (care-policies/500116-2023.yml):
 * institution care 50.00 / 60.00 / 70.00 yuan a day for LEVEL_3 / 4 / 5, the fund 70%; home care
 * 1200.00 / 1500.00 / 1800.00 yuan a month, the fund 80%.
 */
class CarePricingTest {

    private final CarePolicy jiangjin = CarePolicies.loadFromClasspath(AssessmentScales.loadFromClasspath()).inForce("500116", 2023)
            .orElseThrow();

    private static Benefit benefit(CareSetting setting, LevelFrom... levels) {
        return new Benefit(UUID.randomUUID(), "500116194001010011", "500116", setting,
                setting == CareSetting.INSTITUTION ? "C50011600001" : null, LocalDate.parse("2023-03-01"),
                LocalDate.parse("2025-02-28"), LocalDate.parse("2024-03-01"), null, null, List.of(levels));
    }

    private static LevelFrom level(String from, CareLevel level) {
        return new LevelFrom(LocalDate.parse(from), level);
    }

    @Test
    void anInstitutionsMonthForTwoBeneficiariesOfDifferentLevels() {
        Benefit first = benefit(CareSetting.INSTITUTION, level("2023-03-01", CareLevel.LEVEL_3));
        Benefit second = benefit(CareSetting.INSTITUTION, level("2023-03-01", CareLevel.LEVEL_4));

        // LEVEL_3, April 1-30: 30 days x 50.00 = 1500.00; fund 1500.00 x 0.70 = 1050.00; the person 450.00
        CarePricing.Priced a = CarePricing.price(jiangjin, first, LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-30"));
        // LEVEL_4, April 3-19: 17 days x 60.00 = 1020.00; fund 714.00; the person 306.00
        CarePricing.Priced b = CarePricing.price(jiangjin, second, LocalDate.parse("2023-04-03"), LocalDate.parse("2023-04-19"));

        assertThat(a.days()).isEqualTo(30);
        assertThat(a.standardAmount()).isEqualTo(Money.of("1500.00"));
        assertThat(a.fundPaid()).isEqualTo(Money.of("1050.00"));
        assertThat(a.personShare()).isEqualTo(Money.of("450.00"));
        assertThat(b.days()).isEqualTo(17);
        assertThat(b.standardAmount()).isEqualTo(Money.of("1020.00"));
        assertThat(b.fundPaid()).isEqualTo(Money.of("714.00"));
        assertThat(b.personShare()).isEqualTo(Money.of("306.00"));
        // the institution's month: 2520.00, of which the fund 1764.00 and the persons 756.00
        assertThat(a.fundPaid().plus(b.fundPaid())).isEqualTo(Money.of("1764.00"));
    }

    @Test
    void aHomeCareMonth() {
        Benefit home = benefit(CareSetting.HOME, level("2023-03-01", CareLevel.LEVEL_3));

        // a whole April: the monthly standard 1200.00; fund 1200.00 x 0.80 = 960.00; the person 240.00
        CarePricing.Priced april = CarePricing.price(jiangjin, home, LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-30"));

        assertThat(april.standardAmount()).isEqualTo(Money.of("1200.00"));
        assertThat(april.fundPaid()).isEqualTo(Money.of("960.00"));
        assertThat(april.personShare()).isEqualTo(Money.of("240.00"));
    }

    @Test
    void aPartHomeCareMonthIsProRataToTheFen() {
        Benefit home = benefit(CareSetting.HOME, level("2023-03-01", CareLevel.LEVEL_4));

        // May 10-31 of a 31-day May: 1500.00 x 22 / 31 = 1064.516... -> 1064.52; fund x 0.80 = 851.616 -> 851.62;
        // the person 1064.52 - 851.62 = 212.90
        CarePricing.Priced may = CarePricing.price(jiangjin, home, LocalDate.parse("2023-05-10"), LocalDate.parse("2023-05-31"));

        assertThat(may.days()).isEqualTo(22);
        assertThat(may.standardAmount()).isEqualTo(Money.of("1064.52"));
        assertThat(may.fundPaid()).isEqualTo(Money.of("851.62"));
        assertThat(may.personShare()).isEqualTo(Money.of("212.90"));
    }

    @Test
    void aReassessmentMidMonthChangesTheLevelFromItsDate() {
        Benefit institution = benefit(CareSetting.INSTITUTION, level("2023-03-01", CareLevel.LEVEL_3), level("2023-04-16", CareLevel.LEVEL_5));
        Benefit home = benefit(CareSetting.HOME, level("2023-03-01", CareLevel.LEVEL_3), level("2023-04-16", CareLevel.LEVEL_5));

        // institution, April: 15 days x 50.00 = 750.00 (LEVEL_3, 1-15) + 15 days x 70.00 = 1050.00 (LEVEL_5, 16-30)
        // = 1800.00; fund x 0.70 = 1260.00; the person 540.00
        CarePricing.Priced inInstitution = CarePricing.price(jiangjin, institution, LocalDate.parse("2023-04-01"),
                LocalDate.parse("2023-04-30"));
        // home, April: 1200.00 x 15/30 = 600.00 + 1800.00 x 15/30 = 900.00 = 1500.00; fund x 0.80 = 1200.00; the person 300.00
        CarePricing.Priced atHome = CarePricing.price(jiangjin, home, LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-30"));

        assertThat(inInstitution.periods()).containsExactly(
                new CarePricing.Period(CareLevel.LEVEL_3, LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-15"), 15, Money.of("750.00")),
                new CarePricing.Period(CareLevel.LEVEL_5, LocalDate.parse("2023-04-16"), LocalDate.parse("2023-04-30"), 15, Money.of("1050.00")));
        assertThat(inInstitution.standardAmount()).isEqualTo(Money.of("1800.00"));
        assertThat(inInstitution.fundPaid()).isEqualTo(Money.of("1260.00"));
        assertThat(inInstitution.personShare()).isEqualTo(Money.of("540.00"));
        assertThat(atHome.periods()).extracting(CarePricing.Period::amount).containsExactly(Money.of("600.00"), Money.of("900.00"));
        assertThat(atHome.standardAmount()).isEqualTo(Money.of("1500.00"));
        assertThat(atHome.fundPaid()).isEqualTo(Money.of("1200.00"));
        assertThat(atHome.personShare()).isEqualTo(Money.of("300.00"));
    }

    @Test
    void onlyTheDaysOfEnrollmentArePaidAGapStartingANewPeriod() {
        Benefit home = benefit(CareSetting.HOME, level("2023-03-01", CareLevel.LEVEL_3));
        Benefit institution = benefit(CareSetting.INSTITUTION, level("2023-03-01", CareLevel.LEVEL_3));

        // enrollment ended from April 20: home care April 1-19 of a 30-day April: 1200.00 x 19 / 30 = 760.00;
        // fund x 0.80 = 608.00; the person 152.00
        CarePricing.Priced ended = CarePricing.price(jiangjin, home,
                LocalDate.parse("2023-04-01").datesUntil(LocalDate.parse("2023-04-20")).toList());
        assertThat(ended.periods()).containsExactly(
                new CarePricing.Period(CareLevel.LEVEL_3, LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-19"), 19, Money.of("760.00")));
        assertThat(ended.fundPaid()).isEqualTo(Money.of("608.00"));
        assertThat(ended.personShare()).isEqualTo(Money.of("152.00"));

        // enrolled April 1-10 and 21-30 (not 11-20): institution care, two periods of 10 days x 50.00 = 500.00 each;
        // 1000.00; fund x 0.70 = 700.00; the person 300.00
        List<LocalDate> days = new java.util.ArrayList<>(LocalDate.parse("2023-04-21").datesUntil(LocalDate.parse("2023-05-01")).toList());
        days.addAll(LocalDate.parse("2023-04-01").datesUntil(LocalDate.parse("2023-04-11")).toList());
        CarePricing.Priced gap = CarePricing.price(jiangjin, institution, days);
        assertThat(gap.periods()).containsExactly(
                new CarePricing.Period(CareLevel.LEVEL_3, LocalDate.parse("2023-04-01"), LocalDate.parse("2023-04-10"), 10, Money.of("500.00")),
                new CarePricing.Period(CareLevel.LEVEL_3, LocalDate.parse("2023-04-21"), LocalDate.parse("2023-04-30"), 10, Money.of("500.00")));
        assertThat(gap.days()).isEqualTo(20);
        assertThat(gap.standardAmount()).isEqualTo(Money.of("1000.00"));
        assertThat(gap.fundPaid()).isEqualTo(Money.of("700.00"));
        assertThat(gap.personShare()).isEqualTo(Money.of("300.00"));
    }

    @Test
    void noDayOrDaysOfTwoMonthsAreNotPriced() {
        Benefit home = benefit(CareSetting.HOME, level("2023-03-01", CareLevel.LEVEL_3));

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> CarePricing.price(jiangjin, home, List.of()));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> CarePricing.price(jiangjin, home, List.of(LocalDate.parse("2023-04-30"), LocalDate.parse("2023-05-01"))));
    }
}
