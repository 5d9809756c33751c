package org.yibao.clearing.yearend;

import org.junit.jupiter.api.Test;
import org.yibao.clearing.owed.Fund;
import org.yibao.clearing.rules.ClearingRule;
import org.yibao.clearing.rules.ClearingRules;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year-end clearing worked by hand with Zhumadian's rules (clearing-rules/411700-2021.yml, ASSUMPTION: of a surplus up
 * to 10% of the budget 60% retained; of an overspend up to 10% the fund bears 70%, from 10% to 20% 50%, beyond nothing; the
 * deposit released in full from a score of 90, 90% from 80, 60% from 60, nothing below).
 */
class YearEndCalculationTest {

    private static final ClearingRule ZHUMADIAN = ClearingRules.loadFromClasspath().inForce("411702", 2025).orElseThrow();

    @Test
    void underBudgetTheInstitutionRetainsPartOfTheSurplusAndGetsItsDepositBack() {
        // budget 1,200,000.00, claims 1,050,000.00 (87.5%, above the 85% minimum use): surplus 150,000.00; the first
        // 120,000.00 (10% of the budget) x 60% = 72,000.00 retained, the other 30,000.00 not; recognised 1,122,000.00; score
        // 92: the 52,500.00 deposit released; nothing deferred: payable 72,000.00 + 52,500.00 = 124,500.00
        var r = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.RESIDENT_POOLING, Money.of("1200000.00"),
                Money.of("1050000.00"), Money.of("52500.00"), Money.ZERO, new BigDecimal("92")), ZHUMADIAN);

        assertThat(r.surplus()).isEqualTo(Money.of("150000.00"));
        assertThat(r.retained()).isEqualTo(Money.of("72000.00"));
        assertThat(r.overspend()).isEqualTo(Money.ZERO);
        assertThat(r.recognised()).isEqualTo(Money.of("1122000.00"));
        assertThat(r.received()).isEqualTo(Money.of("997500.00"));
        assertThat(r.released()).isEqualTo(Money.of("52500.00"));
        assertThat(r.forfeited()).isEqualTo(Money.ZERO);
        assertThat(r.payable()).isEqualTo(Money.of("124500.00"));
        assertThat(r.balances()).isTrue();
        assertThat(r.explanation()).anyMatch(s -> s.contains("120000.00 x 60% = 72000.00"));
    }

    @Test
    void overBudgetTheFundSharesTheOverspendByBandsAndTheDeferralIsSettled() {
        // budget 1,000,000.00, claims 1,250,000.00: overspend 250,000.00; the first 100,000.00 x 70% = 70,000.00 and the next
        // 100,000.00 x 50% = 50,000.00 borne by the fund (120,000.00), the last 50,000.00 not: the institution bears
        // 130,000.00; recognised 1,120,000.00; the months deferred 150,000.00 over their caps; score 85: 90% of the
        // 62,500.00 deposit released (56,250.00), 6,250.00 forfeited; payable 1,120,000.00 - 1,250,000.00 + 150,000.00
        // + 56,250.00 = 76,250.00
        var r = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.EMPLOYEE_POOLING, Money.of("1000000.00"),
                Money.of("1250000.00"), Money.of("62500.00"), Money.of("150000.00"), new BigDecimal("85")), ZHUMADIAN);

        assertThat(r.overspend()).isEqualTo(Money.of("250000.00"));
        assertThat(r.fundShare()).isEqualTo(Money.of("120000.00"));
        assertThat(r.borne()).isEqualTo(Money.of("130000.00"));
        assertThat(r.recognised()).isEqualTo(Money.of("1120000.00"));
        assertThat(r.received()).isEqualTo(Money.of("1037500.00"));
        assertThat(r.released()).isEqualTo(Money.of("56250.00"));
        assertThat(r.forfeited()).isEqualTo(Money.of("6250.00"));
        assertThat(r.payable()).isEqualTo(Money.of("76250.00"));
        assertThat(r.balances()).isTrue();
    }

    @Test
    void farOverBudgetWithALowScoreTheInstitutionOwesMoneyBack() {
        // budget 100,000.00, claims 150,000.00, nothing deferred: the fund bears 10,000.00 x 70% + 10,000.00 x 50% =
        // 12,000.00; recognised 112,000.00; score 50: the 7,500.00 deposit forfeited; payable 112,000.00 - 150,000.00 =
        // -38,000.00, owed back
        var r = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.RESIDENT_POOLING, Money.of("100000.00"),
                Money.of("150000.00"), Money.of("7500.00"), Money.ZERO, new BigDecimal("50")), ZHUMADIAN);

        assertThat(r.fundShare()).isEqualTo(Money.of("12000.00"));
        assertThat(r.borne()).isEqualTo(Money.of("38000.00"));
        assertThat(r.forfeited()).isEqualTo(Money.of("7500.00"));
        assertThat(r.payable()).isEqualTo(Money.of("-38000.00"));
        assertThat(r.balances()).isTrue();
    }

    @Test
    void aFundWithoutBudgetIsRecognisedAsClaimedAndGetsItsDeferralAndDeposit() {
        // catastrophic: no budget; claims 30,000.00, 1,500.00 withheld, a -200.00 deferral (a reversal after the last
        // payment); score 80: 90% of the deposit, 1,350.00; payable -200.00 + 1,350.00 = 1,150.00
        var r = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.CATASTROPHIC, null, Money.of("30000.00"),
                Money.of("1500.00"), Money.of("-200.00"), new BigDecimal("80")), ZHUMADIAN);

        assertThat(r.recognised()).isEqualTo(Money.of("30000.00"));
        assertThat(r.retained()).isEqualTo(Money.ZERO);
        assertThat(r.payable()).isEqualTo(Money.of("1150.00"));
        assertThat(r.balances()).isTrue();
    }

    @Test
    void farUnderBudgetNothingIsRetained() {
        // claims 50,000.00 of a 100,000.00 budget: below the 85% minimum use, the 50,000.00 surplus earns nothing; an
        // institution with a budget and no claims at all neither
        var half = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.RESIDENT_POOLING, Money.of("100000.00"),
                Money.of("50000.00"), Money.ZERO, Money.ZERO, new BigDecimal("100")), ZHUMADIAN);
        var none = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.RESIDENT_POOLING, Money.of("100000.00"),
                Money.ZERO, Money.ZERO, Money.ZERO, new BigDecimal("100")), ZHUMADIAN);

        assertThat(half.retained()).isEqualTo(Money.ZERO);
        assertThat(half.payable()).isEqualTo(Money.ZERO);
        assertThat(half.explanation()).anyMatch(s -> s.contains("below 85% of the budget (85000.00): nothing retained"));
        assertThat(none.retained()).isEqualTo(Money.ZERO);
        assertThat(none.payable()).isEqualTo(Money.ZERO);
    }

    @Test
    void aSurplusWithinTheFirstBandIsRetainedAtItsShareAndAnOverspendWithinItSharedAtIts() {
        // 5,000.00 under a 100,000.00 budget: 5,000.00 x 60% = 3,000.00; 5,000.00 over: 5,000.00 x 70% = 3,500.00
        var under = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.RESIDENT_POOLING, Money.of("100000.00"),
                Money.of("95000.00"), Money.ZERO, Money.ZERO, new BigDecimal("100")), ZHUMADIAN);
        var over = YearEndCalculation.calculate(new YearEndCalculation.Inputs(Fund.RESIDENT_POOLING, Money.of("100000.00"),
                Money.of("105000.00"), Money.ZERO, Money.ZERO, new BigDecimal("100")), ZHUMADIAN);

        assertThat(under.retained()).isEqualTo(Money.of("3000.00"));
        assertThat(over.fundShare()).isEqualTo(Money.of("3500.00"));
        assertThat(over.borne()).isEqualTo(Money.of("1500.00"));
    }
}
