package org.yibao.clearing.payment;

import org.yibao.clearing.owed.Fund;
import org.yibao.contracts.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The monthly payment of one institution (月度拨付), a pure calculation: per fund, what is owed (the period's
 * claims less reversals, plus what earlier months deferred) less the quality deposit withheld, less the
 * deductions and recoveries outstanding, within the monthly cap; the rest deferred. Every part is shown and
 * every fund's line balances to the fen ({@link FundPayment#balances()}).
 *
 * <p>Order, per fund in {@link Fund}'s order:
 * <ol>
 * <li>withheld = the period's own owed x deposit ratio, HALF_UP to the fen, never on what was brought forward
 *     (its deposit was withheld by the order that deferred it); negative when the period's reversals make its owed
 *     negative (the deposit withheld on the reversed claims released);</li>
 * <li>deductions, per basic pooling fund (the fund of the scheme of the claim each was confirmed on), taken from
 *     that fund's line only, from what is left (never making it negative); the rest is carried to the next month
 *     on the same fund ({@link Result#deductionsCarried()}); a net give-back (the fund's deductions below zero:
 *     a confirmed finding later dismissed, withdrawn or its claim reversed) is added to that fund's line;</li>
 * <li>recoveries, taken from what is left of any fund (never making it negative), the rest carried
 *     ({@link Result#recoveryCarried()});</li>
 * <li>prepayments being recovered (预付金): the instalments due of the fund's prepayments, taken from what is left of
 *     that fund (never making it negative); what the line cannot take stays due next month (the schedule is the
 *     prepayment's: nothing is carried here);</li>
 * <li>paid = what is left, at most the fund's monthly cap (ASSUMPTION: only a basic pooling fund with a budget
 *     has a cap; the others are paid as owed), never negative; the rest (or a negative balance) is deferred.</li>
 * </ol>
 */
public final class PaymentCalculation {

    private PaymentCalculation() {
    }

    /**
     * What one institution's month is made of.
     *
     * @param owedInPeriod        per fund, the period's claims less reversals (a fund absent is 0)
     * @param broughtForward      per fund, what the previous order deferred
     * @param qualityDepositRatio the share withheld (0 to 0.30)
     * @param deductions          per basic pooling fund, the deductions outstanding, net: positive to take, negative to give back
     * @param recoveries          the recoveries outstanding (never negative)
     * @param monthlyCaps         per basic pooling fund with a budget, the month's cap
     * @param prepaymentsDue      per fund, the prepayments' instalments due through the period and not recovered yet
     */
    public record Inputs(Map<Fund, Money> owedInPeriod, Map<Fund, Money> broughtForward, BigDecimal qualityDepositRatio,
                         Map<Fund, Money> deductions, Money recoveries, Map<Fund, Money> monthlyCaps, Map<Fund, Money> prepaymentsDue) {

        /** A month without prepayments being recovered. */
        public Inputs(Map<Fund, Money> owedInPeriod, Map<Fund, Money> broughtForward, BigDecimal qualityDepositRatio,
                      Map<Fund, Money> deductions, Money recoveries, Map<Fund, Money> monthlyCaps) {
            this(owedInPeriod, broughtForward, qualityDepositRatio, deductions, recoveries, monthlyCaps, Map.of());
        }

        public Inputs {
            prepaymentsDue = Map.copyOf(prepaymentsDue);
            for (Map.Entry<Fund, Money> due : prepaymentsDue.entrySet()) {
                if (due.getValue().isNegative()) {
                    throw new IllegalArgumentException("a prepayment due must not be negative: " + due);
                }
            }
            owedInPeriod = Map.copyOf(owedInPeriod);
            deductions = Map.copyOf(deductions);
            for (Fund f : deductions.keySet()) {
                if (f != Fund.EMPLOYEE_POOLING && f != Fund.RESIDENT_POOLING) {
                    throw new IllegalArgumentException("deductions are taken from a basic pooling fund only: " + f);
                }
            }
            broughtForward = Map.copyOf(broughtForward);
            monthlyCaps = Map.copyOf(monthlyCaps);
            if (recoveries.isNegative()) {
                throw new IllegalArgumentException("recoveries must not be negative: " + recoveries);
            }
        }
    }

    /**
     * The payment: a line per fund, and what was carried to the next month.
     *
     * @param deductionsCarried per basic pooling fund, deductions its line could not take this month (positive), to net
     *                          next month on the same fund
     * @param recoveryCarried   recoveries no fund could take this month, to net next month
     */
    public record Result(List<FundPayment> lines, Map<Fund, Money> deductionsCarried, Money recoveryCarried) {

        public Result {
            lines = List.copyOf(lines);
            deductionsCarried = Map.copyOf(deductionsCarried);
        }

        /** All deductions carried, every fund's. */
        public Money deductionCarried() {
            return Money.sum(List.copyOf(deductionsCarried.values()));
        }

        public Money paid() {
            return Money.sum(lines.stream().map(FundPayment::paid).toList());
        }

        public Optional<FundPayment> line(Fund fund) {
            return lines.stream().filter(l -> l.fund() == fund).findFirst();
        }
    }

    public static Result calculate(Inputs in) {
        Map<Fund, Money> owed = new EnumMap<>(Fund.class);
        for (Fund fund : Fund.values()) {
            owed.put(fund, in.owedInPeriod().getOrDefault(fund, Money.ZERO).plus(in.broughtForward().getOrDefault(fund, Money.ZERO)));
        }
        Map<Fund, Money> carried = new EnumMap<>(Fund.class);
        Money recoveryLeft = in.recoveries();
        List<FundPayment> lines = new ArrayList<>();
        for (Fund fund : Fund.values()) {
            Money due = owed.get(fund);
            // the deposit is on the month's own owed only: what was brought forward had its deposit withheld already
            Money withheld = in.owedInPeriod().getOrDefault(fund, Money.ZERO).times(in.qualityDepositRatio(), RoundingMode.HALF_UP);
            Money left = due.minus(withheld);
            Money deductionLeft = in.deductions().getOrDefault(fund, Money.ZERO);
            Money deducted = Money.ZERO;
            if (deductionLeft.isNegative()) {
                deducted = deductionLeft;
            } else if (deductionLeft.isPositive() && left.isPositive()) {
                deducted = deductionLeft.min(left);
            }
            if (deductionLeft.minus(deducted).isPositive()) {
                carried.put(fund, deductionLeft.minus(deducted));
            }
            left = left.minus(deducted);
            Money recovered = Money.ZERO;
            if (recoveryLeft.isPositive() && left.isPositive()) {
                recovered = recoveryLeft.min(left);
                recoveryLeft = recoveryLeft.minus(recovered);
            }
            left = left.minus(recovered);
            Money prepaymentRecovered = Money.ZERO;
            Money prepaymentDue = in.prepaymentsDue().getOrDefault(fund, Money.ZERO);
            if (prepaymentDue.isPositive() && left.isPositive()) {
                prepaymentRecovered = prepaymentDue.min(left);
            }
            left = left.minus(prepaymentRecovered);
            Money paid = left.isPositive() ? left : Money.ZERO;
            Money cap = in.monthlyCaps().get(fund);
            if (cap != null) {
                paid = paid.min(cap.max(Money.ZERO));
            }
            Money deferred = left.minus(paid);
            lines.add(new FundPayment(fund, in.owedInPeriod().getOrDefault(fund, Money.ZERO),
                    in.broughtForward().getOrDefault(fund, Money.ZERO), due, withheld, deducted, recovered, prepaymentRecovered, deferred, paid));
        }
        return new Result(lines, carried, recoveryLeft);
    }
}
