package org.yibao.clearing.payment;

import org.junit.jupiter.api.Test;
import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly payment worked by hand, to the fen (deposit 5%, Zhumadian's ASSUMPTION of clearing-rules/411700-2021.yml). */
class PaymentCalculationTest {

    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");

    @Test
    void withholdsTheDepositDeductsRecoversAndDefersOverTheCap() {
        // resident pooling owes 10000.00 + 333.33 brought forward = 10333.33; 5% of the month's own 10000.00 = 500.00
        // withheld (none on the 333.33 brought forward: its deposit was withheld when it was deferred);
        // 9833.33 left; deduction 1200.00 -> 8633.33; recovery 300.00 -> 8333.33; cap 8000.00 -> paid 8000.00, deferred 333.33
        // catastrophic owes 2000.00: withheld 100.00, paid 1900.00 (no cap)
        PaymentCalculation.Result r = PaymentCalculation.calculate(new PaymentCalculation.Inputs(
                Map.of(Fund.RESIDENT_POOLING, Money.of("10000.00"), Fund.CATASTROPHIC, Money.of("2000.00")),
                Map.of(Fund.RESIDENT_POOLING, Money.of("333.33")), FIVE_PERCENT, Map.of(Fund.RESIDENT_POOLING, Money.of("1200.00")), Money.of("300.00"),
                Map.of(Fund.RESIDENT_POOLING, Money.of("8000.00"))));

        FundPayment resident = r.line(Fund.RESIDENT_POOLING).orElseThrow();
        assertThat(resident.owed()).isEqualTo(Money.of("10333.33"));
        assertThat(resident.withheld()).isEqualTo(Money.of("500.00"));
        assertThat(resident.deducted()).isEqualTo(Money.of("1200.00"));
        assertThat(resident.recovered()).isEqualTo(Money.of("300.00"));
        assertThat(resident.paid()).isEqualTo(Money.of("8000.00"));
        assertThat(resident.deferred()).isEqualTo(Money.of("333.33"));
        FundPayment catastrophic = r.line(Fund.CATASTROPHIC).orElseThrow();
        assertThat(catastrophic.withheld()).isEqualTo(Money.of("100.00"));
        assertThat(catastrophic.paid()).isEqualTo(Money.of("1900.00"));
        assertThat(r.paid()).isEqualTo(Money.of("9900.00"));
        assertThat(r.deductionCarried()).isEqualTo(Money.ZERO);
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.balances()).isTrue());
    }

    @Test
    void aDeductionIsTakenFromItsClaimsPoolingFundOnlyTheRestCarriedAndANegativeMonthIsDeferredNotPulledBack() {
        // employee pooling: a reversal of last month's bill leaves -500.00: its deposit released (-25.00 withheld),
        // nothing paid, -475.00 deferred; an employee claim's deduction of 70.00 finds nothing left there: carried whole
        // (not taken from the personal account's 300.00 - 15.00 = 285.00, paid);
        // resident pooling 400.00: 20.00 withheld, 380.00 left, a resident claim's deduction 1000.00 takes 380.00, 620.00 carried
        PaymentCalculation.Result r = PaymentCalculation.calculate(new PaymentCalculation.Inputs(
                Map.of(Fund.EMPLOYEE_POOLING, Money.of("-500.00"), Fund.RESIDENT_POOLING, Money.of("400.00"),
                        Fund.PERSONAL_ACCOUNT, Money.of("300.00")),
                Map.of(), FIVE_PERCENT, Map.of(Fund.EMPLOYEE_POOLING, Money.of("70.00"), Fund.RESIDENT_POOLING, Money.of("1000.00")),
                Money.ZERO, Map.of()));

        FundPayment employee = r.line(Fund.EMPLOYEE_POOLING).orElseThrow();
        assertThat(employee.withheld()).isEqualTo(Money.of("-25.00"));
        assertThat(employee.deducted()).isEqualTo(Money.ZERO);
        assertThat(employee.paid()).isEqualTo(Money.ZERO);
        assertThat(employee.deferred()).isEqualTo(Money.of("-475.00"));
        FundPayment resident = r.line(Fund.RESIDENT_POOLING).orElseThrow();
        assertThat(resident.withheld()).isEqualTo(Money.of("20.00"));
        assertThat(resident.deducted()).isEqualTo(Money.of("380.00"));
        assertThat(resident.paid()).isEqualTo(Money.ZERO);
        FundPayment account = r.line(Fund.PERSONAL_ACCOUNT).orElseThrow();
        assertThat(account.deducted()).isEqualTo(Money.ZERO);
        assertThat(account.paid()).isEqualTo(Money.of("285.00"));
        assertThat(r.deductionsCarried()).isEqualTo(Map.of(Fund.EMPLOYEE_POOLING, Money.of("70.00"), Fund.RESIDENT_POOLING, Money.of("620.00")));
        assertThat(r.deductionCarried()).isEqualTo(Money.of("690.00"));
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.balances()).isTrue());
    }

    @Test
    void aDeductionGivenBackIsPaidByItsClaimsPoolingFund() {
        // resident pooling owes 100.00: 5.00 withheld; a resident claim's give-back of 800.00 (deducted -800.00) -> paid 895.00
        PaymentCalculation.Result r = PaymentCalculation.calculate(new PaymentCalculation.Inputs(
                Map.of(Fund.RESIDENT_POOLING, Money.of("100.00")), Map.of(), FIVE_PERCENT, Map.of(Fund.RESIDENT_POOLING, Money.of("-800.00")),
                Money.ZERO, Map.of()));

        FundPayment resident = r.line(Fund.RESIDENT_POOLING).orElseThrow();
        assertThat(resident.deducted()).isEqualTo(Money.of("-800.00"));
        assertThat(resident.paid()).isEqualTo(Money.of("895.00"));
        assertThat(r.deductionCarried()).isEqualTo(Money.ZERO);
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.balances()).isTrue());
    }

    @Test
    void theDepositIsWithheldOnTheMonthsOwedOnlyNeverAgainOnWhatIsBroughtForward() {
        // September: resident 1000.00 owed, 5% -> 50.00 withheld, 950.00 left, cap 500.00 -> paid 500.00, deferred 450.00
        PaymentCalculation.Result september = PaymentCalculation.calculate(new PaymentCalculation.Inputs(
                Map.of(Fund.RESIDENT_POOLING, Money.of("1000.00")), Map.of(), FIVE_PERCENT, Map.of(), Money.ZERO,
                Map.of(Fund.RESIDENT_POOLING, Money.of("500.00"))));
        FundPayment sep = september.line(Fund.RESIDENT_POOLING).orElseThrow();
        assertThat(sep.withheld()).isEqualTo(Money.of("50.00"));
        assertThat(sep.paid()).isEqualTo(Money.of("500.00"));
        assertThat(sep.deferred()).isEqualTo(Money.of("450.00"));

        // October, no claims: 450.00 brought forward, nothing withheld on it, paid 450.00
        PaymentCalculation.Result october = PaymentCalculation.calculate(new PaymentCalculation.Inputs(
                Map.of(), Map.of(Fund.RESIDENT_POOLING, sep.deferred()), FIVE_PERCENT, Map.of(), Money.ZERO,
                Map.of(Fund.RESIDENT_POOLING, Money.of("500.00"))));
        FundPayment oct = october.line(Fund.RESIDENT_POOLING).orElseThrow();
        assertThat(oct.withheld()).isEqualTo(Money.of("0.00"));
        assertThat(oct.paid()).isEqualTo(Money.of("450.00"));
        assertThat(oct.deferred()).isEqualTo(Money.of("0.00"));
        // withheld in all: 50.00 = 5% of the 1000.00 owed; paid in all 950.00
        assertThat(sep.withheld().plus(oct.withheld())).isEqualTo(Money.of("50.00"));
        assertThat(sep.paid().plus(oct.paid())).isEqualTo(Money.of("950.00"));
        assertThat(List.of(sep, oct)).allSatisfy(l -> assertThat(l.balances()).isTrue());
    }
}
