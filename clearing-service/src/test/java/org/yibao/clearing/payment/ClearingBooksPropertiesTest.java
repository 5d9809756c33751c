package org.yibao.clearing.payment;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.yibao.clearing.owed.ClearingPeriods;
import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.events.Scheme;
import org.yibao.contracts.events.SettlementAmounts;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The books of the clearing, over random months of one institution: random claims of both schemes paid
 * by every fund, reversals (some of a month already closed, so netted in the earliest open one), deductions
 * (some given back later), recoveries, random monthly caps and deposit ratios, and events arriving late.
 * The same pure rules as the service: {@link Fund#owedFor}, {@link ClearingPeriods#earliestOpen} and
 * {@link PaymentCalculation}. Each try is one seed of a {@link Random}.
 *
 * <p>Books: every order's every fund line balances (owed = withheld + deducted + recovered + deferred +
 * paid, to the fen), nothing paid is negative or over the cap, and at the end, per fund, the claims less the
 * reversals equal what the orders paid, withheld, deducted and recovered plus the last deferral plus what
 * is counted in the months still open; the deductions and recoveries announced equal those netted plus
 * those carried or not netted yet.
 */
class ClearingBooksPropertiesTest {

    private static final YearMonth FIRST = YearMonth.of(2026, 1);
    private static final int MONTHS = 6;

    /** Something arriving at a step: a claim, its reversal, a deduction or its give-back, a recovery, or a month's order. */
    private record Arrival(int step, YearMonth eventMonth, Map<Fund, Money> owed, Money deduction, Money recovery, YearMonth closes,
                           Fund deductionFund) {

        Arrival(int step, YearMonth eventMonth, Map<Fund, Money> owed, Money deduction, Money recovery, YearMonth closes) {
            this(step, eventMonth, owed, deduction, recovery, closes, Fund.EMPLOYEE_POOLING);
        }
    }

    @Property(tries = 300)
    void theBooksBalanceToTheFen(@ForAll long seed) {
        Random random = new Random(seed);
        List<Arrival> arrivals = new ArrayList<>();
        Map<Fund, Money> claimedNet = zero();
        Money deductionsAnnounced = Money.ZERO;
        Money recoveriesAnnounced = Money.ZERO;
        int steps = MONTHS * 10;
        // a month's order comes at the step after its own month's last step, or later
        for (int m = 0; m < MONTHS; m++) {
            arrivals.add(new Arrival(m * 10 + 10 + random.nextInt(3), null, Map.of(), Money.ZERO, Money.ZERO, FIRST.plusMonths(m)));
        }
        int claims = 5 + random.nextInt(30);
        for (int i = 0; i < claims; i++) {
            int month = random.nextInt(MONTHS);
            int step = month * 10 + random.nextInt(10) + (random.nextInt(5) == 0 ? 10 + random.nextInt(12) : 0);
            Map<Fund, Money> owed = Fund.owedFor(random.nextBoolean() ? Scheme.EMPLOYEE : Scheme.RESIDENT, amounts(random));
            arrivals.add(new Arrival(step, FIRST.plusMonths(month), owed, Money.ZERO, Money.ZERO, null));
            add(claimedNet, owed, false);
            if (random.nextInt(4) == 0) {
                int reversalMonth = Math.min(MONTHS - 1, month + random.nextInt(3));
                int reversalStep = Math.max(step + 1, reversalMonth * 10 + random.nextInt(10)) + (random.nextInt(3) == 0 ? 10 : 0);
                Map<Fund, Money> reversed = new EnumMap<>(Fund.class);
                owed.forEach((f, a) -> reversed.put(f, a.negate()));
                arrivals.add(new Arrival(reversalStep, FIRST.plusMonths(reversalMonth), reversed, Money.ZERO, Money.ZERO, null));
                add(claimedNet, reversed, false);
            }
        }
        int deductions = random.nextInt(6);
        for (int i = 0; i < deductions; i++) {
            int step = random.nextInt(steps);
            Money amount = Money.ofFen(1 + random.nextInt(500_000));
            Fund pooling = random.nextBoolean() ? Fund.EMPLOYEE_POOLING : Fund.RESIDENT_POOLING;
            arrivals.add(new Arrival(step, null, Map.of(), amount, Money.ZERO, null, pooling));
            deductionsAnnounced = deductionsAnnounced.plus(amount);
            if (random.nextBoolean()) {
                arrivals.add(new Arrival(step + 1 + random.nextInt(20), null, Map.of(), amount.negate(), Money.ZERO, null, pooling));
                deductionsAnnounced = deductionsAnnounced.minus(amount);
            }
        }
        int recoveries = random.nextInt(3);
        for (int i = 0; i < recoveries; i++) {
            Money amount = Money.ofFen(1 + random.nextInt(300_000));
            arrivals.add(new Arrival(random.nextInt(steps), null, Map.of(), Money.ZERO, amount, null));
            recoveriesAnnounced = recoveriesAnnounced.plus(amount);
        }
        arrivals.sort(Comparator.comparingInt(Arrival::step).thenComparing(a -> a.closes() == null ? 0 : 1));
        // half the tries: a prepayment (预付金) of a basic pooling fund, recovered by instalments from a random month
        boolean prepaid = random.nextBoolean();
        Fund prepaymentFund = random.nextBoolean() ? Fund.EMPLOYEE_POOLING : Fund.RESIDENT_POOLING;
        Money prepayment = Money.ofFen(1 + random.nextInt(3_000_000));
        YearMonth firstInstalment = FIRST.plusMonths(random.nextInt(MONTHS));
        int instalments = 1 + random.nextInt(4);
        Money prepaymentRecovered = Money.ZERO;
        YearMonth lastClosed = null;

        BigDecimal ratio = BigDecimal.valueOf(random.nextInt(31), 2);
        Set<YearMonth> closed = new HashSet<>();
        Map<YearMonth, Map<Fund, Money>> ledger = new java.util.HashMap<>();
        Map<Fund, Money> deferred = zero();
        Map<Fund, Money> deductionOutstanding = new EnumMap<>(Fund.class);
        Money recoveryOutstanding = Money.ZERO;
        Map<Fund, Money> settledByOrders = zero();
        Money deductedByOrders = Money.ZERO;
        Money recoveredByOrders = Money.ZERO;
        int reversalsIntoAnotherMonth = 0;
        boolean overACap = false;
        boolean carried = false;

        for (Arrival a : arrivals) {
            if (a.closes() != null) {
                Map<Fund, Money> caps = new EnumMap<>(Fund.class);
                if (random.nextBoolean()) {
                    caps.put(Fund.EMPLOYEE_POOLING, Money.ofFen(random.nextInt(2_000_000)));
                    caps.put(Fund.RESIDENT_POOLING, Money.ofFen(random.nextInt(2_000_000)));
                }
                Map<Fund, Money> due = prepaid ? Map.of(prepaymentFund, org.yibao.clearing.prepayment.PrepaymentSchedule.dueThrough(
                        prepayment, firstInstalment, instalments, a.closes()).minus(prepaymentRecovered)) : Map.of();
                PaymentCalculation.Result r = PaymentCalculation.calculate(new PaymentCalculation.Inputs(
                        ledger.getOrDefault(a.closes(), Map.of()), deferred, ratio, deductionOutstanding, recoveryOutstanding, caps, due));
                lastClosed = a.closes();
                closed.add(a.closes());
                for (FundPayment line : r.lines()) {
                    assertThat(line.balances()).as(line.toString()).isTrue();
                    assertThat(line.paid().isNegative()).as(line.toString()).isFalse();
                    if (line.fund() != Fund.EMPLOYEE_POOLING && line.fund() != Fund.RESIDENT_POOLING) {
                        assertThat(line.deducted()).as("deductions come from a basic pooling fund only: " + line).isEqualTo(Money.ZERO);
                    }
                    if (caps.containsKey(line.fund())) {
                        assertThat(line.paid()).isLessThanOrEqualTo(caps.get(line.fund()));
                    }
                    settledByOrders.merge(line.fund(), line.paid().plus(line.withheld()).plus(line.deducted()).plus(line.recovered())
                            .plus(line.prepaymentRecovered()), Money::plus);
                    if (line.fund() != prepaymentFund || !prepaid) {
                        assertThat(line.prepaymentRecovered()).as(line.toString()).isEqualTo(Money.ZERO);
                    }
                    prepaymentRecovered = prepaymentRecovered.plus(line.prepaymentRecovered());
                    deductedByOrders = deductedByOrders.plus(line.deducted());
                    recoveredByOrders = recoveredByOrders.plus(line.recovered());
                    deferred.put(line.fund(), line.deferred());
                    overACap |= line.deferred().isPositive();
                }
                deductionOutstanding = new EnumMap<>(Fund.class);
                deductionOutstanding.putAll(r.deductionsCarried());
                recoveryOutstanding = r.recoveryCarried();
                carried |= r.deductionCarried().isPositive() || recoveryOutstanding.isPositive();
            } else if (a.eventMonth() != null) {
                YearMonth period = ClearingPeriods.earliestOpen(a.eventMonth(), closed);
                assertThat(closed).doesNotContain(period);
                if (!period.equals(a.eventMonth())) {
                    reversalsIntoAnotherMonth++;
                }
                add(ledger.computeIfAbsent(period, p -> zero()), a.owed(), false);
            } else {
                deductionOutstanding.merge(a.deductionFund(), a.deduction(), Money::plus);
                recoveryOutstanding = recoveryOutstanding.plus(a.recovery());
            }
        }

        for (Fund fund : Fund.values()) {
            Money stillOpen = Money.ZERO;
            for (Map.Entry<YearMonth, Map<Fund, Money>> period : ledger.entrySet()) {
                if (!closed.contains(period.getKey())) {
                    stillOpen = stillOpen.plus(period.getValue().getOrDefault(fund, Money.ZERO));
                }
            }
            assertThat(settledByOrders.get(fund).plus(deferred.get(fund)).plus(stillOpen))
                    .as("fund %s, seed %d, %d entries counted in a later month", fund, seed, reversalsIntoAnotherMonth)
                    .isEqualTo(claimedNet.get(fund));
        }
        assertThat(deductedByOrders.plus(Money.sum(List.copyOf(deductionOutstanding.values())))).isEqualTo(deductionsAnnounced);
        // a prepayment is never recovered beyond what its schedule made due by the last month paid, nor beyond its amount
        if (prepaid && lastClosed != null) {
            assertThat(prepaymentRecovered).isLessThanOrEqualTo(org.yibao.clearing.prepayment.PrepaymentSchedule.dueThrough(
                    prepayment, firstInstalment, instalments, lastClosed));
            assertThat(prepaymentRecovered).isLessThanOrEqualTo(prepayment);
        }
        Statistics.label("a prepayment recovered").collect(prepaymentRecovered.isPositive())
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        // every branch the books pass through is reached by a good share of the tries
        Statistics.label("counted in a later month (its own closed)").collect(reversalsIntoAnotherMonth > 0)
                .coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("deferred over a cap").collect(overACap).coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("a deduction or recovery carried").collect(carried).coverage(c -> c.check(true).percentage(p -> p > 5));
        assertThat(recoveredByOrders.plus(recoveryOutstanding)).isEqualTo(recoveriesAnnounced);
    }

    private static SettlementAmounts amounts(Random random) {
        Money basic = fen(random, 800_000);
        Money catastrophic = random.nextInt(3) == 0 ? fen(random, 500_000) : Money.ZERO;
        Money supplementary = random.nextInt(4) == 0 ? fen(random, 200_000) : Money.ZERO;
        Money assistance = random.nextInt(4) == 0 ? fen(random, 100_000) : Money.ZERO;
        Money account = random.nextInt(2) == 0 ? fen(random, 50_000) : Money.ZERO;
        Money cash = fen(random, 100_000);
        Money total = basic.plus(catastrophic).plus(supplementary).plus(assistance).plus(account).plus(cash);
        return new SettlementAmounts(total, Money.ZERO, Money.ZERO, total, Money.ZERO, basic, catastrophic, supplementary,
                assistance, account, cash);
    }

    private static Money fen(Random random, int max) {
        return Money.ofFen(random.nextInt(max));
    }

    private static Map<Fund, Money> zero() {
        Map<Fund, Money> m = new EnumMap<>(Fund.class);
        for (Fund f : Fund.values()) {
            m.put(f, Money.ZERO);
        }
        return m;
    }

    private static void add(Map<Fund, Money> into, Map<Fund, Money> amounts, boolean negate) {
        amounts.forEach((f, a) -> into.merge(f, negate ? a.negate() : a, Money::plus));
    }
}
