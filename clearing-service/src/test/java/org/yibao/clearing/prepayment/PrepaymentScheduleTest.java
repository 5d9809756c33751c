package org.yibao.clearing.prepayment;

import org.junit.jupiter.api.Test;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.payment.PaymentCalculation;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A prepayment's schedule, and its recovery from the monthly payments worked by hand. */
class PrepaymentScheduleTest {

    private static final YearMonth FEB = YearMonth.of(2025, 2);

    @Test
    void equalInstalmentsRoundedDownTheLastTakingTheRemainder() {
        // 1,000.00 over 3 months: 333.33, 333.33, 333.34
        assertThat(PrepaymentSchedule.instalments(Money.of("1000.00"), FEB, 3)).containsExactly(
                new PrepaymentSchedule.Instalment(FEB, Money.of("333.33")),
                new PrepaymentSchedule.Instalment(FEB.plusMonths(1), Money.of("333.33")),
                new PrepaymentSchedule.Instalment(FEB.plusMonths(2), Money.of("333.34")));
        assertThat(PrepaymentSchedule.dueThrough(Money.of("1000.00"), FEB, 3, FEB.minusMonths(1))).isEqualTo(Money.ZERO);
        assertThat(PrepaymentSchedule.dueThrough(Money.of("1000.00"), FEB, 3, FEB.plusMonths(1))).isEqualTo(Money.of("666.66"));
        assertThat(PrepaymentSchedule.dueThrough(Money.of("1000.00"), FEB, 3, FEB.plusMonths(9))).isEqualTo(Money.of("1000.00"));
    }

    @Test
    void recoveredOverThreeMonthsAMonthTooSmallLeavingItsRestDueTheNext() {
        // 3,000.00 prepaid, 1,000.00 a month from February; resident pooling owed 2,000.00 / 800.00 / 2,000.00, 5% withheld.
        // February: 2,000.00 - 100.00 = 1,900.00 left, 1,000.00 recovered, 900.00 paid.
        // March: 800.00 - 40.00 = 760.00 left, all recovered (240.00 stays due), 0.00 paid.
        // April: 2,000.00 - 100.00 = 1,900.00 left, 1,000.00 + 240.00 = 1,240.00 recovered, 660.00 paid.
        Money amount = Money.of("3000.00");
        Money recovered = Money.ZERO;
        String[][] months = {{"2025-02", "2000.00", "1000.00", "900.00"}, {"2025-03", "800.00", "760.00", "0.00"},
                {"2025-04", "2000.00", "1240.00", "660.00"}};
        for (String[] m : months) {
            Money due = PrepaymentSchedule.dueThrough(amount, FEB, 3, YearMonth.parse(m[0])).minus(recovered);
            var r = PaymentCalculation.calculate(new PaymentCalculation.Inputs(Map.of(Fund.RESIDENT_POOLING, Money.of(m[1])), Map.of(),
                    new BigDecimal("0.05"), Map.of(), Money.ZERO, Map.of(), Map.of(Fund.RESIDENT_POOLING, due)));
            var line = r.line(Fund.RESIDENT_POOLING).orElseThrow();
            assertThat(line.prepaymentRecovered()).as(m[0]).isEqualTo(Money.of(m[2]));
            assertThat(line.paid()).as(m[0]).isEqualTo(Money.of(m[3]));
            assertThat(line.balances()).isTrue();
            recovered = recovered.plus(line.prepaymentRecovered());
        }
        assertThat(recovered).isEqualTo(amount);
    }

    @Test
    void whatALineRecoveredIsSplitAmongThePrepaymentsOldestFirst() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        var split = PrepaymentService.allocate(List.of(new PrepaymentService.Due(first, Fund.RESIDENT_POOLING, Money.of("300.00")),
                        new PrepaymentService.Due(second, Fund.RESIDENT_POOLING, Money.of("500.00")),
                        new PrepaymentService.Due(UUID.randomUUID(), Fund.EMPLOYEE_POOLING, Money.of("100.00"))),
                Map.of(Fund.RESIDENT_POOLING, Money.of("600.00"), Fund.EMPLOYEE_POOLING, Money.ZERO));

        assertThat(split).containsExactly(new PrepaymentService.Due(first, Fund.RESIDENT_POOLING, Money.of("300.00")),
                new PrepaymentService.Due(second, Fund.RESIDENT_POOLING, Money.of("300.00")));
    }
}
