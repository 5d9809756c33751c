package org.yibao.settlement.maternity;

import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.DeliveryKind;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.money.Money;
import org.yibao.settlement.policy.MaternityLeave;
import org.yibao.settlement.policy.PolicyPacks;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The allowance's days and amount, worked by hand from the national rule and the shipped employee packs. */
class MaternityAllowanceTest {

    private static final MaternityLeave NATIONAL_ONLY = new MaternityLeave(98, 15, 15, 15, 42, 0);

    @Test
    void averageWage4500Over30Times128DaysIs19200() {
        // a caesarean (difficult, +15) of twins (+15 for the second baby) under the national rule alone: 98 + 15 + 15 = 128
        MaternityLeave.Days days = NATIONAL_ONLY.daysFor(DeliveryKind.CAESAREAN, 2);
        assertThat(days).isEqualTo(new MaternityLeave.Days(98, 15, 15, 0));
        assertThat(days.total()).isEqualTo(128);
        // 4,500.00 / 30 = 150.00 a day; x 128 = 19,200.00
        assertThat(MaternityAllowance.amount(Money.of("4500.00"), 128)).isEqualTo(Money.of("19200.00"));
    }

    @Test
    void theAmountIsRoundedHalfUpOnceNotPerDay() {
        // 5,123.45 x 158 / 30 = 809,505.10 / 30 = 26,983.503333... -> 26,983.50
        // (rounding the day first, 170.78 x 158 = 26,983.24, would lose 0.26)
        assertThat(MaternityAllowance.amount(Money.of("5123.45"), 158)).isEqualTo(Money.of("26983.50"));
        // 3,001.00 x 98 / 30 = 294,098.00 / 30 = 9,803.2666... -> 9,803.27
        assertThat(MaternityAllowance.amount(Money.of("3001.00"), 98)).isEqualTo(Money.of("9803.27"));
    }

    @Test
    void miscarriagesHaveTheirOwnDaysAndNoRegionOrBabyDays() {
        MaternityLeave henan = new MaternityLeave(98, 15, 15, 15, 42, 60);
        assertThat(henan.daysFor(DeliveryKind.MISCARRIAGE_BEFORE_4_MONTHS, 1).total()).isEqualTo(15);
        assertThat(henan.daysFor(DeliveryKind.MISCARRIAGE_FROM_4_MONTHS, 1).total()).isEqualTo(42);
        // a natural birth of one: 98 + 60 region days; triplets by caesarean: 98 + 15 + 2 x 15 + 60 = 203
        assertThat(henan.daysFor(DeliveryKind.NATURAL, 1).total()).isEqualTo(158);
        assertThat(henan.daysFor(DeliveryKind.CAESAREAN, 3)).isEqualTo(new MaternityLeave.Days(98, 15, 30, 60));
    }

    @Test
    void theEmployeePacksStateTheirLeaveDays() {
        PolicyPacks packs = PolicyPacks.loadFromClasspath();
        LocalDate day = LocalDate.of(2023, 6, 1);
        assertThat(packs.inForce("411700", Scheme.EMPLOYEE, day).orElseThrow().maternityLeave())
                .contains(new MaternityLeave(98, 15, 15, 15, 42, 60));
        assertThat(packs.inForce("441700", Scheme.EMPLOYEE, day).orElseThrow().maternityLeave().orElseThrow().regionDays()).isEqualTo(80);
        assertThat(packs.inForce("500116", Scheme.EMPLOYEE, day).orElseThrow().maternityLeave().orElseThrow().regionDays()).isEqualTo(30);
        assertThat(packs.inForce("411700", Scheme.RESIDENT, day).orElseThrow().maternityLeave()).isEmpty();
    }
}
